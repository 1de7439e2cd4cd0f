package pgstore

import (
	"context"
	"errors"
	"testing"
	"time"

	"gloss/annotate"
)

// listen runs s.Listen in the background and returns its changes, and a
// function that stops it and returns Listen's error.
func listen(t *testing.T, s *Store) (<-chan annotate.Change, func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ch := make(chan annotate.Change, 100)
	done := make(chan error, 1)
	ready := make(chan struct{})
	t.Cleanup(cancel)
	go func() {
		done <- s.listen(ctx, func(c annotate.Change) { ch <- c }, func() { close(ready) })
	}()
	select {
	case <-ready:
	case err := <-done:
		t.Fatal(err)
	}
	return ch, func() error { cancel(); return <-done }
}

// next waits for the next change, failing after a few seconds.
func next(t *testing.T, ch <-chan annotate.Change) annotate.Change {
	t.Helper()
	select {
	case c := <-ch:
		return c
	case <-time.After(5 * time.Second):
		t.Fatal("no change announced in 5 s")
	}
	return annotate.Change{}
}

func TestListenSeesOthersChanges(t *testing.T) {
	curator, url := newProject(t, "curator")
	coder := openAs(t, url, "coder")
	l, d := seed(t, coder)
	own := annotate.NewDocument("Own", "The curator's own document.", "")
	if err := coder.AddDocuments([]*annotate.Document{own}); err != nil {
		t.Fatal(err)
	}
	ch, stop := listen(t, curator)

	sp := annotate.NewSpan(d.ID, 0, 5, l.ID)
	if err := coder.AddSpan(sp); err != nil {
		t.Fatal(err)
	}
	if c := next(t, ch); c != (annotate.Change{Kind: annotate.ChangeSpan, DocumentID: d.ID, Annotator: "coder"}) {
		t.Fatalf("after a span was added: %+v", c)
	}
	if err := coder.SetStatus(d.ID, annotate.StatusDone); err != nil {
		t.Fatal(err)
	}
	if c := next(t, ch); c != (annotate.Change{Kind: annotate.ChangeStatus, DocumentID: d.ID, Annotator: "coder"}) {
		t.Fatalf("after a status was set: %+v", c)
	}
	if _, err := coder.Undo(); err != nil {
		t.Fatal(err)
	}
	if c := next(t, ch); c.Kind != annotate.ChangeSpan || c.DocumentID != d.ID {
		t.Fatalf("after an undo: %+v", c)
	}
	if err := coder.AddLabel(&annotate.Label{Name: "actor"}); err != nil {
		t.Fatal(err)
	}
	if c := next(t, ch); c.Kind != annotate.ChangeLabel || c.Annotator != "coder" {
		t.Fatalf("after a label was added: %+v", c)
	}
	// The curator's own edits are not announced to the curator, but a
	// second window of the same annotator sees the first's.
	if err := curator.AddSpan(annotate.NewSpan(own.ID, 1, 3, l.ID)); err != nil {
		t.Fatal(err)
	}
	second := openAs(t, url, "curator")
	if err := second.DeleteDocument(d.ID); err != nil {
		t.Fatal(err)
	}
	// The delete removed the document and the coder's status of it: both
	// are announced (next fails when one is not).
	kinds := map[string]bool{}
	for !kinds[annotate.ChangeDocument] || !kinds[annotate.ChangeStatus] {
		c := next(t, ch)
		if c.DocumentID == own.ID {
			t.Fatalf("the curator's own edit was announced to the curator: %+v", c)
		}
		kinds[c.Kind] = true
	}
	if err := stop(); !errors.Is(err, context.Canceled) {
		t.Fatalf("Listen after cancel = %v, want context.Canceled", err)
	}
	for len(ch) > 0 {
		if c := <-ch; c.DocumentID == own.ID {
			t.Fatalf("the curator's own edit was announced to the curator: %+v", c)
		}
	}
}

func TestCloseStopsListen(t *testing.T) {
	s, _ := newProject(t, "ann")
	done := make(chan error, 1)
	go func() { done <- s.Listen(context.Background(), func(annotate.Change) {}) }()
	time.Sleep(200 * time.Millisecond)
	s.Close()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("Listen after Close = %v, want context.Canceled", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Listen still runs 5 s after Close")
	}
}
