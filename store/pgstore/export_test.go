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

// A batch's relation is kept, its type made when missing, and the same
// batch again adds neither the spans nor the relation twice.
func TestImportKeepsRelation(t *testing.T) {
	s, _ := newProject(t, "ann")
	d := annotate.NewDocument("D", "one two three", "")
	b := &annotate.Batch{
		Documents: []*annotate.Document{d},
		Spans: []*annotate.BatchSpan{
			{Span: annotate.Span{ID: "T1", DocumentID: d.ID, Start: 0, End: 3}, LabelName: "Actor"},
			{Span: annotate.Span{ID: "T2", DocumentID: d.ID, Start: 4, End: 7}, LabelName: "actor"},
		},
		Relations: []*annotate.BatchRelation{{Relation: annotate.Relation{ID: "R1", DocumentID: d.ID, From: "T1", To: "T2"}, TypeName: "knows"}},
	}
	res, err := s.Import(b)
	if err != nil {
		t.Fatal(err)
	}
	if res.Documents != 1 || res.Spans != 2 || res.Labels != 1 || res.Relations != 1 {
		t.Errorf("import result %+v", res)
	}
	// The same batch again merges: nothing added, both spans skipped.
	res, err = s.Import(b)
	if err != nil || res.Merged != 1 || res.Skipped != 2 || res.Spans != 0 || res.Relations != 0 {
		t.Errorf("second import %+v, %v", res, err)
	}
	rs, err := s.Relations(d.ID)
	if err != nil || len(rs) != 1 || rs[0].ID != "R1" || rs[0].From != "T1" || rs[0].To != "T2" || rs[0].Annotator != "ann" {
		t.Errorf("relations after two imports: %+v, %v; want R1 T1 -> T2 by ann", rs, err)
	}
	sc, err := s.Schema()
	if err != nil || len(sc.RelationTypes) != 1 || sc.RelationTypes[0].Name != "knows" || sc.RelationTypes[0].ID != rs[0].TypeID {
		t.Errorf("relation types %+v, %v; want knows, the relation's", sc, err)
	}
}
