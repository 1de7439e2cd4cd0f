package store

import (
	"testing"

	"gloss/annotate"
)

// The pager's behaviour (pages, filters, sorts, span counts, refusals) is
// checked for both stores by the shared suite (internal/projecttest,
// pager.go); what follows is particular to the project file.

// TestSpanCountRowsGoWithTheDocument: the stored span count of a document
// (document_counts) follows its spans and goes when the document is
// deleted, in the same transaction.
func TestSpanCountRowsGoWithTheDocument(t *testing.T) {
	s := newProject(t)
	d := addDoc(t, s, "one", "some words to mark here")
	rows := func() (n int) {
		if err := s.rdb.QueryRow(`SELECT count(*) FROM document_counts`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if err := s.AddSpan(annotate.NewSpan(d.ID, 0, 4, label(t, s, "claim"))); err != nil {
		t.Fatal(err)
	}
	if n := rows(); n != 1 {
		t.Fatalf("%d count rows for one document with a span", n)
	}
	if err := s.DeleteDocument(d.ID); err != nil {
		t.Fatal(err)
	}
	if n := rows(); n != 0 {
		t.Fatalf("%d count rows left after the document was deleted", n)
	}
}
