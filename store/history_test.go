package store

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"gloss/annotate"
)

// spanState is a document's spans, every field, as comparable text.
func spanState(t *testing.T, s *Store, docID string) string {
	t.Helper()
	spans, err := s.Spans(docID)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(spans)
	return string(b)
}

func openAs(t *testing.T, path, annotator string) *Store {
	t.Helper()
	s, err := Open(path, Options{Annotator: annotator})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestUndoRedoRestoresExactState walks a sequence of add, update and delete
// edits back with Undo and forward with Redo, closing and reopening the
// project between steps, and compares every field of every span with the
// state recorded when the edit was made.
func TestUndoRedoRestoresExactState(t *testing.T) {
	path := filepath.Join(t.TempDir(), "h.gloss")
	s := openAs(t, path, "ann")
	for _, n := range []string{"actor", "claim"} {
		if err := s.AddLabel(&annotate.Label{Name: n}); err != nil {
			t.Fatal(err)
		}
	}
	d := addDoc(t, s, "doc", "Moscow and Beijing met in Geneva 🤝 today.")
	actor, claim := label(t, s, "actor"), label(t, s, "claim")
	states := []string{spanState(t, s, d.ID)}
	edit := func(f func() error) {
		t.Helper()
		if err := f(); err != nil {
			t.Fatal(err)
		}
		states = append(states, spanState(t, s, d.ID))
	}
	a := annotate.NewSpan(d.ID, 0, 6, actor)
	b := annotate.NewSpan(d.ID, 11, 18, actor)
	edit(func() error { return s.AddSpan(a) })
	edit(func() error { return s.AddSpan(b) })
	edit(func() error {
		u := *a
		u.Start, u.End, u.LabelID, u.Note = 26, 32, claim, "moved"
		return s.UpdateSpan(&u)
	})
	edit(func() error { return s.DeleteSpan(b.ID) })
	edit(func() error {
		u := annotate.Span{ID: a.ID, Start: 33, End: 34, LabelID: actor, Note: "emoji"} // a partial span, as a UI may send
		return s.UpdateSpan(&u)
	})
	edit(func() error { return s.DeleteSpan(a.ID) })

	for i := len(states) - 1; i > 0; i-- {
		s.Close()
		s = openAs(t, path, "ann")
		e, err := s.Undo()
		if err != nil {
			t.Fatalf("undo %d after reopening: %v", i, err)
		}
		if !e.Undone || !e.IsSpanEdit() {
			t.Errorf("undo returned %+v", e)
		}
		if got := spanState(t, s, d.ID); got != states[i-1] {
			t.Fatalf("after undoing edit %d:\n got %s\nwant %s", i, got, states[i-1])
		}
	}
	if _, err := s.Undo(); annotate.ErrorCode(err) != annotate.ENOTFOUND {
		t.Fatalf("undo with nothing left: %v, want ENOTFOUND", err)
	}
	for i := 1; i < len(states); i++ {
		if i%2 == 0 {
			s.Close()
			s = openAs(t, path, "ann")
		}
		if _, err := s.Redo(); err != nil {
			t.Fatalf("redo %d: %v", i, err)
		}
		if got := spanState(t, s, d.ID); got != states[i] {
			t.Fatalf("after redoing edit %d:\n got %s\nwant %s", i, got, states[i])
		}
	}
	if _, err := s.Redo(); annotate.ErrorCode(err) != annotate.ENOTFOUND {
		t.Fatalf("redo with nothing left: %v, want ENOTFOUND", err)
	}
	s.Close()
}

func TestNewEditClearsRedo(t *testing.T) {
	s := newProject(t)
	d := addDoc(t, s, "doc", "alpha beta gamma")
	actor := label(t, s, "actor")
	s.AddSpan(annotate.NewSpan(d.ID, 0, 5, actor))
	s.AddSpan(annotate.NewSpan(d.ID, 6, 10, actor))
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if err := s.AddSpan(annotate.NewSpan(d.ID, 11, 16, actor)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Redo(); annotate.ErrorCode(err) != annotate.ENOTFOUND {
		t.Fatalf("redo after a new edit: %v, want ENOTFOUND", err)
	}
	// undo now goes: the new span, then the first one
	e, err := s.Undo()
	if err != nil || e.After.Start != 11 {
		t.Fatalf("undo: %+v, %v", e, err)
	}
	e, err = s.Undo()
	if err != nil || e.After.Start != 0 {
		t.Fatalf("undo: %+v, %v", e, err)
	}
	if spans, _ := s.Spans(d.ID); len(spans) != 0 {
		t.Fatalf("%d spans left", len(spans))
	}
}

// TestUndoIsPerAnnotatorAndSafe: two annotators on one file (two Stores, as
// two windows would be) undo only their own edits, and an undo that would
// overwrite the other's later change is refused and skipped.
func TestUndoIsPerAnnotatorAndSafe(t *testing.T) {
	path := filepath.Join(t.TempDir(), "two.gloss")
	alice := openAs(t, path, "alice")
	defer alice.Close()
	if err := alice.AddLabel(&annotate.Label{Name: "claim"}); err != nil {
		t.Fatal(err)
	}
	d := addDoc(t, alice, "doc", "one two three four")
	claim := label(t, alice, "claim")
	first := annotate.NewSpan(d.ID, 0, 3, claim)
	shared := annotate.NewSpan(d.ID, 4, 7, claim)
	alice.AddSpan(first)
	alice.AddSpan(shared)
	bob := openAs(t, path, "bob")
	defer bob.Close()
	if _, err := bob.Undo(); annotate.ErrorCode(err) != annotate.ENOTFOUND {
		t.Fatalf("bob undoes alice's edit: %v", err)
	}
	u := *shared
	u.Note = "bob's note"
	if err := bob.UpdateSpan(&u); err != nil {
		t.Fatal(err)
	}
	_, err := alice.Undo()
	if annotate.ErrorCode(err) != annotate.ECONFLICT || !strings.Contains(err.Error(), "changed since") {
		t.Fatalf("alice undoes her add under bob's change: %v, want ECONFLICT", err)
	}
	if sp, err := alice.Span(shared.ID); err != nil || sp.Note != "bob's note" {
		t.Fatalf("bob's change lost: %+v %v", sp, err)
	}
	e, err := alice.Undo() // skips the conflicting edit, undoes the one before
	if err != nil || e.SpanID != first.ID {
		t.Fatalf("second undo: %+v %v", e, err)
	}
	if _, err := bob.Undo(); err != nil {
		t.Fatalf("bob undoes his note: %v", err)
	}
	if sp, _ := bob.Span(shared.ID); sp == nil || sp.Note != "" {
		t.Fatalf("bob's undo: %+v", sp)
	}
	// a deleted document makes its spans' edits impossible to redo
	if err := alice.DeleteDocument(d.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := alice.Redo(); annotate.ErrorCode(err) != annotate.ECONFLICT {
		t.Fatalf("redo into a deleted document: %v, want ECONFLICT", err)
	}
	if _, err := alice.Redo(); annotate.ErrorCode(err) != annotate.ENOTFOUND {
		t.Fatalf("redo after a failed redo: %v, want ENOTFOUND", err)
	}
}

func TestHistoryIsAnAuditTrail(t *testing.T) {
	s := newProject(t)
	d := addDoc(t, s, "doc", "alpha beta")
	sp := annotate.NewSpan(d.ID, 0, 5, label(t, s, "actor"))
	s.AddSpan(sp)
	s.SetStatus(d.ID, annotate.StatusDone)
	s.Undo()
	all, err := s.History(0)
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for i, e := range all {
		actions = append(actions, e.Action)
		if e.Annotator != "tester" || e.At.IsZero() || (i > 0 && e.Seq >= all[i-1].Seq) {
			t.Errorf("event %d: %+v", i, e)
		}
	}
	if got := strings.Join(actions, ","); got != "undo,set-status,add-span,add-documents" {
		t.Fatalf("actions newest first = %s", got)
	}
	undo, add := all[0], all[2]
	if undo.Ref != add.Seq || undo.Before == nil || undo.After != nil || undo.SpanID != sp.ID {
		t.Errorf("undo event %+v", undo)
	}
	if !add.Undone || add.After == nil || add.After.Start != 0 || add.Before != nil {
		t.Errorf("add event %+v", add)
	}
	if all[1].Detail != "done" || all[3].Detail != "1" {
		t.Errorf("details %q %q", all[1].Detail, all[3].Detail)
	}
	two, _ := s.History(2)
	if len(two) != 2 || two[0].Seq != all[0].Seq {
		t.Errorf("History(2) = %d events", len(two))
	}
}

// TestUndoSkipsUnreadableRecord: a damaged log entry does not block undo.
func TestUndoSkipsUnreadableRecord(t *testing.T) {
	s := newProject(t)
	d := addDoc(t, s, "doc", "alpha beta")
	actor := label(t, s, "actor")
	s.AddSpan(annotate.NewSpan(d.ID, 0, 5, actor))
	s.AddSpan(annotate.NewSpan(d.ID, 6, 10, actor))
	if _, err := s.DB().Exec(`UPDATE events SET after = '{not json' WHERE seq = (SELECT max(seq) FROM events)`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.History(0); err != nil {
		t.Fatalf("history with a bad record: %v", err)
	}
	if _, err := s.Undo(); annotate.ErrorCode(err) != annotate.ECONFLICT {
		t.Fatalf("undo of a bad record: %v, want ECONFLICT", err)
	}
	if e, err := s.Undo(); err != nil || e.After.Start != 0 {
		t.Fatalf("undo past it: %+v %v", e, err)
	}
}

func TestPendingNamesNextUndoAndRedo(t *testing.T) {
	s := newProject(t)
	d := addDoc(t, s, "doc", "Moscow and Beijing met.")
	if u, r, err := s.Pending(); err != nil || u != nil || r != nil {
		t.Fatalf("fresh project: %v %v %v", u, r, err)
	}
	a := annotate.NewSpan(d.ID, 0, 6, label(t, s, "actor"))
	b := annotate.NewSpan(d.ID, 11, 18, label(t, s, "actor"))
	s.AddSpan(a)
	s.AddSpan(b)
	u, r, err := s.Pending()
	if err != nil || u == nil || u.SpanID != b.ID || r != nil {
		t.Fatalf("after two adds: undo %+v redo %+v %v", u, r, err)
	}
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	u, r, _ = s.Pending()
	if u == nil || u.SpanID != a.ID || r == nil || r.SpanID != b.ID {
		t.Fatalf("after an undo: undo %+v redo %+v", u, r)
	}
}
