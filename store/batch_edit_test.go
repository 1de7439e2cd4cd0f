package store

import (
	"path/filepath"
	"testing"

	"gloss/annotate"
)

// batchFixture is a project with two documents and three spans of "actor".
func batchFixture(t *testing.T) (s *Store, path string, docs [2]string, ids []string, actor, place string) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "e.gloss")
	s = openAs(t, path, "ann")
	for _, n := range []string{"actor", "place"} {
		if err := s.AddLabel(&annotate.Label{Name: n}); err != nil {
			t.Fatal(err)
		}
	}
	actor, place = label(t, s, "actor"), label(t, s, "place")
	d1 := addDoc(t, s, "one", "Лавров met Wang Yi in Paris 🤝.")
	d2 := addDoc(t, s, "two", "Лавров again.")
	docs = [2]string{d1.ID, d2.ID}
	for _, sp := range []*annotate.Span{annotate.NewSpan(d1.ID, 0, 6, actor), annotate.NewSpan(d1.ID, 11, 18, actor), annotate.NewSpan(d2.ID, 0, 6, actor)} {
		if err := s.AddSpan(sp); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, sp.ID)
	}
	return s, path, docs, ids, actor, place
}

// TestDeleteSpansIsOneEdit: one delete-spans edit removes spans of two
// documents; one Undo (after a reopen) restores them exactly, Redo removes
// them again.
func TestDeleteSpansIsOneEdit(t *testing.T) {
	s, path, docs, ids, _, _ := batchFixture(t)
	defer func() { s.Close() }()
	b1, b2 := spanState(t, s, docs[0]), spanState(t, s, docs[1])
	if err := s.DeleteSpans([]string{ids[0], ids[2]}); err != nil {
		t.Fatal(err)
	}
	if got := spans(t, s, docs[0]); len(got) != 1 || got[0].ID != ids[1] {
		t.Fatalf("document one keeps %d spans, want only %s", len(got), ids[1])
	}
	if got := spans(t, s, docs[1]); len(got) != 0 {
		t.Fatalf("document two keeps %d spans", len(got))
	}
	a1, a2 := spanState(t, s, docs[0]), spanState(t, s, docs[1])
	hist, _ := s.History(1)
	if hist[0].Action != annotate.ActionDeleteSpans || len(hist[0].Spans) != 2 || !hist[0].IsSpanEdit() {
		t.Fatalf("not one delete-spans edit: %+v", hist[0])
	}
	s.Close()
	s = openAs(t, path, "ann")
	if ev, err := s.Undo(); err != nil || ev.Action != annotate.ActionDeleteSpans {
		t.Fatalf("Undo = %+v, %v", ev, err)
	}
	if spanState(t, s, docs[0]) != b1 || spanState(t, s, docs[1]) != b2 {
		t.Fatal("one undo did not restore every deleted span exactly")
	}
	if _, err := s.Redo(); err != nil {
		t.Fatal(err)
	}
	if spanState(t, s, docs[0]) != a1 || spanState(t, s, docs[1]) != a2 {
		t.Fatal("redo did not delete the same spans again")
	}
}

// TestDeleteSpansUnknownChangesNothing: an unknown ID fails the whole batch.
func TestDeleteSpansUnknownChangesNothing(t *testing.T) {
	s, _, docs, ids, _, _ := batchFixture(t)
	defer s.Close()
	b1 := spanState(t, s, docs[0])
	hist, _ := s.History(0)
	err := s.DeleteSpans([]string{ids[0], "nope"})
	if annotate.ErrorCode(err) != annotate.ENOTFOUND {
		t.Fatalf("err = %v, want ENOTFOUND", err)
	}
	if spanState(t, s, docs[0]) != b1 {
		t.Fatal("a failed batch deleted spans")
	}
	if h, _ := s.History(0); len(h) != len(hist) {
		t.Fatal("a failed batch was logged")
	}
}

// TestRelabelSpansIsOneEdit: spans already carrying the label are not
// counted, one Undo restores the old labels, a conflict changes nothing.
func TestRelabelSpansIsOneEdit(t *testing.T) {
	s, path, docs, ids, actor, place := batchFixture(t)
	defer func() { s.Close() }()
	b1, b2 := spanState(t, s, docs[0]), spanState(t, s, docs[1])
	n, err := s.RelabelSpans([]string{ids[1], ids[2]}, place)
	if err != nil || n != 2 {
		t.Fatalf("RelabelSpans = %d, %v", n, err)
	}
	for _, id := range ids[1:] {
		if sp, _ := s.Span(id); sp.LabelID != place {
			t.Errorf("span %s has label %s, want place", id, sp.LabelID)
		}
	}
	if sp, _ := s.Span(ids[0]); sp.LabelID != actor {
		t.Error("an unselected span was relabelled")
	}
	if n, err := s.RelabelSpans([]string{ids[1]}, place); err != nil || n != 0 {
		t.Fatalf("relabel to the same label = %d, %v; want 0", n, err)
	}
	hist, _ := s.History(1)
	if hist[0].Action != annotate.ActionRelabelSpans || len(hist[0].Relabeled) != 2 {
		t.Fatalf("not one relabel-spans edit: %+v", hist[0])
	}
	s.Close()
	s = openAs(t, path, "ann")
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if spanState(t, s, docs[0]) != b1 || spanState(t, s, docs[1]) != b2 {
		t.Fatal("one undo did not restore the labels")
	}
	if _, err := s.Redo(); err != nil {
		t.Fatal(err)
	}
	if sp, _ := s.Span(ids[2]); sp.LabelID != place {
		t.Fatal("redo did not relabel again")
	}
	// A span with the same range and the target label makes a conflict.
	dup := annotate.NewSpan(docs[0], 0, 6, place)
	if err := s.AddSpan(dup); err != nil {
		t.Fatal(err)
	}
	before := spanState(t, s, docs[0])
	if _, err := s.RelabelSpans([]string{ids[1], ids[0]}, place); annotate.ErrorCode(err) != annotate.ECONFLICT {
		t.Fatalf("err = %v, want ECONFLICT", err)
	}
	if spanState(t, s, docs[0]) != before {
		t.Fatal("a failed relabel changed spans")
	}
}

func spans(t *testing.T, s *Store, doc string) []*annotate.Span {
	t.Helper()
	out, err := s.Spans(doc)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
