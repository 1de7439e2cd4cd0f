package app

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"gloss/annotate"
)

// progressEvery is the least time between two progress notes of the index
// build in the status bar.
const progressEvery = 250 * time.Millisecond

// projectWork is what runs in the background after a project is opened,
// so that opening costs the same whatever the corpus size: the full
// integrity check (annotate.Checker), which says something in the status
// bar only when it finds a problem, and the build of a full-text index a
// project lacks (annotate.Indexer), with its progress in the status bar.
// Searches stay exact meanwhile: the store reads what is not indexed yet.
// The check is skipped when a recent clean check still covers the project
// and runs at low CPU priority otherwise (backgroundChecker); Help ▸
// Check project always runs it, on demand.
type projectWork struct {
	s      *session
	win    fyne.Window
	status *statusBar

	// spawn runs work off the UI goroutine; tests run it inline.
	spawn  func(func())
	ctx    context.Context // cancelled by stop
	cancel context.CancelFunc
	wg     sync.WaitGroup
	now    func() time.Time

	indexing bool // an index build is running
}

// testSpawn, when set, is how new windows run their background work (this
// file's and the paged documents list's): the tests run it inline, since
// their driver runs fyne.Do at once on any goroutine.
var testSpawn func(func())

// skipWork leaves out the check and index build of new windows (the
// benchmarks measure the open without them).
var skipWork bool

// spawner runs work on a goroutine, or as the tests say.
func spawner() func(func()) {
	if testSpawn != nil {
		return testSpawn
	}
	return func(f func()) { go f() }
}

func newProjectWork(s *session, win fyne.Window, status *statusBar) *projectWork {
	return &projectWork{s: s, win: win, status: status, spawn: spawner(), now: time.Now, ctx: context.Background()}
}

// stop cancels the work for the project shown and waits for it to end
// (an index batch in progress finishes first), before the project closes.
func (w *projectWork) stop() {
	if w.cancel != nil {
		w.cancel()
		w.cancel = nil
	}
	w.wg.Wait()
}

// start begins the background work for the project shown.
func (w *projectWork) start() {
	w.stop()
	if skipWork {
		return
	}
	p := w.s.p
	ctx, cancel := context.WithCancel(context.Background())
	w.ctx, w.cancel = ctx, cancel
	if check := backgroundCheck(p); check != nil {
		w.run(func() {
			problems, err := check(ctx)
			if ctx.Err() != nil {
				return
			}
			fyne.Do(func() {
				if w.s.p != p {
					return
				}
				switch {
				case err != nil:
					w.status.warn("The project check could not run: " + err.Error())
				case len(problems) > 0:
					w.status.warn(fmt.Sprintf("The project check found %s: Help ▸ Check project lists them.", plural(len(problems), "problem")))
				}
			})
		})
	}
	w.indexing = false
	w.index()
}

// backgroundChecker is a project that can tell when its full check would
// find nothing new and run it at low CPU priority (store.Store: see
// store.CheckDue and store.BackgroundCheck).
type backgroundChecker interface {
	BackgroundCheck(ctx context.Context) (problems []string, ran bool, err error)
}

// backgroundCheck returns the check to run after p is opened, or nil: a
// backgroundChecker's (skipped when a recent clean check still covers
// the project), else the full check of an annotate.Checker.
func backgroundCheck(p Project) func(context.Context) ([]string, error) {
	if c, ok := p.(backgroundChecker); ok {
		return func(ctx context.Context) ([]string, error) {
			problems, _, err := c.BackgroundCheck(ctx)
			return problems, err
		}
	}
	if c, ok := p.(annotate.Checker); ok {
		return c.CheckProject
	}
	return nil
}

// index builds the full-text index in the background when the project
// shown lacks part of it (an old project, or after a large import) and no
// build is running yet.
func (w *projectWork) index() {
	p, ctx := w.s.p, w.ctx
	ix, ok := p.(annotate.Indexer)
	if !ok || p.ReadOnly() || w.indexing || ctx.Err() != nil {
		return
	}
	if built, err := ix.IndexBuilt(); err != nil || built {
		return
	}
	w.indexing = true
	w.run(func() { w.buildIndex(ctx, p, ix) })
}

// run runs f in the background, counted so that stop can wait for it.
func (w *projectWork) run(f func()) {
	w.wg.Add(1)
	w.spawn(func() {
		defer w.wg.Done()
		f()
	})
}

// buildIndex completes the full-text index, showing its progress.
func (w *projectWork) buildIndex(ctx context.Context, p Project, ix annotate.Indexer) {
	var last time.Time
	err := ix.BuildIndex(ctx, func(done, total int) {
		if t := w.now(); t.Sub(last) >= progressEvery {
			last = t
			fyne.Do(func() {
				if w.s.p == p {
					w.status.message(fmt.Sprintf("Indexing the documents for search: %s of %s…", countText(done), countText(total)))
				}
			})
		}
	})
	if ctx.Err() != nil {
		return
	}
	fyne.Do(func() {
		if w.s.p != p {
			return
		}
		w.indexing = false
		if err != nil {
			w.status.warn("The search index could not be built: " + err.Error())
			return
		}
		w.status.message("The search index is ready.")
	})
}

// checkNow runs the full check of the project shown, saying what it found
// in a dialog.
func (w *projectWork) checkNow() {
	c, ok := w.s.p.(annotate.Checker)
	if !ok {
		showInformation(w.win, "Check project", "This project cannot be checked.")
		return
	}
	p, ctx := w.s.p, w.ctx
	w.status.message("Checking the project…")
	w.run(func() {
		problems, err := c.CheckProject(ctx)
		if ctx.Err() != nil {
			return
		}
		fyne.Do(func() {
			if w.s.p != p {
				return
			}
			w.status.message("Project checked.")
			showInformation(w.win, "Check project", checkReport(p.Path(), problems, err))
		})
	})
}

// checkReport says what a check of the project at path found.
func checkReport(path string, problems []string, err error) string {
	switch {
	case err != nil:
		return fmt.Sprintf("The check of %s could not run: %v", path, err)
	case len(problems) == 0:
		return fmt.Sprintf("%s: no problem found.", path)
	}
	shown := problems
	if len(shown) > 20 {
		shown = shown[:20]
	}
	more := ""
	if len(problems) > len(shown) {
		more = fmt.Sprintf("\n… and %d more (gloss-cli check lists them all)", len(problems)-len(shown))
	}
	return fmt.Sprintf("%s: %s found.\n\n%s%s", path, plural(len(problems), "problem"), strings.Join(shown, "\n"), more)
}

// warn shows a warning in place of the saved note.
func (s *statusBar) warn(text string) {
	s.icon.SetResource(theme.WarningIcon())
	s.setState(text)
}
