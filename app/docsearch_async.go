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

// queryRunner runs one query at a time off the UI goroutine. A query
// asked for while one runs waits in place of any query asked for before
// it, so that a burst of keystrokes runs the first and the last query, not
// one per key; the result of a query that is no longer the newest is
// dropped, never shown. Its methods run on the UI goroutine. The
// documents panel's search (searchRunner) and the quick-open palette use it.
type queryRunner[R any] struct {
	spawn   func(func())
	gen     int // bumps with every query asked for and every cancel
	running bool
	next    func() R // the newest query, waiting while one runs
	nextGen int
	apply   func(R) // shows the result of the newest query
	idle    func()  // runs once, when nothing runs or waits
}

// searchRunner runs a paged list's searches.
type searchRunner = queryRunner[[]docRow]

func newSearchRunner(apply func([]docRow)) *searchRunner { return newQueryRunner(apply) }

func newQueryRunner[R any](apply func(R)) *queryRunner[R] {
	return &queryRunner[R]{spawn: spawner(), apply: apply}
}

// run asks for the result search gives, in place of any query waiting.
func (r *queryRunner[R]) run(search func() R) {
	r.gen++
	if r.running {
		r.next, r.nextGen = search, r.gen
		return
	}
	r.start(search, r.gen)
}

func (r *queryRunner[R]) start(search func() R, gen int) {
	r.running = true
	r.spawn(func() {
		rows := search()
		fyne.Do(func() { r.done(gen, rows) })
	})
}

// done takes the result of the query asked for as gen: shown when it is
// still the newest, then the query waiting, if any, starts.
func (r *queryRunner[R]) done(gen int, rows R) {
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

// cancel forgets the query waiting and drops the result of the one
// running (the search box was emptied, the list read again, the palette
// closed), and what was to run when idle.
func (r *queryRunner[R]) cancel() {
	r.gen++
	r.next, r.idle = nil, nil
}

// whenIdle runs fn now when no query runs or waits, else after the
// result of the newest one is shown (Enter in the search box opens the
// first row of the query typed, not of an older one).
func (r *queryRunner[R]) whenIdle(fn func()) {
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
