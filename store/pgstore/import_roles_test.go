package pgstore

import (
	"strings"
	"testing"

	"gloss/annotate"
)

// TestImportStructureRoles: an annotator's import of annotations with
// structure goes into their own layer; a relation type the schema lacks
// is the manager's to add, so until then the import is refused whole;
// and a blind annotator sees none of another's imported structure.
func TestImportStructureRoles(t *testing.T) {
	tm := newTeam(t)
	batch := func() *annotate.Batch {
		d := *tm.doc
		return &annotate.Batch{
			Documents: []*annotate.Document{&d},
			Spans: []*annotate.BatchSpan{
				{Span: annotate.Span{ID: "T1", DocumentID: d.ID, Start: 0, End: 5}, LabelName: tm.label.Name},
				{Span: annotate.Span{ID: "T2", DocumentID: d.ID, Start: 6, End: 11}, LabelName: tm.label.Name},
			},
			Relations: []*annotate.BatchRelation{{Relation: annotate.Relation{ID: "R1", DocumentID: d.ID, From: "T1", To: "T2"}, TypeName: "knows"}},
			Notes:     []*annotate.Note{{ID: "N1", DocumentID: d.ID, Type: "AnnotatorNotes", Target: "T1", Text: "greeting"}},
		}
	}
	_, err := tm.alice.Import(batch())
	if annotate.ErrorCode(err) != annotate.EFORBIDDEN || !strings.Contains(err.Error(), "cannot change") {
		t.Fatalf("alice imports a relation of a type the schema lacks: %v, want refused (EFORBIDDEN)", err)
	}
	if spans, err := tm.admin.Spans(tm.doc.ID); err != nil || len(spans) != 0 {
		t.Fatalf("after the refused import the document has %d spans (%v), want none", len(spans), err)
	}
	if err := tm.mary.AddRelationType(&annotate.RelationType{Name: "knows", Directed: true}); err != nil {
		t.Fatal(err)
	}
	res, err := tm.alice.Import(batch())
	if err != nil || res.Spans != 2 || res.Relations != 1 {
		t.Fatalf("alice's import once the type is there: %+v, %v", res, err)
	}
	ds, err := tm.alice.DocStructure(tm.doc.ID)
	if err != nil || len(ds.Relations) != 1 || ds.Relations[0].Annotator != "alice" || len(ds.Notes) != 1 || ds.Notes[0].Text != "greeting" {
		t.Fatalf("alice's structure after the import: %+v, %v; want her relation and the note", ds, err)
	}
	ds, err = tm.bob.DocStructure(tm.doc.ID)
	if err != nil || len(ds.Relations) != 0 || len(ds.Notes) != 0 {
		t.Errorf("blind bob sees alice's imported structure: %+v, %v", ds, err)
	}
}
