package projecttest

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"gloss/annotate"
)

// Sizes of the concurrency cases: small enough for a shared test machine,
// large enough that writes overlap.
const (
	writers      = 4  // annotators, each on their own handle
	spansEach    = 15 // single AddSpan calls per annotator
	batchEach    = 5  // spans of one AddSpans per annotator
	sameHandleGo = 4  // goroutines sharing one handle
)

// testConcurrency checks that writes made at once, from several handles
// and from several goroutines on one handle, are all kept, and that undo
// stays per annotator under concurrent use.
func testConcurrency(t *testing.T, tg Target) {
	t.Run("several annotators at once lose nothing", func(t *testing.T) {
		e := newEnv(t, tg)
		setup := e.as("setup")
		x := addLabel(t, setup, "x")
		d := addDoc(t, setup, "shared", strings.Repeat("abcdefghij", 10))
		handles := make([]annotate.Project, writers)
		for i := range handles {
			handles[i] = e.as(fmt.Sprintf("coder%d", i))
		}
		errs := make(chan error, writers*(spansEach+2))
		var wg sync.WaitGroup
		for i, p := range handles {
			h := historian(t, p)
			wg.Add(1)
			go func() {
				defer wg.Done()
				for k := range spansEach {
					if err := p.AddSpan(annotate.NewSpan(d.ID, k, k+1, x.ID)); err != nil {
						errs <- fmt.Errorf("coder%d AddSpan %d: %w", i, k, err)
					}
				}
				var batch []*annotate.Span
				for k := range batchEach {
					batch = append(batch, annotate.NewSpan(d.ID, 50+k, 52+k, x.ID))
				}
				if n, err := p.AddSpans(batch); err != nil || n != batchEach {
					errs <- fmt.Errorf("coder%d AddSpans = %d, %v", i, n, err)
				}
				// undo the batch: each annotator's own, whatever the others did meanwhile
				if ev, err := h.Undo(); err != nil || ev.Action != annotate.ActionAddSpans {
					errs <- fmt.Errorf("coder%d Undo = %+v, %v; want the batch", i, ev, err)
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		spans := spansOf(t, setup, d.ID)
		per := map[string]int{}
		for _, sp := range spans {
			if sp.End-sp.Start != 1 {
				t.Errorf("a batch span survived its undo: %s", spanKey(sp))
			}
			per[sp.Annotator]++
		}
		if len(spans) != writers*spansEach {
			t.Errorf("%d spans, want %d", len(spans), writers*spansEach)
		}
		for i := range writers {
			if n := per[fmt.Sprintf("coder%d", i)]; n != spansEach {
				t.Errorf("coder%d has %d spans, want %d", i, n, spansEach)
			}
		}
		if st, err := setup.Stats(); err != nil || st.Spans != writers*spansEach {
			t.Errorf("Stats().Spans = %+v, %v; want %d", st, err, writers*spansEach)
		}
	})

	t.Run("one handle from several goroutines", func(t *testing.T) {
		e := newEnv(t, tg)
		p := e.as("alice")
		x := addLabel(t, p, "x")
		d := addDoc(t, p, "d", strings.Repeat("0123456789", 10))
		var wg sync.WaitGroup
		errs := make(chan error, sameHandleGo*spansEach)
		for g := range sameHandleGo {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for k := range spansEach {
					at := g*spansEach + k
					if err := p.AddSpan(annotate.NewSpan(d.ID, at, at+1, x.ID)); err != nil {
						errs <- fmt.Errorf("goroutine %d AddSpan at %d: %w", g, at, err)
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		spans := spansOf(t, p, d.ID)
		if len(spans) != sameHandleGo*spansEach {
			t.Fatalf("%d spans, want %d", len(spans), sameHandleGo*spansEach)
		}
		for i, sp := range spans {
			if sp.Start != i || sp.Annotator != "alice" {
				t.Errorf("span %d: %s", i, spanKey(sp))
			}
		}
		history, err := historian(t, p).History(0)
		if err != nil {
			t.Fatal(err)
		}
		adds := 0
		for _, ev := range history {
			if ev.Action == annotate.ActionAddSpan {
				adds++
			}
		}
		if adds != sameHandleGo*spansEach {
			t.Errorf("History has %d add-span events, want %d", adds, sameHandleGo*spansEach)
		}
	})
}
