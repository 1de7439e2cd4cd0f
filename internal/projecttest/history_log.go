package projecttest

import (
	"testing"
	"time"

	"gloss/annotate"
)

// testHistoryLog checks History (the audit trail, newest first) and Pending.
func testHistoryLog(tg Target) func(t *testing.T) {
	return func(t *testing.T) {
		e := newEnv(t, tg)
		alice, bob := e.as("alice"), e.as("bob")
		ha, hb := historian(t, alice), historian(t, bob)
		start := time.Now().Add(-time.Minute)
		x := addLabel(t, alice, "x")
		if u, r, err := ha.Pending(); err != nil || u != nil || r != nil {
			t.Fatalf("Pending in a project without edits: %+v %+v %v", u, r, err)
		}
		d := addDoc(t, alice, "d", "alpha beta")
		a := addSpan(t, alice, d.ID, 0, 5, x.ID)
		b := addSpan(t, bob, d.ID, 6, 10, x.ID)
		wantPending(t, "alice", ha, a.ID, "")
		wantPending(t, "bob", hb, b.ID, "")
		if err := alice.SetStatus(d.ID, annotate.StatusDone); err != nil {
			t.Fatal(err)
		}
		if _, err := ha.Undo(); err != nil {
			t.Fatal(err)
		}
		wantPending(t, "alice after undo", ha, "", a.ID)
		wantPending(t, "bob after alice's undo", hb, b.ID, "")

		all, err := hb.History(0)
		if err != nil {
			t.Fatal(err)
		}
		want := "undo/alice,set-status/alice,add-span/bob,add-span/alice,add-documents/alice"
		if got := actionList(all); got != want {
			t.Fatalf("History(0) = %s\nwant %s", got, want)
		}
		for i, ev := range all {
			if ev.At.Before(start) || ev.At.After(time.Now().Add(time.Minute)) || (i > 0 && ev.Seq >= all[i-1].Seq) {
				t.Errorf("event %d (%s): seq %d at %v: not newest first, or not now", i, ev.Action, ev.Seq, ev.At)
			}
		}
		undo, bobAdd, aliceAdd := all[0], all[2], all[3]
		if undo.Ref != aliceAdd.Seq || undo.SpanID != a.ID || spanKey(undo.Before) != spanKey(a) || undo.After != nil {
			t.Errorf("undo event: ref %d span %s before %s after %s; want ref %d, span %s before, none after",
				undo.Ref, undo.SpanID, spanKey(undo.Before), spanKey(undo.After), aliceAdd.Seq, a.ID)
		}
		if !aliceAdd.Undone || aliceAdd.Before != nil || spanKey(aliceAdd.After) != spanKey(a) || aliceAdd.DocumentID != d.ID {
			t.Errorf("alice's add event: undone=%v before %s after %s doc %s", aliceAdd.Undone, spanKey(aliceAdd.Before), spanKey(aliceAdd.After), aliceAdd.DocumentID)
		}
		if bobAdd.Undone || spanKey(bobAdd.After) != spanKey(b) {
			t.Errorf("bob's add event: undone=%v after %s", bobAdd.Undone, spanKey(bobAdd.After))
		}
		two, err := ha.History(2)
		if err != nil || len(two) != 2 || two[0].Seq != all[0].Seq || two[1].Seq != all[1].Seq {
			t.Errorf("History(2) = %s, %v; want the newest two", actionList(two), err)
		}
	}
}

// wantPending fails the case unless Pending names the edits of these spans
// ("" for none, "batch" for a batch edit).
func wantPending(t *testing.T, who string, h annotate.Historian, undo, redo string) {
	t.Helper()
	u, r, err := h.Pending()
	if err != nil {
		t.Fatalf("%s: Pending: %v", who, err)
	}
	if id(u) != undo || id(r) != redo {
		t.Errorf("%s: Pending names undo %q, redo %q; want %q, %q", who, id(u), id(r), undo, redo)
	}
}

// id is the span an event concerns, "" for no event, "batch" for a batch.
func id(e *annotate.Event) string {
	switch {
	case e == nil:
		return ""
	case e.SpanID == "" && len(e.Spans) > 0:
		return "batch"
	}
	return e.SpanID
}

