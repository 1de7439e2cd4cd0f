package app

import (
	"sync"
	"time"
)

// Hooks for the live-update tests (live.go): a probe's live updates are
// shown only when the test asks (AwaitLive), on the test's goroutine, so
// that nothing touches the window behind its back.

// liveQueues holds each probe's waiting live updates.
var liveQueues sync.Map // *liveUpdates → chan func()

// catchLive makes the window's live updates wait for AwaitLive.
func (g *Probe) catchLive() {
	q := make(chan func(), 64)
	liveQueues.Store(g.live, q)
	g.live.stop()
	g.live.do = func(f func()) {
		select {
		case q <- f:
		default: // the test is not waiting for more
		}
	}
	if g.s.p != nil {
		g.live.start(g.s.p)
	}
}

// AwaitLive shows the next batch of live updates (or another pending step
// of them) on the test's goroutine; it reports false when none came
// within timeout.
func (g *Probe) AwaitLive(timeout time.Duration) bool {
	q, ok := liveQueues.Load(g.live)
	if !ok {
		return false
	}
	select {
	case f := <-q.(chan func()):
		f()
		return true
	case <-time.After(timeout):
		return false
	}
}

// Listening reports whether the window follows others' changes.
func (g *Probe) Listening() bool { return g.live.listening() }

// SetLiveDelay sets how long live updates gather changes before showing them.
func (g *Probe) SetLiveDelay(d time.Duration) {
	g.live.mu.Lock()
	g.live.delay = d
	g.live.mu.Unlock()
}

// RecentLabels returns the labels of File ▸ Open recent's items.
func (g *Probe) RecentLabels() []string {
	var out []string
	for _, it := range g.menu.recent.ChildMenu.Items {
		out = append(out, it.Label)
	}
	return out
}

// OpenServer opens a server project as File ▸ Open server project does.
func (g *Probe) OpenServer(addr string) { g.files.openServer(addr) }

// WindowTitle returns the window's title.
func (g *Probe) WindowTitle() string { return g.win.Title() }

// PanelSpanCount returns the span count the Documents panel shows for
// document id, -1 when the panel does not list it.
func (g *Probe) PanelSpanCount(id string) int {
	for _, r := range g.docs.panel.rows {
		if r.info.ID == id {
			return r.info.SpanCount
		}
	}
	return -1
}

// OpenPath opens a project as File ▸ Open recent does.
func (g *Probe) OpenPath(path string) { g.files.openProject(path) }

// LabelNames returns the names of the labels the window shows.
func (g *Probe) LabelNames() []string {
	var out []string
	for _, l := range g.s.labels {
		out = append(out, l.Name)
	}
	return out
}
