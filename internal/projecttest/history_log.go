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
		pending := func(who string, h annotate.Historian, undo, redo string) {
			t.Helper()
			u, r, err := h.Pending()
			if err != nil {
				t.Fatalf("%s Pending: %v", who, err)
			}
			if id(u) != undo || id(r) != redo {
				t.Errorf("%s Pending: undo %s, redo %s; want %s, %s", who, id(u), id(r), undo, redo)
			}
		}
		pending("alice", ha, a.ID, "")
		pending("bob", hb, b.ID, "")
		if err := alice.SetStatus(d.ID, annotate.StatusDone); err != nil {
			t.Fatal(err)
		}
		if _, err := ha.Undo(); err != nil {
			t.Fatal(err)
		}
		pending("alice after undo", ha, "", a.ID)
		pending("bob after alice's undo", hb, b.ID, "")

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