// testBatchUndo checks that AddSpans, DeleteSpans and RelabelSpans are
// each one edit that one Undo reverts and one Redo re-applies.
func testBatchUndo(tg Target) func(t *testing.T) {
	return func(t *testing.T) {
		e := newEnv(t, tg)
		p := e.as("alice")
		h := historian(t, p)
		x, y := addLabel(t, p, "x"), addLabel(t, p, "y")
		d := addDoc(t, p, "d", "alpha beta gamma delta")
		batch := []*annotate.Span{annotate.NewSpan(d.ID, 0, 5, x.ID), annotate.NewSpan(d.ID, 6, 10, x.ID), annotate.NewSpan(d.ID, 11, 16, x.ID)}
		if n, err := p.AddSpans(batch); err != nil || n != 3 {
			t.Fatalf("AddSpans = %d, %v", n, err)
		}
		added := spanKeys(spansOf(t, p, d.ID))
		before, err := h.History(0)
		if err != nil {
			t.Fatal(err)
		}
		if n, err := p.AddSpans([]*annotate.Span{annotate.NewSpan(d.ID, 0, 5, x.ID)}); err != nil || n != 0 {
			t.Fatalf("AddSpans of a present span = %d, %v", n, err)
		}
		if after, _ := h.History(0); len(after) != len(before) {
			t.Errorf("an AddSpans that added nothing was logged: %s", actionList(after))
		}
		if err := p.DeleteSpans([]string{batch[0].ID, batch[2].ID}); err != nil {
			t.Fatal(err)
		}
		deleted := spanKeys(spansOf(t, p, d.ID))
		if n, err := p.RelabelSpans([]string{batch[1].ID}, y.ID); err != nil || n != 1 {
			t.Fatalf("RelabelSpans = %d, %v", n, err)
		}
		relabeled := spanKeys(spansOf(t, p, d.ID))
		wantPending(t, "after three batch edits", h, "batch", "")
		steps := []struct {
			action string
			n      int
			state  string
		}{
			{annotate.ActionRelabelSpans, 1, deleted},
			{annotate.ActionDeleteSpans, 2, added},
			{annotate.ActionAddSpans, 3, ""},
		}
		for _, s := range steps {
			ev, err := h.Undo()
			if err != nil || ev.Action != s.action || len(ev.Spans) != s.n || !ev.Undone {
				t.Fatalf("undo: %+v, %v; want %s of %d spans", ev, err, s.action, s.n)
			}
			if got := spanKeys(spansOf(t, p, d.ID)); got != s.state {
				t.Fatalf("after undoing %s:\n%s want\n%s", s.action, got, s.state)
			}
		}
		_, err = h.Undo()
		wantCode(t, "undo with nothing left", err, annotate.ENOTFOUND)
		e.close(p)
		p = e.as("alice")
		h = historian(t, p)
		for i, want := range []string{added, deleted, relabeled} {
			ev, err := h.Redo()
			if err != nil || ev.Action != steps[len(steps)-1-i].action {
				t.Fatalf("redo %d: %+v, %v", i, ev, err)
			}
			if got := spanKeys(spansOf(t, p, d.ID)); got != want {
				t.Fatalf("after redo %d (%s):\n%s want\n%s", i, ev.Action, got, want)
			}
		}
	}
}

// testClearsRedo checks that every kind of span edit by the annotator
// clears what they could redo, and that other annotators' edits and
// status changes do not.
func testClearsRedo(tg Target) func(t *testing.T) {
	return func(t *testing.T) {
		type fixture struct {
			alice, bob annotate.Project
			doc, kept  string
			x, y       string
		}
		cases := []struct {
			name  string
			edit  func(f fixture) error
			clear bool
		}{
			{"AddSpan", func(f fixture) error { return f.alice.AddSpan(annotate.NewSpan(f.doc, 11, 16, f.x)) }, true},
			{"AddSpans", func(f fixture) error {
				_, err := f.alice.AddSpans([]*annotate.Span{annotate.NewSpan(f.doc, 11, 16, f.x)})
				return err
			}, true},
			{"UpdateSpan", func(f fixture) error {
				return f.alice.UpdateSpan(&annotate.Span{ID: f.kept, Start: 0, End: 4, LabelID: f.x})
			}, true},
			{"DeleteSpan", func(f fixture) error { return f.alice.DeleteSpan(f.kept) }, true},
			{"DeleteSpans", func(f fixture) error { return f.alice.DeleteSpans([]string{f.kept}) }, true},
			{"RelabelSpans", func(f fixture) error {
				_, err := f.alice.RelabelSpans([]string{f.kept}, f.y)
				return err
			}, true},
			{"another annotator's edit", func(f fixture) error { return f.bob.AddSpan(annotate.NewSpan(f.doc, 11, 16, f.x)) }, false},
			{"a status change", func(f fixture) error { return f.alice.SetStatus(f.doc, annotate.StatusDone) }, false},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				e := newEnv(t, tg)
				f := fixture{alice: e.as("alice"), bob: e.as("bob")}
				f.x, f.y = addLabel(t, f.alice, "x").ID, addLabel(t, f.alice, "y").ID
				f.doc = addDoc(t, f.alice, "d", "alpha beta gamma").ID
				f.kept = addSpan(t, f.alice, f.doc, 0, 5, f.x).ID
				undone := addSpan(t, f.alice, f.doc, 6, 10, f.x)
				h := historian(t, f.alice)
				if _, err := h.Undo(); err != nil {
					t.Fatal(err)
				}
				if err := c.edit(f); err != nil {
					t.Fatalf("the edit: %v", err)
				}
				ev, err := h.Redo()
				if c.clear {
					wantCode(t, "redo after "+c.name, err, annotate.ENOTFOUND)
					return
				}
				if err != nil || ev.SpanID != undone.ID {
					t.Fatalf("redo after %s: %+v, %v; want the undone add", c.name, ev, err)
				}
				if _, err := f.alice.Span(undone.ID); err != nil {
					t.Errorf("the redone span: %v", err)
				}
			})
		}
	}
}
