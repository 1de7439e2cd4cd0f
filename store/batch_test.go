package store

import (
	"path/filepath"
	"testing"

	"gloss/annotate"
)

// TestAddSpansIsOneEdit: a batch is one edit in the log; one Undo removes
// all of it, one Redo puts back exactly the same spans, across a reopen;
// spans already present (in the project or earlier in the list) are skipped.
func TestAddSpansIsOneEdit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "b.gloss")
	s := openAs(t, path, "ann")
	defer func() { s.Close() }()
	if err := s.AddLabel(&annotate.Label{Name: "actor"}); err != nil {
		t.Fatal(err)
	}
	actor := label(t, s, "actor")
	d1 := addDoc(t, s, "one", "Лавров met Wang Yi; Лавров left 🤝.")
	d2 := addDoc(t, s, "two", "Лавров again.")
	if err := s.AddSpan(annotate.NewSpan(d1.ID, 0, 6, actor)); err != nil {
		t.Fatal(err)
	}
	before1, before2 := spanState(t, s, d1.ID), spanState(t, s, d2.ID)
	histBefore, _ := s.History(0)

	batch := []*annotate.Span{
		annotate.NewSpan(d1.ID, 0, 6, actor),   // present already
		annotate.NewSpan(d1.ID, 20, 26, actor), // new
		annotate.NewSpan(d2.ID, 0, 6, actor),   // new
		annotate.NewSpan(d2.ID, 0, 6, actor),   // repeats the one before
	}
	added, err := s.AddSpans(batch)
	if err != nil || added != 2 {
		t.Fatalf("AddSpans = %d, %v; want 2 added", added, err)
	}
	after1, after2 := spanState(t, s, d1.ID), spanState(t, s, d2.ID)
	if after1 == before1 || after2 == before2 {
		t.Fatal("the batch changed nothing")
	}
	hist, _ := s.History(0)
	if len(hist) != len(histBefore)+1 || hist[0].Action != annotate.ActionAddSpans || len(hist[0].Spans) != 2 || !hist[0].IsSpanEdit() {
		t.Fatalf("the batch is not one add-spans edit: %+v", hist[0])
	}
	undo, _, err := s.Pending()
	if err != nil || undo == nil || undo.Action != annotate.ActionAddSpans {
		t.Fatalf("Pending undo = %+v, %v", undo, err)
	}

	s.Close()
	s = openAs(t, path, "ann")
	ev, err := s.Undo()
	if err != nil || ev.Action != annotate.ActionAddSpans || len(ev.Spans) != 2 {
		t.Fatalf("Undo = %+v, %v", ev, err)
	}
	if spanState(t, s, d1.ID) != before1 || spanState(t, s, d2.ID) != before2 {
		t.Fatal("one undo did not remove the whole batch")
	}
	if _, err := s.Redo(); err != nil {
		t.Fatal(err)
	}
	if spanState(t, s, d1.ID) != after1 || spanState(t, s, d2.ID) != after2 {
		t.Fatal("redo did not restore the batch exactly")
	}
	hist, _ = s.History(2)
	if hist[0].Action != annotate.ActionRedo || len(hist[0].Spans) != 2 || hist[1].Action != annotate.ActionUndo || len(hist[1].Spans) != 2 {
		t.Errorf("undo and redo of a batch in the log: %+v", hist)
	}
	// The single edit made before the batch is next.
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if ev, err := s.Undo(); err != nil || ev.Action != annotate.ActionAddSpan {
		t.Fatalf("second undo = %+v, %v", ev, err)
	}
}

// TestAddSpansNothingNewRecordsNoEdit: a batch of spans all present already
// adds nothing and leaves the log as it was.
func TestAddSpansNothingNewRecordsNoEdit(t *testing.T) {
	s := newProject(t)
	d := addDoc(t, s, "d", "Lavrov")
	sp := annotate.NewSpan(d.ID, 0, 6, label(t, s, "actor"))
	if err := s.AddSpan(sp); err != nil {
		t.Fatal(err)
	}
	hist, _ := s.History(0)
	added, err := s.AddSpans([]*annotate.Span{annotate.NewSpan(d.ID, 0, 6, sp.LabelID)})
	if err != nil || added != 0 {
		t.Fatalf("AddSpans = %d, %v", added, err)
	}
	if again, _ := s.History(0); len(again) != len(hist) {
		t.Errorf("a batch that added nothing logged %d events", len(again)-len(hist))
	}
	if added, err := s.AddSpans(nil); err != nil || added != 0 {
		t.Errorf("AddSpans(nil) = %d, %v", added, err)
	}
}

// TestAddSpansAllOrNothing: one bad span refuses the whole batch.
func TestAddSpansAllOrNothing(t *testing.T) {
	s := newProject(t)
	d := addDoc(t, s, "d", "ab")
	actor := label(t, s, "actor")
	before := spanState(t, s, d.ID)
	hist, _ := s.History(0)
	for name, bad := range map[string]*annotate.Span{
		"past the end":  annotate.NewSpan(d.ID, 1, 3, actor),
		"no such label": annotate.NewSpan(d.ID, 0, 1, "nolabel"),
		"no such doc":   annotate.NewSpan("nodoc", 0, 1, actor),
	} {
		_, err := s.AddSpans([]*annotate.Span{annotate.NewSpan(d.ID, 0, 1, actor), bad})
		if err == nil {
			t.Errorf("%s: accepted", name)
		}
		if got := spanState(t, s, d.ID); got != before {
			t.Errorf("%s: spans written: %s", name, got)
		}
	}
	if again, _ := s.History(0); len(again) != len(hist) {
		t.Error("a refused batch was logged")
	}
}

// TestAddSpansClearsRedoAndConflicts: a batch after an undo clears what could
// be redone; a batch whose span another annotator changed cannot be undone,
// and the refused undo leaves every span in place.
func TestAddSpansClearsRedoAndConflicts(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.gloss")
	s := openAs(t, path, "ann")
	defer s.Close()
	if err := s.AddLabel(&annotate.Label{Name: "actor"}); err != nil {
		t.Fatal(err)
	}
	actor := label(t, s, "actor")
	d := addDoc(t, s, "d", "one two three")
	if err := s.AddSpan(annotate.NewSpan(d.ID, 0, 3, actor)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	b1, b2 := annotate.NewSpan(d.ID, 4, 7, actor), annotate.NewSpan(d.ID, 8, 13, actor)
	if n, err := s.AddSpans([]*annotate.Span{b1, b2}); err != nil || n != 2 {
		t.Fatalf("AddSpans = %d, %v", n, err)
	}
	if _, err := s.Redo(); annotate.ErrorCode(err) != annotate.ENOTFOUND {
		t.Errorf("redo after a batch: %v; want nothing to redo", err)
	}
	other := openAs(t, path, "bob")
	if err := other.DeleteSpan(b2.ID); err != nil {
		t.Fatal(err)
	}
	other.Close()
	state := spanState(t, s, d.ID)
	if _, err := s.Undo(); annotate.ErrorCode(err) != annotate.ECONFLICT {
		t.Fatalf("undo of a changed batch: %v; want a conflict", err)
	}
	if spanState(t, s, d.ID) != state {
		t.Error("a refused batch undo changed spans")
	}
}
