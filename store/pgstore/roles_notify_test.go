package pgstore

import (
	"context"
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
