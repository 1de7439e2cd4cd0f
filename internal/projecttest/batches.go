package projecttest

import (
	"strings"
	"testing"

	"gloss/annotate"
)

// testBatches checks AddSpans, DeleteSpans and RelabelSpans (their undo
// is in history.go).
func testBatches(t *testing.T, tg Target) {
	t.Run("add spans counts what it adds", func(t *testing.T) {
		e := newEnv(t, tg)
		alice, bob := e.as("alice"), e.as("bob")
		x, y := addLabel(t, alice, "x"), addLabel(t, alice, "y")
		d := addDoc(t, alice, "d", "alpha beta gamma delta")
		present := addSpan(t, alice, d.ID, 0, 5, x.ID)
		mk := func() []*annotate.Span {
			return []*annotate.Span{
				annotate.NewSpan(d.ID, 0, 5, x.ID),   // alice has it already
				annotate.NewSpan(d.ID, 6, 10, x.ID),  // new
				annotate.NewSpan(d.ID, 6, 10, x.ID),  // a duplicate of the one before
				annotate.NewSpan(d.ID, 6, 10, y.ID),  // same range, other label: new
				annotate.NewSpan(d.ID, 11, 22, x.ID), // new
			}
		}
		batch := mk()
		n, err := alice.AddSpans(batch)
		if err != nil || n != 3 {
			t.Fatalf("alice AddSpans = %d, %v; want 3", n, err)
		}
		for _, sp := range batch {
			if sp.ID == "" || sp.Annotator != "alice" {
				t.Errorf("AddSpans left id %q annotator %q", sp.ID, sp.Annotator)
			}
		}
		again, err := alice.AddSpans(mk())
		if err != nil || again != 0 {
			t.Errorf("the same batch again = %d, %v; want 0", again, err)
		}
		theirs := mk()
		n, err = bob.AddSpans(theirs)
		if err != nil || n != 4 { // bob's layer has none of them
			t.Fatalf("bob AddSpans = %d, %v; want 4", n, err)
		}
		wantSpans(t, "both layers", alice, d.ID, present, batch[1], batch[3], batch[4], theirs[0], theirs[1], theirs[3], theirs[4])
	})

	t.Run("add spans is all or nothing", func(t *testing.T) {
		p := newEnv(t, tg).as("alice")
		x := addLabel(t, p, "x")
		d := addDoc(t, p, "d", "alpha beta")
		cases := []struct {
			name string
			bad  *annotate.Span
			code string
		}{
			{"past the end", annotate.NewSpan(d.ID, 6, 11, x.ID), annotate.EINVALID},
			{"reversed", annotate.NewSpan(d.ID, 5, 2, x.ID), annotate.EINVALID},
			{"unknown label", annotate.NewSpan(d.ID, 0, 2, "no-such-id"), annotate.ENOTFOUND},
			{"unknown document", annotate.NewSpan("no-such-id", 0, 2, x.ID), annotate.ENOTFOUND},
		}
		for _, c := range cases {
			n, err := p.AddSpans([]*annotate.Span{annotate.NewSpan(d.ID, 0, 5, x.ID), c.bad})
			wantCode(t, c.name, err, c.code)
			if n != 0 {
				t.Errorf("%s: AddSpans counted %d added", c.name, n)
			}
		}
		wantSpans(t, "after refused batches", p, d.ID)
	})

	t.Run("delete spans", func(t *testing.T) {
		e := newEnv(t, tg)
		alice, bob := e.as("alice"), e.as("bob")
		x := addLabel(t, alice, "x")
		d := addDoc(t, alice, "d", "alpha beta gamma")
		a := addSpan(t, alice, d.ID, 0, 5, x.ID)
		b := addSpan(t, bob, d.ID, 6, 10, x.ID)
		c := addSpan(t, alice, d.ID, 11, 16, x.ID)
		err := alice.DeleteSpans([]string{a.ID, "no-such-id"})
		wantCode(t, "an unknown id", err, annotate.ENOTFOUND)
		if err == nil || !strings.Contains(err.Error(), "no-such-id") {
			t.Errorf("the error for an unknown id does not name it: %v", err)
		}
		wantSpans(t, "after a refused delete", alice, d.ID, a, b, c)
		wantCode(t, "an empty list", alice.DeleteSpans(nil), "")
		if err := alice.DeleteSpans([]string{a.ID, b.ID}); err != nil {
			t.Fatal(err)
		}
		wantSpans(t, "after delete", bob, d.ID, c)
	})

	t.Run("relabel spans", func(t *testing.T) {
		e := newEnv(t, tg)
		alice, bob := e.as("alice"), e.as("bob")
		x, y := addLabel(t, alice, "x"), addLabel(t, alice, "y")
		d := addDoc(t, alice, "d", "alpha beta gamma")
		a := addSpan(t, alice, d.ID, 0, 5, x.ID)
		b := addSpan(t, bob, d.ID, 6, 10, x.ID)
		already := addSpan(t, alice, d.ID, 11, 16, y.ID)
		blocker := addSpan(t, alice, d.ID, 0, 5, y.ID) // a would clash with it

		_, err := alice.RelabelSpans([]string{b.ID, "no-such-id"}, y.ID)
		wantCode(t, "an unknown span", err, annotate.ENOTFOUND)
		_, err = alice.RelabelSpans([]string{b.ID}, "no-such-id")
		wantCode(t, "an unknown label", err, annotate.ENOTFOUND)
		n, err := alice.RelabelSpans([]string{b.ID, a.ID}, y.ID)
		wantCode(t, "a clash with a span of the same layer", err, annotate.ECONFLICT)
		if n != 0 {
			t.Errorf("a refused relabel counted %d", n)
		}
		wantSpans(t, "after refused relabels", alice, d.ID, a, b, already, blocker)

		n, err = alice.RelabelSpans([]string{b.ID, already.ID}, y.ID)
		if err != nil || n != 1 { // already carries y: left alone, not counted
			t.Fatalf("RelabelSpans = %d, %v; want 1", n, err)
		}
		nb := *b
		nb.LabelID = y.ID
		wantSpans(t, "after relabel", bob, d.ID, a, &nb, already, blocker)
		if n, err := alice.RelabelSpans([]string{already.ID}, y.ID); err != nil || n != 0 {
			t.Errorf("relabel to the label it has = %d, %v; want 0", n, err)
		}
	})
}
