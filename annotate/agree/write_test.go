package agree

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

// reportStudy has three coders, a merged span, an unused label and an
// undefined figure.
func reportStudy() Study {
	return Study{Labels: []string{"claim", "premise", "unused"}, Documents: []Document{{"d1", 40}, {"d2", 20}},
		Spans: []Span{
			span("d1", 0, 10, "claim", "alice"), span("d1", 5, 12, "claim", "alice"), span("d1", 0, 12, "claim", "bob"),
			span("d1", 1, 12, "claim", "carol"), span("d2", 3, 9, "premise", "alice"), span("d2", 3, 9, "premise", "carol"),
			span("d1", 30, 40, "premise", "bob"),
		}}
}

func TestWriteText(t *testing.T) {
	r := mustCompute(t, reportStudy())
	var b bytes.Buffer
	if err := WriteText(&b, r); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"Agreement of 3 annotators (alice, bob, carol) over 2 documents, 60 code points",
		"Krippendorff's alpha_u: " + r.AlphaU.String(),
		"units alice", "fleiss",
		"alice / bob",
		"merged into their union before alpha_u and kappa: alice claim 1.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
	var unused string
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "unused ") {
			unused = line
		}
	}
	if f := strings.Fields(unused); len(f) != 6 || f[1] != "n/a" || f[2] != "n/a" || f[3] != "0" {
		t.Errorf("row of the unused label: %q", unused)
	}
	if strings.Contains(out, "NaN") {
		t.Errorf("NaN in text:\n%s", out)
	}
}

func TestWriteCSV(t *testing.T) {
	s := reportStudy()
	r := mustCompute(t, s)
	docs, err := ByDocument(s)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WriteCSV(&b, r, docs); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rows[0], CSVHeader) {
		t.Errorf("header %v", rows[0])
	}
	find := func(doc, label, a, bb, figure string) (string, bool) {
		for _, row := range rows[1:] {
			if slices.Equal(row[:5], []string{doc, label, a, bb, figure}) {
				return row[5], true
			}
		}
		return "", false
	}
	checks := []struct {
		key  [5]string
		want string
	}{
		{[5]string{"", "", "", "", "alpha_u"}, fmt.Sprint(r.AlphaU.X)},
		{[5]string{"", "", "", "", "length"}, "60"},
		{[5]string{"", "claim", "alice", "", "units"}, "1"},
		{[5]string{"", "claim", "alice", "", "merged"}, "1"},
		{[5]string{"", "unused", "", "", "alpha_u"}, ""},
		{[5]string{"", "claim", "", "", "fleiss"}, fmt.Sprint(r.Fleiss["claim"].X)},
		{[5]string{"", "claim", "alice", "bob", "kappa"}, fmt.Sprint(r.Pairs[0].Kappa["claim"].X)},
		{[5]string{"", "", "bob", "carol", "f1_exact"}, fmt.Sprint(r.Pairs[2].F1Exact.X)},
		{[5]string{"d2", "", "", "", "length"}, "20"},
		{[5]string{"d2", "claim", "bob", "", "units"}, "0"},
	}
	for _, c := range checks {
		got, ok := find(c.key[0], c.key[1], c.key[2], c.key[3], c.key[4])
		if !ok || got != c.want {
			t.Errorf("CSV %v = %q (found %v), want %q", c.key, got, ok, c.want)
		}
	}
}

