package store

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gloss/annotate"
	"gloss/annotate/formats"
)

// TestExportMatchesSchema checks that what export writes is exactly what
// docs/gloss.schema.json describes: every required key present, no key the
// schema does not name, and every value of the declared type.
func TestExportMatchesSchema(t *testing.T) {
	raw, err := os.ReadFile("../docs/gloss.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var schema map[string]any
	if err := json.Unmarshal(raw, &schema); err != nil {
		t.Fatal(err)
	}
	s := newProject(t)
	fillProject(t, s)
	// a discontinuous span's fragments carry a group
	d := addDoc(t, s, "grouped", "one two three")
	for _, r := range [][2]int{{0, 3}, {8, 13}} {
		sp := annotate.NewSpan(d.ID, r[0], r[1], label(t, s, "claim"))
		sp.Group = "g1"
		s.AddSpan(sp)
	}
	// structure: relations, nested events, attributes, typed notes, an
	// equivalence set, a normalisation and document categories
	b, err := formats.LoadPaths(context.Background(), []string{filepath.Join("testdata", "brat-structure")}, "brat")
	if err != nil {
		t.Fatal(err)
	}
	b.Documents[0].Categories = map[string][]string{"stance": {"neutral"}}
	if _, err := s.Import(b); err != nil {
		t.Fatal(err)
	}
	checked := map[string]bool{}
	for _, format := range []string{"gloss", "jsonl"} {
		f, _ := formats.Lookup(format)
		var buf bytes.Buffer
		if _, err := f.Write(&buf, s); err != nil {
			t.Fatal(err)
		}
		v := validator{root: schema}
		if format == "gloss" {
			var doc any
			if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
				t.Fatal(err)
			}
			v.check("$", schema, doc)
			for _, key := range []string{"relations", "events", "notes", "equivs", "norms", "categories", "attributes", "relation_types", "attribute_defs", "category_sets"} {
				checked[key] = strings.Contains(buf.String(), `"`+key+`":`)
			}
		} else {
			def := schema["$defs"].(map[string]any)["document"].(map[string]any)
			for i, line := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
				var doc any
				if err := json.Unmarshal([]byte(line), &doc); err != nil {
					t.Fatal(err)
				}
				v.check(fmt.Sprintf("line %d", i+1), def, doc)
			}
		}
		for _, e := range v.errs {
			t.Errorf("%s: %s", format, e)
		}
	}
	for key, ok := range checked {
		if !ok {
			t.Errorf("the export has no %q to check", key)
		}
	}
}

// validator checks the subset of JSON Schema that docs/gloss.schema.json uses.
type validator struct {
	root map[string]any
	errs []string
}

func (v *validator) fail(path, format string, args ...any) {
	v.errs = append(v.errs, path+": "+fmt.Sprintf(format, args...))
}

func (v *validator) check(path string, sch map[string]any, val any) {
	if ref, ok := sch["$ref"].(string); ok {
		name := strings.TrimPrefix(ref, "#/$defs/")
		sch = v.root["$defs"].(map[string]any)[name].(map[string]any)
	}
	if enum, ok := sch["enum"].([]any); ok {
		found := false
		for _, e := range enum {
			found = found || e == val
		}
		if !found {
			v.fail(path, "%v not in %v", val, enum)
		}
	}
	switch sch["type"] {
	case "object":
		obj, ok := val.(map[string]any)
		if !ok {
			v.fail(path, "want object, got %T", val)
			return
		}
		props, _ := sch["properties"].(map[string]any)
		for _, r := range asList(sch["required"]) {
			if _, ok := obj[r.(string)]; !ok {
				v.fail(path, "missing required %q", r)
			}
		}
		for k, child := range obj {
			p, ok := props[k]
			if !ok {
				if sch["additionalProperties"] == false {
					v.fail(path, "key %q is not in the schema", k)
				}
				continue
			}
			v.check(path+"."+k, p.(map[string]any), child)
		}
	case "array":
		arr, ok := val.([]any)
		if !ok {
			v.fail(path, "want array, got %T", val)
			return
		}
		if n, ok := sch["minItems"].(float64); ok && len(arr) < int(n) {
			v.fail(path, "%d items, want at least %v", len(arr), n)
		}
		if n, ok := sch["maxItems"].(float64); ok && len(arr) > int(n) {
			v.fail(path, "%d items, want at most %v", len(arr), n)
		}
		if items, ok := sch["items"].(map[string]any); ok {
			for i, el := range arr {
				v.check(fmt.Sprintf("%s[%d]", path, i), items, el)
			}
		}
	case "string":
		str, ok := val.(string)
		if !ok {
			v.fail(path, "want string, got %T", val)
			return
		}
		if pat, ok := sch["pattern"].(string); ok && !regexp.MustCompile(pat).MatchString(str) {
			v.fail(path, "%q does not match %s", str, pat)
		}
	case "integer":
		n, ok := val.(float64)
		if !ok || n != float64(int64(n)) {
			v.fail(path, "want integer, got %v", val)
			return
		}
		if min, ok := sch["minimum"].(float64); ok && n < min {
			v.fail(path, "%v below minimum %v", n, min)
		}
	}
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}
