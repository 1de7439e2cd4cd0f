package pgstore

import (
	"context"
	"strings"
	"testing"
	"time"

	"gloss/annotate"
)

// TestNoticesNameTheMember checks that live-update notices work for
// members and name the annotator the member writes as, not the name its
// connection claims.
func TestNoticesNameTheMember(t *testing.T) {
	tm := newTeam(t)
	ctx, cancel := context.WithCancel(ctxb)
	defer cancel()
	got := make(chan annotate.Change, 100)
	go tm.mary.Listen(ctx, func(c annotate.Change) { got <- c })
	// Wait until mary listens: a change of alice's arrives.
	wait := time.After(20 * time.Second)
	for ready := false; !ready; {
		if err := tm.alice.SetStatus(tm.doc.ID, annotate.StatusInProgress); err != nil {
			t.Fatal(err)
		}
		select {
		case c := <-got:
			if c.Annotator != "alice" {
				t.Fatalf("alice's status change came as %+v", c)
			}
			ready = true
		case <-time.After(200 * time.Millisecond):
		case <-wait:
			t.Fatal("no notice of alice's change in 20 s")
		}
	}
	c := tm.raw(t, "alice")
	if _, err := c.Exec(ctxb, `SET gloss.annotator = 'bob'`); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Exec(ctxb, `INSERT INTO spans(id, document_id, start, "end", label_id, annotator, created_at, updated_at)
		VALUES ('raw', $1, 0, 5, $2, 'alice', 'now', 'now')`, tm.doc.ID, tm.label.ID); err != nil {
		t.Fatal(err)
	}
	deadline := time.After(20 * time.Second)
	for {
		select {
		case n := <-got:
			if n.Kind != "span" {
				continue
			}
			if n.Annotator != "alice" || n.DocumentID != tm.doc.ID {
				t.Fatalf("alice's span, her connection claiming to be bob, came as %+v", n)
			}
			return
		case <-deadline:
			t.Fatal("no notice of alice's span in 20 s")
		}
	}
}

// listener collects the notices s hears.
func listener(t *testing.T, s *Store) <-chan annotate.Change {
	t.Helper()
	ctx, cancel := context.WithCancel(ctxb)
	t.Cleanup(cancel)
	got := make(chan annotate.Change, 100)
	ready := make(chan struct{})
	go s.listen(ctx, func(c annotate.Change) { got <- c }, func() { close(ready) })
	select {
	case <-ready:
	case <-time.After(20 * time.Second):
		t.Fatal("not listening after 20 s")
	}
	return got
}

// heardUntil returns the notices heard up to the first one of label
// changes (the marker the test sends last: notices come in commit order).
func heardUntil(t *testing.T, got <-chan annotate.Change) []annotate.Change {
	t.Helper()
	var out []annotate.Change
	deadline := time.After(20 * time.Second)
	for {
		select {
		case c := <-got:
			if c.Kind == annotate.ChangeLabel {
				return out
			}
			out = append(out, c)
		case <-deadline:
			t.Fatalf("no marker notice in 20 s; heard %+v", out)
		}
	}
}

// TestBlindAnnotatorHearsNothingOfOthersLayers checks that a blind
// annotator's Listen drops notices of spans and statuses in layers row-level
// security hides from them, and passes them on once blind coding is off; a
// curator hears everything.
func TestBlindAnnotatorHearsNothingOfOthersLayers(t *testing.T) {
	tm := newTeam(t)
	gold := tm.openRole(t, "carol", Gold)
	alice, carol := listener(t, tm.alice), listener(t, tm.carol)
	marker := func(name string) {
		if err := tm.mary.AddLabel(annotate.NewLabel(name, "#336699", "", "")); err != nil {
			t.Fatal(err)
		}
	}
	span := func(s *Store, start int) {
		if err := s.AddSpan(annotate.NewSpan(tm.doc.ID, start, start+3, tm.label.ID)); err != nil {
			t.Fatal(err)
		}
	}
	span(tm.bob, 0)
	if err := tm.bob.SetStatus(tm.doc.ID, annotate.StatusDone); err != nil {
		t.Fatal(err)
	}
	span(tm.carol, 4) // carol's own layer: hidden from a blind annotator
	span(gold, 8)     // gold: seen by everyone
	marker("first")
	who := func(cs []annotate.Change) string {
		var out []string
		for _, c := range cs {
			out = append(out, c.Kind+":"+c.Annotator)
		}
		return strings.Join(out, " ")
	}
	if got := who(heardUntil(t, alice)); got != "span:gold" {
		t.Errorf("blind alice heard %q, want only the gold span (span:gold)", got)
	}
	if got := who(heardUntil(t, carol)); got != "span:bob status:bob span:gold" {
		t.Errorf("curator carol heard %q, want bob's span and status and the gold span (her own are left out)", got)
	}

	// Blind coding off: alice hears bob's and carol's changes.
	if err := tm.mary.SetBlind(ctxb, false); err != nil {
		t.Fatal(err)
	}
	span(tm.bob, 12)
	span(tm.carol, 16)
	marker("second")
	if got := who(heardUntil(t, alice)); got != "span:bob span:carol" {
		t.Errorf("alice with blind coding off heard %q, want span:bob span:carol", got)
	}
}
