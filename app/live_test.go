package app

import (
	"context"
	"errors"
	"testing"
	"time"

	"gloss/annotate"
)

// fakeWatcher announces its changes, one list per call of Listen, then
// waits for the end (or fails at once when fail is set for that call).
type fakeWatcher struct {
	calls chan []annotate.Change
	fail  chan error
}

func (w *fakeWatcher) Listen(ctx context.Context, fn func(annotate.Change)) error {
	select {
	case err := <-w.fail:
		return err
	default:
	}
	select {
	case cs := <-w.calls:
		for _, c := range cs {
			fn(c)
		}
	case <-ctx.Done():
		return ctx.Err()
	}
	<-ctx.Done()
	return ctx.Err()
}

type liveBatch struct {
	changes []annotate.Change
	resync  bool
}

// newTestLive returns live updates whose batches arrive on the channel.
func newTestLive(delay time.Duration) (*liveUpdates, chan liveBatch, chan error) {
	l := &liveUpdates{delay: delay, retry: time.Millisecond, do: func(f func()) { f() }}
	batches, problems := make(chan liveBatch, 10), make(chan error, 10)
	l.onChanges = func(cs []annotate.Change, resync bool) { batches <- liveBatch{cs, resync} }
	l.onProblem = func(err error) { problems <- err }
	return l, batches, problems
}

func TestLiveUpdatesCoalesceABurst(t *testing.T) {
	l, batches, _ := newTestLive(100 * time.Millisecond)
	w := &fakeWatcher{calls: make(chan []annotate.Change, 1), fail: make(chan error, 1)}
	var burst []annotate.Change
	for i := 0; i < 5; i++ {
		burst = append(burst, annotate.Change{Kind: annotate.ChangeSpan, DocumentID: "d1", Annotator: "bob"})
	}
	w.calls <- burst
	l.watch(w)
	defer l.stop()
	select {
	case b := <-batches:
		if len(b.changes) != 5 || b.resync {
			t.Fatalf("batch = %d changes (resync %v), want the 5 of the burst at once", len(b.changes), b.resync)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no batch")
	}
	select {
	case b := <-batches:
		t.Fatalf("a second batch came: %+v", b)
	case <-time.After(300 * time.Millisecond):
	}
}

func TestLiveUpdatesRetryAfterALostConnectionAndResync(t *testing.T) {
	l, batches, problems := newTestLive(time.Millisecond)
	w := &fakeWatcher{calls: make(chan []annotate.Change, 1), fail: make(chan error, 1)}
	w.fail <- errors.New("connection reset")
	w.calls <- []annotate.Change{{Kind: annotate.ChangeLabel, Annotator: "ann"}}
	l.watch(w)
	defer l.stop()
	select {
	case err := <-problems:
		if err.Error() != "connection reset" {
			t.Errorf("problem = %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the lost connection was not reported")
	}
	select {
	case b := <-batches:
		if !b.resync || len(b.changes) != 1 {
			t.Errorf("first batch after reconnecting = %+v, want a resync", b)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no batch after listening again")
	}
}

func TestLiveUpdatesStopDropsWhatIsPending(t *testing.T) {
	l, batches, _ := newTestLive(200 * time.Millisecond)
	w := &fakeWatcher{calls: make(chan []annotate.Change, 1), fail: make(chan error, 1)}
	w.calls <- []annotate.Change{{Kind: annotate.ChangeSpan, DocumentID: "d", Annotator: "bob"}}
	l.watch(w)
	time.Sleep(50 * time.Millisecond) // the change is gathered, not shown yet
	l.stop()
	if l.listening() {
		t.Error("still listening after stop")
	}
	select {
	case b := <-batches:
		t.Fatalf("a batch came after stop: %+v", b)
	case <-time.After(400 * time.Millisecond):
	}
}

func TestDescribeChanges(t *testing.T) {
	docs := []annotate.DocumentInfo{{ID: "d1", Title: "Article 3"}, {ID: "d2", Title: "Other"}}
	for _, c := range []struct {
		changes []annotate.Change
		want    string
	}{
		{[]annotate.Change{{Kind: annotate.ChangeSpan, DocumentID: "d1", Annotator: "bob"}}, "bob changed spans in ‘Article 3’"},
		{[]annotate.Change{
			{Kind: annotate.ChangeSpan, DocumentID: "d1", Annotator: "bob"},
			{Kind: annotate.ChangeSpan, DocumentID: "d2", Annotator: "alice"},
			{Kind: annotate.ChangeLabel, Annotator: "bob"},
		}, "bob and alice changed spans in 2 documents; changed the labels"},
		{[]annotate.Change{{Kind: annotate.ChangeStatus, DocumentID: "d2", Annotator: "cy"}}, "cy changed the status of ‘Other’"},
		{[]annotate.Change{{Kind: annotate.ChangeDocument}}, "someone added or deleted documents"},
		{nil, ""},
	} {
		if got := describeChanges(c.changes, docs); got != c.want {
			t.Errorf("describeChanges(%v) = %q, want %q", c.changes, got, c.want)
		}
	}
}
