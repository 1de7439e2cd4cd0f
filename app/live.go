package app

import (
	"context"
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"gloss/annotate"
)

// liveDelay is how long live updates wait for more changes before showing
// them: a burst of edits (a bulk label, an import) is shown once.
const liveDelay = 150 * time.Millisecond

// liveRetry is how long live updates wait before listening again after the
// connection to the server was lost.
const liveRetry = 5 * time.Second

// liveUpdates follows what other windows and annotators change in a shared
// project (one that is an annotate.Watcher, a server project): it listens
// on a goroutine of its own from the moment a project is shown until it is
// closed or another is shown, gathers the changes that arrive close
// together and passes them to onChanges on the window's goroutine.
type liveUpdates struct {
	delay, retry time.Duration
	do           func(func()) // runs a function on the window's goroutine: fyne.Do

	// onChanges shows a batch of changes; resync is set when changes may
	// have been missed (the connection was lost), so everything is reread.
	onChanges func(changes []annotate.Change, resync bool)
	onProblem func(err error) // listening failed; it is retried

	mu      sync.Mutex
	cancel  context.CancelFunc // stops the listener of the project shown
	done    chan struct{}      // closed when that listener has returned
	pending []annotate.Change
	resync  bool
	timer   *time.Timer
}

func newLiveUpdates() *liveUpdates {
	return &liveUpdates{delay: liveDelay, retry: liveRetry, do: fyne.Do}
}

// start listens to p's changes, stopping the listener of the project shown
// before. A project that is not an annotate.Watcher (a project file) has
// no live updates: Reload shows what others changed.
func (l *liveUpdates) start(p Project) {
	l.stop()
	if w, ok := p.(annotate.Watcher); ok {
		l.watch(w)
	}
}

// watch listens to w's changes; the listener must have been stopped.
func (l *liveUpdates) watch(w annotate.Watcher) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	l.mu.Lock()
	l.cancel, l.done = cancel, done
	l.mu.Unlock()
	go l.listen(ctx, w, done)
}

// listen runs Listen until ctx is done, listening again after a failure.
func (l *liveUpdates) listen(ctx context.Context, w annotate.Watcher, done chan struct{}) {
	defer close(done)
	missed := false // the connection was lost: changes may have been missed
	for {
		err := w.Listen(ctx, func(c annotate.Change) { // on this goroutine
			l.add(ctx, c, missed)
			missed = false
		})
		if ctx.Err() != nil {
			return
		}
		missed = true
		l.do(func() {
			if ctx.Err() == nil && l.onProblem != nil {
				l.onProblem(err)
			}
		})
		select {
		case <-ctx.Done():
			return
		case <-time.After(l.retry):
		}
	}
}

// add gathers change c; the batch is shown delay after its first change.
// With resync (the first change after a lost connection) the batch rereads
// everything.
func (l *liveUpdates) add(ctx context.Context, c annotate.Change, resync bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.pending = append(l.pending, c)
	l.resync = l.resync || resync
	if l.timer == nil {
		l.timer = time.AfterFunc(l.delay, func() { l.flush(ctx) })
	}
}

// flush passes the gathered changes on, unless their project is gone.
func (l *liveUpdates) flush(ctx context.Context) {
	l.mu.Lock()
	batch, resync := l.pending, l.resync
	l.pending, l.resync, l.timer = nil, false, nil
	l.mu.Unlock()
	if len(batch) == 0 {
		return
	}
	l.do(func() {
		if ctx.Err() == nil && l.onChanges != nil {
			l.onChanges(batch, resync)
		}
	})
}

// stop ends the listener (waiting for it, so that the project can be
// closed) and drops the changes not shown yet.
func (l *liveUpdates) stop() {
	l.mu.Lock()
	cancel, done := l.cancel, l.done
	l.cancel, l.done = nil, nil
	if l.timer != nil {
		l.timer.Stop()
		l.timer = nil
	}
	l.pending, l.resync = nil, false
	l.mu.Unlock()
	if cancel == nil {
		return
	}
	cancel()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		fyne.LogError("live updates", context.DeadlineExceeded)
	}
}

// listening reports whether the project shown has live updates.
func (l *liveUpdates) listening() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.cancel != nil
}
