package pgstore

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gloss/annotate"
	"gloss/annotate/formats"
)

// The exporters read the server store as they read a project file.
func TestExportJSONL(t *testing.T) {
	s, url := newProject(t, "ann")
	l, d := seed(t, s)
	if err := s.AddSpan(annotate.NewSpan(d.ID, 0, 5, l.ID)); err != nil {
		t.Fatal(err)
	}
	if err := openAs(t, url, "bob").AddSpan(annotate.NewSpan(d.ID, 6, 11, l.ID)); err != nil {
		t.Fatal(err)
	}
	f, err := formats.Lookup("jsonl")
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out.jsonl")
	if _, err := formats.ExportFile(context.Background(), f, s, out); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"Héllo"`, `"wörld"`, `"bob"`, `"ann"`, d.ID} {
		if !strings.Contains(string(b), want) {
			t.Errorf("the export lacks %s:\n%s", want, b)
		}
	}
}

// A batch with structure the server store does not keep yet says so.
func TestImportNotesStructureLeftOut(t *testing.T) {
	s, _ := newProject(t, "ann")
	d := annotate.NewDocument("D", "one two three", "")
	b := &annotate.Batch{
		Documents: []*annotate.Document{d},
		Spans: []*annotate.BatchSpan{
			{Span: annotate.Span{ID: "T1", DocumentID: d.ID, Start: 0, End: 3}, LabelName: "Actor"},
			{Span: annotate.Span{ID: "T2", DocumentID: d.ID, Start: 4, End: 7}, LabelName: "actor"},
		},
		Relations: []*annotate.BatchRelation{{Relation: annotate.Relation{ID: "R1", From: "T1", To: "T2"}, TypeName: "knows"}},
	}
	res, err := s.Import(b)
	if err != nil {
		t.Fatal(err)
	}
	if res.Documents != 1 || res.Spans != 2 || res.Labels != 1 {
		t.Errorf("import result %+v", res)
	}
	if !strings.Contains(strings.Join(res.Notes, "\n"), "1 structure item") {
		t.Errorf("notes %q do not say a relation was left out", res.Notes)
	}
	// The same batch again merges: nothing added, both spans skipped.
	res, err = s.Import(b)
	if err != nil || res.Merged != 1 || res.Skipped != 2 || res.Spans != 0 {
		t.Errorf("second import %+v, %v", res, err)
	}
}