// TestJSONSchema checks a real report's JSON against docs/agreement.schema.json:
// types, required keys, no key the schema does not list.
func TestJSONSchema(t *testing.T) {
	raw, err := os.ReadFile("../../docs/agreement.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var schema map[string]any
	if err := json.Unmarshal(raw, &schema); err != nil {
		t.Fatalf("docs/agreement.schema.json: %v", err)
	}
	s := reportStudy()
	r := mustCompute(t, s)
	data, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if errs := conform(schema, schema, doc, "$"); len(errs) > 0 {
		t.Errorf("report does not conform:\n%s\n%s", strings.Join(errs, "\n"), data)
	}
	// The shape of the issue, and null for undefined figures.
	for _, want := range []string{`"annotators":["alice","bob","carol"]`, `"documents":2`, `"length":60`,
		`"unused":{"alpha_u":null,"units":{"alice":0,"bob":0,"carol":0}}`, `"merged":{"alice":1}`,
		`{"a":"alice","b":"bob","f1_exact":`, `"fleiss":{"claim":`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("JSON lacks %s:\n%s", want, data)
		}
	}
	// The checker itself refuses what it should.
	bad := map[string]any{"annotators": []any{}, "documents": 1.5, "length": 0, "alpha_u": "x",
		"labels": map[string]any{}, "pairs": []any{map[string]any{"a": "x"}}, "extra": true}
	if errs := conform(schema, schema, bad, "$"); len(errs) < 5 {
		t.Errorf("the checker let a bad report through: %v", errs)
	}
	// A by-document report is a report with "document".
	docs, _ := ByDocument(s)
	data, _ = json.Marshal(docs[0])
	var m map[string]any
	_ = json.Unmarshal(data, &m)
	if m["document"] != "d1" || m["length"] != 40.0 {
		t.Errorf("by-document JSON: %s", data)
	}
}

// conform checks v against a JSON Schema node: the subset the agreement
// schema uses (type, required, properties, additionalProperties, items,
// minimum, $ref to #/$defs).
func conform(root, node map[string]any, v any, path string) []string {
	if ref, ok := node["$ref"].(string); ok {
		name := strings.TrimPrefix(ref, "#/$defs/")
		def, ok := root["$defs"].(map[string]any)[name].(map[string]any)
		if !ok {
			return []string{path + ": unknown $ref " + ref}
		}
		return conform(root, def, v, path)
	}
	var errs []string
	if ty, ok := node["type"]; ok {
		types := []string{}
		switch ty := ty.(type) {
		case string:
			types = append(types, ty)
		case []any:
			for _, x := range ty {
				types = append(types, x.(string))
			}
		}
		if !slices.ContainsFunc(types, func(ty string) bool { return isType(v, ty) }) {
			return []string{fmt.Sprintf("%s: %v is not %v", path, v, types)}
		}
	}
	if min, ok := node["minimum"].(float64); ok {
		if x, ok := v.(float64); ok && x < min {
			errs = append(errs, fmt.Sprintf("%s: %v < %v", path, x, min))
		}
	}
	if obj, ok := v.(map[string]any); ok {
		for _, k := range asList(node["required"]) {
			if _, ok := obj[k]; !ok {
				errs = append(errs, path+": missing "+k)
			}
		}
		props, _ := node["properties"].(map[string]any)
		for k, x := range obj {
			if p, ok := props[k].(map[string]any); ok {
				errs = append(errs, conform(root, p, x, path+"."+k)...)
				continue
			}
			switch ap := node["additionalProperties"].(type) {
			case bool:
				if !ap {
					errs = append(errs, path+": key "+k+" is not in the schema")
				}
			case map[string]any:
				errs = append(errs, conform(root, ap, x, path+"."+k)...)
			}
		}
	}
	if arr, ok := v.([]any); ok {
		if items, ok := node["items"].(map[string]any); ok {
			for i, x := range arr {
				errs = append(errs, conform(root, items, x, fmt.Sprintf("%s[%d]", path, i))...)
			}
		}
	}
	return errs
}

func isType(v any, ty string) bool {
	switch ty {
	case "object":
		_, ok := v.(map[string]any)
		return ok
	case "array":
		_, ok := v.([]any)
		return ok
	case "string":
		_, ok := v.(string)
		return ok
	case "number":
		_, ok := v.(float64)
		return ok
	case "integer":
		x, ok := v.(float64)
		return ok && x == float64(int64(x))
	case "null":
		return v == nil
	case "boolean":
		_, ok := v.(bool)
		return ok
	}
	return false
}

func asList(v any) []string {
	var out []string
	if l, ok := v.([]any); ok {
		for _, x := range l {
			out = append(out, x.(string))
		}
	}
	return out
}
