package projecttest

import (
	"strings"
	"testing"

	"gloss/annotate"
)

// testHistory checks annotate.Historian: Undo, Redo, History, Pending.
func testHistory(t *testing.T, tg Target) {
	t.Run("undo and redo restore every state", func(t *testing.T) {
		e := newEnv(t, tg)
		p := e.as("alice")
		x, y := addLabel(t, p, "x"), addLabel(t, p, "y")
		d := addDoc(t, p, "d", "Moscow and Beijing met in Geneva 🤝 today.")
		states := []string{spanKeys(spansOf(t, p, d.ID))}
		edit := func(f func() error) {
			t.Helper()
			if err := f(); err != nil {
				t.Fatal(err)
			}
			states = append(states, spanKeys(spansOf(t, p, d.ID)))
		}
		a := annotate.NewSpan(d.ID, 0, 6, x.ID)
		b := annotate.NewSpan(d.ID, 11, 18, x.ID)
		edit(func() error { return p.AddSpan(a) })
		edit(func() error { return p.AddSpan(b) })
		edit(func() error {
			u := *a
			u.Start, u.End, u.LabelID, u.Note = 33, 34, y.ID, "moved"
			return p.UpdateSpan(&u)
		})
		edit(func() error { return p.DeleteSpan(b.ID) })
		actions := []string{annotate.ActionAddSpan, annotate.ActionAddSpan, annotate.ActionUpdateSpan, annotate.ActionDeleteSpan}
		spanIDs := []string{a.ID, b.ID, a.ID, b.ID}
		// undo all, reopening the project (a new handle) before every other step
		for i := len(states) - 1; i > 0; i-- {
			if i%2 == 0 {
				e.close(p)
				p = e.as("alice")
			}
			ev, err := historian(t, p).Undo()
			if err != nil {
				t.Fatalf("undo of edit %d: %v", i, err)
			}
			if !ev.Undone || ev.Action != actions[i-1] || ev.SpanID != spanIDs[i-1] || ev.Annotator != "alice" {
				t.Errorf("undo of edit %d returned %s %s by %s undone=%v, want %s %s", i, ev.Action, ev.SpanID, ev.Annotator, ev.Undone, actions[i-1], spanIDs[i-1])
			}
			if got := spanKeys(spansOf(t, p, d.ID)); got != states[i-1] {
				t.Fatalf("after undoing edit %d:\n%s want\n%s", i, got, states[i-1])
			}
		}
		_, err := historian(t, p).Undo()
		wantCode(t, "undo with nothing left", err, annotate.ENOTFOUND)
		for i := 1; i < len(states); i++ {
			if i%2 == 1 {
				e.close(p)
				p = e.as("alice")
			}
			ev, err := historian(t, p).Redo()
			if err != nil {
				t.Fatalf("redo of edit %d: %v", i, err)
			}
			if ev.Undone || ev.Action != actions[i-1] || ev.SpanID != spanIDs[i-1] {
				t.Errorf("redo of edit %d returned %s %s undone=%v, want %s %s", i, ev.Action, ev.SpanID, ev.Undone, actions[i-1], spanIDs[i-1])
			}
			if got := spanKeys(spansOf(t, p, d.ID)); got != states[i] {
				t.Fatalf("after redoing edit %d:\n%s want\n%s", i, got, states[i])
			}
		}
		_, err = historian(t, p).Redo()
		wantCode(t, "redo with nothing left", err, annotate.ENOTFOUND)
	})

	t.Run("undo is per annotator", func(t *testing.T) {
		e := newEnv(t, tg)
		alice, bob := e.as("alice"), e.as("bob")
		x := addLabel(t, alice, "x")
		d := addDoc(t, alice, "d", "one two three four")
		a := addSpan(t, alice, d.ID, 0, 3, x.ID)
		_, err := historian(t, bob).Undo()
		wantCode(t, "bob undoes with only alice's edits", err, annotate.ENOTFOUND)
		b := addSpan(t, bob, d.ID, 4, 7, x.ID)
		a2 := addSpan(t, alice, d.ID, 8, 13, x.ID) // alice's edit is the newest
		ev, err := historian(t, bob).Undo()
		if err != nil || ev.SpanID != b.ID {
			t.Fatalf("bob's undo: %+v, %v; want his span %s", ev, err, b.ID)
		}
		wantSpans(t, "after bob's undo", alice, d.ID, a, a2)
		_, err = historian(t, bob).Undo()
		wantCode(t, "bob's second undo", err, annotate.ENOTFOUND)
		if ev, err := historian(t, alice).Undo(); err != nil || ev.SpanID != a2.ID {
			t.Fatalf("alice's undo: %+v, %v; want her span %s", ev, err, a2.ID)
		}
		ev, err = historian(t, bob).Redo()
		if err != nil || ev.SpanID != b.ID {
			t.Fatalf("bob's redo: %+v, %v", ev, err)
		}
		wantSpans(t, "after alice's undo and bob's redo", bob, d.ID, a, b)
	})

	t.Run("undo refuses to overwrite a later change", func(t *testing.T) {
		e := newEnv(t, tg)
		alice, bob := e.as("alice"), e.as("bob")
		x := addLabel(t, alice, "x")
		d := addDoc(t, alice, "d", "one two three four")
		first := addSpan(t, alice, d.ID, 0, 3, x.ID)
		shared := addSpan(t, alice, d.ID, 4, 7, x.ID)
		u := *shared
		u.Note = "bob's note"
		if err := bob.UpdateSpan(&u); err != nil {
			t.Fatal(err)
		}
		_, err := historian(t, alice).Undo()
		wantCode(t, "alice undoes her add under bob's change", err, annotate.ECONFLICT)
		if sp, err := alice.Span(shared.ID); err != nil || sp.Note != "bob's note" {
			t.Fatalf("bob's change lost: %+v %v", sp, err)
		}
		ev, err := historian(t, alice).Undo() // skips the conflicting edit
		if err != nil || ev.SpanID != first.ID {
			t.Fatalf("the next undo: %+v %v; want the edit before (%s)", ev, err, first.ID)
		}
		if _, err := historian(t, bob).Undo(); err != nil {
			t.Fatalf("bob undoes his note: %v", err)
		}
		if sp, err := bob.Span(shared.ID); err != nil || sp.Note != "" {
			t.Fatalf("after bob's undo: %+v %v", sp, err)
		}
		// redo of alice's undone add into a deleted document: conflict, then nothing
		if err := alice.DeleteDocument(d.ID); err != nil {
			t.Fatal(err)
		}
		_, err = historian(t, alice).Redo()
		wantCode(t, "redo into a deleted document", err, annotate.ECONFLICT)
		_, err = historian(t, alice).Redo()
		wantCode(t, "redo after a failed redo", err, annotate.ENOTFOUND)
	})

	t.Run("redo order and a new edit clears redo", func(t *testing.T) {
		p := newEnv(t, tg).as("alice")
		h := historian(t, p)
		x := addLabel(t, p, "x")
		d := addDoc(t, p, "d", "alpha beta gamma")
		a := addSpan(t, p, d.ID, 0, 5, x.ID)
		b := addSpan(t, p, d.ID, 6, 10, x.ID)
		for _, want := range []*annotate.Span{b, a} {
			if ev, err := h.Undo(); err != nil || ev.SpanID != want.ID {
				t.Fatalf("undo: %+v, %v; want %s", ev, err, want.ID)
			}
		}
		wantPending(t, "after two undos", h, "", a.ID) // redo takes the most recently undone
		if ev, err := h.Redo(); err != nil || ev.SpanID != a.ID {
			t.Fatalf("redo: %+v, %v; want %s", ev, err, a.ID)
		}
		wantPending(t, "after a redo", h, a.ID, b.ID)
		c := addSpan(t, p, d.ID, 11, 16, x.ID)
		wantPending(t, "after a new edit", h, c.ID, "")
		_, err := h.Redo()
		wantCode(t, "redo after a new edit", err, annotate.ENOTFOUND)
		for _, want := range []*annotate.Span{c, a} {
			if ev, err := h.Undo(); err != nil || ev.SpanID != want.ID {
				t.Fatalf("undo: %+v, %v; want %s", ev, err, want.ID)
			}
		}
		wantSpans(t, "after undoing everything", p, d.ID)
	})

	t.Run("which edits clear redo", testClearsRedo(tg))
	t.Run("history newest first and pending", testHistoryLog(tg))
	t.Run("batch edits undo whole", testBatchUndo(tg))
	t.Run("label edits undo", testLabelUndo(tg))
}

// actionList is the events' actions (and annotators), newest first.
func actionList(events []annotate.Event) string {
	var out []string
	for _, e := range events {
		out = append(out, e.Action+"/"+e.Annotator)
	}
	return strings.Join(out, ",")
}
