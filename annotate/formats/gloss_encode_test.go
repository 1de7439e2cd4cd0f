package formats

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"gloss/annotate"
	"gloss/internal/fixture"
)

// TestAppendGlossDocumentMatchesEncodingJSON: the hand-written encoder must
// write exactly what encoding/json writes for the same value.
func TestAppendGlossDocumentMatchesEncodingJSON(t *testing.T) {
	text := fixture.EdgeCases(t).Text
	ts := time.Date(2026, 11, 27, 14, 13, 26, 214274534, time.UTC)
	g := GlossDocument{ID: "id-1", Title: "quotes \" and \\ and <tags> & \u2028", Text: text + "\x01\x7f\b\f", SHA256: annotate.HashText(text),
		Status: annotate.StatusInProgress, Metadata: map[string]any{"n": 1.5, "s": "x", "nested": map[string]any{"a": []any{1.0, "b"}}},
		CreatedAt: ts, UpdatedAt: ts.Add(time.Second),
		Spans: []GlossSpan{
			{ID: "s1", Start: 0, End: 3, Label: "claim 🤝", Text: "a\tb", Note: "n\r\n", Annotator: "ana", CreatedAt: ts, UpdatedAt: ts, UTF16: [2]int{0, 4}, UTF8: [2]int{0, 6}},
			{ID: "s2", Start: 4, End: 9, Label: "actor", Group: "g", CreatedAt: ts, UpdatedAt: ts,
				Attributes: map[string]string{"b<": "x\n", "a": "true", "é": "ü"}},
		}}
	withStructure := g
	withStructure.Categories = map[string][]string{"topic": {"a", "b&"}}
	withStructure.Relations = []GlossRelation{{ID: "r1", Type: "says", From: "s1", To: "s2", Attributes: map[string]string{"x": "y"}, CreatedAt: ts, UpdatedAt: ts}}
	withStructure.Events = []GlossEvent{{ID: "e1", Type: "Say", Trigger: "s1", Args: []annotate.EventArg{{Role: "Theme", Ref: "s2"}}}}
	withStructure.Notes = []GlossNote{{ID: "n1", Type: "Lemma", Target: "s1", Text: "say"}}
	withStructure.Equivs = []GlossEquiv{{ID: "q1", Type: "Equiv", Members: []string{"s1", "s2"}}}
	withStructure.Norms = []GlossNorm{{ID: "m1", Type: "Reference", Target: "s2", Resource: "Wikidata", EntryID: "Q1", Text: "x"}}
	for i, withSource := range []bool{false, true, true} {
		if withSource {
			g.Source = "dir/file.txt"
		}
		if i == 2 {
			withStructure.Source = g.Source
			g = withStructure
		}
		want, err := json.Marshal(g)
		if err != nil {
			t.Fatal(err)
		}
		got, err := appendGlossDocument(nil, &g)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("hand encoding differs\n got %s\nwant %s", got, want)
		}
	}
}

// FuzzAppendString compares string escaping with encoding/json.
func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", "plain", "\"\\\n\r\t\x00\x1f<>&", "\u2028\u2029🤝", "bad \xff utf8"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := json.Marshal(s)
		if got := appendString(nil, s); !bytes.Equal(got, want) {
			t.Fatalf("appendString(%q) = %s, want %s", s, got, want)
		}
	})
}

func TestReadGlossJSONRejectsBadLabels(t *testing.T) {
	for _, tc := range []struct{ name, data, want string }{
		{"blank label name", `{"format":"gloss","version":1,"labels":[{"name":" ","color":"#000000"}],"documents":[]}`, "x.json: label 1:"},
		{"bad colour", `{"format":"gloss","version":1,"labels":[{"name":"a","color":"red"}],"documents":[]}`, "x.json: label 1:"},
		{"blank span label", `{"format":"gloss","version":1,"labels":[],"documents":[{"title":"t","text":"hi","spans":[{"start":0,"end":1,"label":" "}]}]}`, "x.json: record 1, span 1:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := readGlossJSON("x.json", []byte(tc.data))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}
