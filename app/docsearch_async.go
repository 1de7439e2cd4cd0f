package app

import (
	"time"

	"fyne.io/fyne/v2"
)

// onSearchShown, when set (by the e2e build), hears how long after its
// keystroke a paged list's search showed its rows.
var onSearchShown func(q string, took time.Duration)

// The search of a paged list (a large project) runs off the UI goroutine:
// each keystroke asks the store's indexes, which is the part of a
// keystroke that grows with the corpus, and the window keeps drawing the
// typed character meanwhile. Only the newest query counts (searchRunner).

// searchRunner runs one search at a time off the UI goroutine. A query
// asked for while one runs waits in place of any query asked for before
// it, so that a burst of keystrokes runs the first and the last query, not
// one per key; the rows of a query that is no longer the newest are
// dropped, never shown. Its methods run on the UI goroutine.
type searchRunner struct {
	spawn   func(func())
	gen     int // bumps with every query asked for and every cancel
	running bool
	next    func() []docRow // the newest query, waiting while one runs
	nextGen int
	apply   func([]docRow) // shows the rows of the newest query
	idle    func()         // runs once, when nothing runs or waits
}

func newSearchRunner(apply func([]docRow)) *searchRunner {
	return &searchRunner{spawn: spawner(), apply: apply}
}

// run asks for the rows search gives, in place of any query waiting.
func (r *searchRunner) run(search func() []docRow) {
	r.gen++
	if r.running {
		r.next, r.nextGen = search, r.gen
		return
	}
	r.start(search, r.gen)
}

func (r *searchRunner) start(search func() []docRow, gen int) {
	r.running = true
	r.spawn(func() {
		rows := search()
		fyne.Do(func() { r.done(gen, rows) })
	})
}

// done takes the rows of the search asked for as gen: shown when it is
// still the newest, then the query waiting, if any, starts.
func (r *searchRunner) done(gen int, rows []docRow) {
	r.running = false
	if gen == r.gen {
		r.apply(rows)
	}
	if r.next != nil {
		search, g := r.next, r.nextGen
		r.next = nil
		r.start(search, g)
		return
	}
	if idle := r.idle; idle != nil {
		r.idle = nil
		idle()
	}
}

// cancel forgets the query waiting and drops the rows of the one running
// (the search box was emptied, or the list read again).
func (r *searchRunner) cancel() {
	r.gen++
	r.next, r.idle = nil, nil
}

// whenIdle runs fn now when no search runs or waits, else after the rows
// of the newest one are shown (Enter in the search box opens the first
// row of the query typed, not of an older one).
func (r *searchRunner) whenIdle(fn func()) {
	if !r.running && r.next == nil {
		fn()
		return
	}
	r.idle = fn
}

// refilterPaged searches the paged list for the query in the search box
// off the UI goroutine, keeping the rows shown until the new ones come.
// An empty query shows the pages at once.
func (d *docsPanel) refilterPaged() {
	job := d.searchJob()
	text := isTextSearch(d.search.Text)
	if job == nil {
		d.searches.cancel()
		d.showRows(nil, d.query(), text)
		return
	}
	q, asked := d.query(), time.Now()
	d.searches.apply = func(rows []docRow) {
		d.showRows(d.prog.filterRows(rows), q, text)
		if onSearchShown != nil {
			onSearchShown(q, time.Since(asked))
		}
	}
	d.searches.run(job)
}

// showRows shows the rows found for query q (nil and "" for the paged
// list itself), in the list of text hits when text is set.
func (d *docsPanel) showRows(rows []docRow, q string, text bool) {
	d.rows, d.listed, d.textMode = rows, q, text
	if text {
		d.list.Hide()
		d.hits.Show()
	} else {
		d.hits.Hide()
		d.list.Show()
	}
	l := d.shown()
	l.UnselectAll()
	l.Refresh()
}
