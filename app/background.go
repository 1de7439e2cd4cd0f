package app

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
)

// searchDelay is the pause after the last key before a search over all the
// documents starts: typing a word starts one search, not one per letter.
const searchDelay = 200 * time.Millisecond

// background runs a search over the documents (corpus find, the
// concordance, label all) off the UI goroutine, searchDelay after the last
// change to what it looks for. A newer search cancels the older one's
// context, and an older search's results never replace a newer one's.
// Every method is called on the UI goroutine.
type background struct {
	delay time.Duration
	// after starts a timer that calls f after d and returns its stop; tests
	// replace it with a clock they advance themselves.
	after func(d time.Duration, f func()) (stop func())
	// spawn runs a job off the UI goroutine; tests replace it.
	spawn func(job func())

	stop   func()             // the pending pause
	cancel context.CancelFunc // the running search
	gen    int                // bumps on every new search; results of an older one are dropped
}

func newBackground() *background {
	return &background{
		delay: searchDelay,
		after: func(d time.Duration, f func()) func() {
			t := time.AfterFunc(d, f)
			return func() { t.Stop() }
		},
		spawn: func(job func()) { go job() },
	}
}

// schedule runs job after the pause, in the background, with a context
// that the next schedule or now cancels; the func job returns (nil: none)
// then runs on the UI goroutine to show the results, unless a newer search
// was asked for meanwhile.
func (b *background) schedule(job func(ctx context.Context) (show func())) {
	b.halt()
	gen := b.gen
	b.stop = b.after(b.delay, func() { fyne.Do(func() { b.start(gen, job) }) })
}

// now runs job in the background at once, as schedule does after the pause
// (for a switch flipped or a dialog opened, not for typing).
func (b *background) now(job func(ctx context.Context) (show func())) {
	b.halt()
	b.start(b.gen, job)
}

func (b *background) start(gen int, job func(ctx context.Context) func()) {
	if gen != b.gen { // a newer search was asked for after this pause began
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	b.cancel = cancel
	b.spawn(func() {
		show := job(ctx)
		if show == nil || ctx.Err() != nil {
			return
		}
		fyne.Do(func() {
			if gen == b.gen {
				show()
			}
		})
	})
}

// halt stops the pending pause and cancels the running search.
func (b *background) halt() {
	b.gen++
	if b.stop != nil {
		b.stop()
		b.stop = nil
	}
	if b.cancel != nil {
		b.cancel()
		b.cancel = nil
	}
}
