package app

import (
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// closeNoticeAfter is how long quitting waits for projects still closing
// before it says what it waits for.
var closeNoticeAfter = 400 * time.Millisecond

// closer closes the projects the window leaves when it shows another, off
// the UI goroutine: closing a project file waits until the backup made on
// opening it is written (store.Store.Close), seconds for a large project
// opened just before. The window hands a project over only once nothing
// of it uses the project any more (setProject stops the live updates, the
// background work and saves a note being typed first, and the areas are
// given the new project at once), and never touches it again. Quitting
// waits for the closes still running (quitAfterCloses), and so does a
// restore of the same file (waitFor).
type closer struct {
	mu       sync.Mutex
	pending  []*closing
	wg       sync.WaitGroup
	quitting bool   // quitAfterCloses is waiting
	onNotice func() // tests: the waiting notice is shown
}

// closing is a project being closed.
type closing struct {
	name, path string
	done       chan struct{}
}

// close closes p, named name, in the background.
func (c *closer) close(p Project, name string) {
	cl := &closing{name: name, path: p.Path(), done: make(chan struct{})}
	c.mu.Lock()
	c.pending = append(c.pending, cl)
	c.mu.Unlock()
	c.wg.Add(1)
	go func() {
		defer c.wg.Done()
		if err := p.Close(); err != nil {
			fyne.LogError("close project "+cl.path, err)
		}
		c.mu.Lock()
		for i, o := range c.pending {
			if o == cl {
				c.pending = append(c.pending[:i:i], c.pending[i+1:]...)
				break
			}
		}
		c.mu.Unlock()
		close(cl.done)
	}()
}

// names lists the projects still being closed.
func (c *closer) names() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for _, cl := range c.pending {
		out = append(out, cl.name)
	}
	return out
}

// wait returns once every project handed over is closed.
func (c *closer) wait() { c.wg.Wait() }

// waitFor returns once the projects at path handed over are closed (a
// restore replaces that file).
func (c *closer) waitFor(path string) {
	c.mu.Lock()
	var waits []chan struct{}
	for _, cl := range c.pending {
		if samePath(cl.path, path) {
			waits = append(waits, cl.done)
		}
	}
	c.mu.Unlock()
	for _, w := range waits {
		<-w
	}
}

// quitAfterCloses runs then (on the UI goroutine) once the projects handed
// to the closer are closed: at once when none is pending, else when they
// are, with a dialog saying what it waits for if that takes more than
// closeNoticeAfter. A second request while it waits is ignored.
func (g *Gloss) quitAfterCloses(then func()) {
	g.spans.editor.flushNote()
	c := g.closer
	names := c.names()
	if len(names) == 0 {
		then()
		return
	}
	c.mu.Lock()
	if c.quitting {
		c.mu.Unlock()
		return
	}
	c.quitting = true
	c.mu.Unlock()
	msg := "Finishing the backup of " + strings.Join(names, ", ") + "…"
	var (
		mu       sync.Mutex // the test driver runs fyne.Do on the calling goroutine
		notice   dialog.Dialog
		finished bool
	)
	timer := time.AfterFunc(closeNoticeAfter, func() {
		fyne.Do(func() {
			mu.Lock()
			defer mu.Unlock()
			if finished {
				return
			}
			g.status.message(msg)
			notice = dialog.NewCustomWithoutButtons("Closing Gloss", widget.NewLabel(msg), g.win)
			notice.Show()
			if c.onNotice != nil {
				c.onNotice()
			}
		})
	})
	go func() {
		c.wait()
		timer.Stop()
		fyne.Do(func() {
			mu.Lock()
			finished = true
			if notice != nil {
				notice.Hide()
			}
			mu.Unlock()
			c.mu.Lock()
			c.quitting = false
			c.mu.Unlock()
			then()
		})
	}()
}

// closeRequested is what closing the window does: it closes once the
// projects shown before are closed.
func (g *Gloss) closeRequested() { g.quitAfterCloses(g.win.Close) }
