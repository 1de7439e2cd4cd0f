package formats

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"gloss/annotate"
	"gloss/annotate/unitext"
)

func TestSpacyRoundTrip(t *testing.T) {
	for _, tc := range roundTripSources() {
		t.Run(tc.name, func(t *testing.T) {
			src := tc.src(t)
			_, rep, out := exportRead(t, "spacy", "out.jsonl", src)
			lines := bytes.Split(bytes.TrimSuffix(out, []byte("\n")), []byte("\n"))
			if len(lines) != len(src.docs) {
				t.Fatalf("%d lines for %d documents", len(lines), len(src.docs))
			}
			for i, d := range src.docs {
				var doc struct {
					Text  string
					Spans []struct {
						Start, End int
						Label      string
					}
				}
				dec := json.NewDecoder(bytes.NewReader(lines[i]))
				dec.DisallowUnknownFields()
				if err := dec.Decode(&doc); err != nil {
					t.Fatalf("line %d: %v", i+1, err)
				}
				if doc.Text != d.Text {
					t.Errorf("line %d text %q, want %q", i+1, doc.Text, d.Text)
				}
				off := unitext.NewOffsets(doc.Text)
				var got []spanRow
				for _, s := range doc.Spans {
					if err := annotate.CheckRange(s.Start, s.End, off.Len()); err != nil {
						t.Fatalf("line %d: %v", i+1, err)
					}
					got = append(got, spanRow{Start: s.Start, End: s.End, Label: s.Label, Text: off.Slice(s.Start, s.End)})
				}
				if want := sourceRows(src, d, false, same); !reflect.DeepEqual(sortRows(got), want) {
					t.Errorf("line %d spans\n got %v\nwant %v", i+1, got, want)
				}
			}
			if tc.name == "generated corpus" {
				want := map[string]int{dropNotes: 4, dropAnnotators: 4, dropGroups: 1}
				if !reflect.DeepEqual(rep.Dropped, want) {
					t.Errorf("dropped %v, want %v", rep.Dropped, want)
				}
			}
		})
	}
}

func TestSpacyShape(t *testing.T) {
	src := newFakeSource("actor")
	d := src.doc("d", "Alice 👍🏽 Bob")
	src.span(t, d, "Bob", 0, "actor")
	_, _, out := exportRead(t, "spacy", "x.jsonl", src)
	want := `{"text":"Alice 👍🏽 Bob","spans":[{"start":9,"end":12,"label":"actor"}]}` + "\n"
	if string(out) != want {
		t.Errorf("got %s, want %s", out, want)
	}
}
