package app

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// runInline makes b search at once and on the caller's goroutine: what the
// window tests that type and then read the results need.
func (b *background) runInline() {
	b.after = func(_ time.Duration, f func()) func() { f(); return func() {} }
	b.spawn = func(job func()) { job() }
}

// fakeClock holds the pauses and the jobs of backgrounds until the test
// fires and runs them.
type fakeClock struct {
	timers []*fakeTimer
	jobs   []func()
}

type fakeTimer struct {
	d       time.Duration
	f       func()
	stopped bool
}

// install makes b use the clock.
func (c *fakeClock) install(b *background) {
	b.after = func(d time.Duration, f func()) func() {
		t := &fakeTimer{d: d, f: f}
		c.timers = append(c.timers, t)
		return func() { t.stopped = true }
	}
	b.spawn = func(job func()) { c.jobs = append(c.jobs, job) }
}

// live returns the timers not stopped and not fired.
func (c *fakeClock) live() []*fakeTimer {
	var out []*fakeTimer
	for _, t := range c.timers {
		if !t.stopped {
			out = append(out, t)
		}
	}
	return out
}

// fire ends every live pause, as if its time had passed.
func (c *fakeClock) fire() {
	for _, t := range c.live() {
		t.stopped = true
		t.f()
	}
}

// TestBackgroundWaitsForThePause: each new search restarts the pause; only
// the last one runs, searchDelay after the last change.
func TestBackgroundWaitsForThePause(t *testing.T) {
	test.NewTempApp(t)
	b := newBackground()
	clock := &fakeClock{}
	clock.install(b)
	var ran, shown []string
	search := func(q string) func(context.Context) func() {
		return func(context.Context) func() {
			ran = append(ran, q)
			return func() { shown = append(shown, q) }
		}
	}
	for _, q := range []string{"l", "la", "lav"} {
		b.schedule(search(q))
	}
	live := clock.live()
	if len(live) != 1 || live[0].d != searchDelay || len(clock.timers) != 3 {
		t.Fatalf("%d pauses started, %d live (want 3 and 1 of %v)", len(clock.timers), len(live), searchDelay)
	}
	if len(clock.jobs) != 0 || len(ran) != 0 {
		t.Fatal("a search started before the pause ended")
	}
	clock.fire()
	for _, j := range clock.jobs {
		j()
	}
	if len(ran) != 1 || ran[0] != "lav" || len(shown) != 1 || shown[0] != "lav" {
		t.Errorf("ran %v, shown %v; want only the last query", ran, shown)
	}
}

// TestBackgroundDropsStaleResults: a newer search cancels the older one's
// context, and the older one's results never replace the newer one's, even
// when it ends last or its pause fires late.
func TestBackgroundDropsStaleResults(t *testing.T) {
	test.NewTempApp(t)
	b := newBackground()
	clock := &fakeClock{}
	clock.install(b)
	var shown []string
	ctxs := map[string]context.Context{}
	search := func(q string) func(context.Context) func() {
		return func(ctx context.Context) func() {
			ctxs[q] = ctx
			return func() { shown = append(shown, q) } // ignores ctx: the window must still drop it
		}
	}
	b.now(search("old"))
	b.now(search("new"))
	if len(clock.jobs) != 2 {
		t.Fatalf("%d searches started, want 2", len(clock.jobs))
	}
	clock.jobs[1]() // the newer search ends first
	clock.jobs[0]()
	if ctxs["new"].Err() != nil {
		t.Error("the newer search was cancelled")
	}
	if ctxs["old"].Err() == nil {
		t.Error("the older search was not cancelled")
	}
	if len(shown) != 1 || shown[0] != "new" {
		t.Errorf("shown %v, want only the newer results", shown)
	}

	// A pause whose timer fires after a newer search began starts nothing.
	b.schedule(search("late"))
	late := clock.live()[0]
	b.now(search("newest"))
	late.f()
	if len(clock.jobs) != 3 {
		t.Errorf("%d searches started, want 3: the stale pause started one", len(clock.jobs))
	}
}
