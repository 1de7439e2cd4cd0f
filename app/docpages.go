package app

import (
	"fyne.io/fyne/v2"

	"gloss/annotate"
)

// pageRows is how many documents one page of the paged list holds.
const pageRows = 500

// keptPages bounds the pages kept in memory (the rest are read again).
const keptPages = 40

// docPages is the documents list of a large project as the store lists
// it, a page at a time (annotate.Pager): its length comes from Count, and
// a row is read with its page when the list first draws it. Pages follow
// each other by keyset cursor, so the page after a known one is one query
// away; a row far past the pages read so far (the scroll bar dragged
// down) shows as a placeholder while the pages before it are walked in
// the background. Every method runs on the UI goroutine.
type docPages struct {
	pager  annotate.Pager
	filter annotate.DocFilter
	sort   annotate.DocSort
	total  int

	cursors []annotate.Cursor // cursors[k] starts page k; cursors[0] is the zero Cursor
	pages   map[int][]annotate.DocumentInfo
	order   []int // pages in memory, least recently read first
	walking bool  // a background walk is reading towards a far page
	gen     int   // bumps on reset: an older walk's cursors are dropped

	fetched  int          // rows read from the store (tests count them)
	spawn    func(func()) // runs a walk off the UI goroutine; tests run it inline
	onLoaded func()       // a walk brought a far page: redraw the list
	onError  func(error)
}

func newDocPages(p annotate.Pager) *docPages {
	return &docPages{pager: p, spawn: spawner()}
}

// reset starts over with another filter and sort (or after the documents
// changed), reading the count and forgetting every page.
func (d *docPages) reset(f annotate.DocFilter, s annotate.DocSort) error {
	d.filter, d.sort = f, s
	d.gen++
	d.cursors = []annotate.Cursor{{}}
	d.pages = map[int][]annotate.DocumentInfo{}
	d.order = nil
	d.walking = false
	n, err := d.pager.Count(f)
	d.total = n
	return err
}

// at returns row i, and false while its page is not read yet.
func (d *docPages) at(i int) (annotate.DocumentInfo, bool) {
	if i < 0 || i >= d.total {
		return annotate.DocumentInfo{}, false
	}
	k := i / pageRows
	rows, ok := d.page(k)
	if !ok || i%pageRows >= len(rows) {
		return annotate.DocumentInfo{}, false
	}
	return rows[i%pageRows], true
}

// page returns page k: from memory, by one query when the cursor before
// it is known, else false after starting a walk towards it.
func (d *docPages) page(k int) ([]annotate.DocumentInfo, bool) {
	if rows, ok := d.pages[k]; ok {
		d.touch(k)
		return rows, true
	}
	if k >= len(d.cursors) {
		d.walkTo(k)
		return nil, false
	}
	rows, next, err := d.pager.DocumentsPage(d.cursors[k], pageRows, d.filter, d.sort)
	if err != nil {
		if d.onError != nil {
			d.onError(err)
		}
		return nil, false
	}
	d.fetched += len(rows)
	if k+1 == len(d.cursors) && !next.Done {
		d.cursors = append(d.cursors, next)
	}
	d.keep(k, rows)
	return rows, true
}

// keep remembers page k, dropping the least recently read beyond keptPages.
func (d *docPages) keep(k int, rows []annotate.DocumentInfo) {
	d.pages[k] = rows
	d.order = append(d.order, k)
	if len(d.order) > keptPages {
		delete(d.pages, d.order[0])
		d.order = d.order[1:]
	}
}

func (d *docPages) touch(k int) {
	for i, p := range d.order {
		if p == k {
			d.order = append(append(d.order[:i:i], d.order[i+1:]...), k)
			return
		}
	}
}

// walkTo reads the pages between the last known cursor and page k in the
// background, keeping their cursors and page k itself, then redraws.
func (d *docPages) walkTo(k int) {
	if d.walking {
		return
	}
	d.walking = true
	gen, from, cur := d.gen, len(d.cursors)-1, d.cursors[len(d.cursors)-1]
	p, f, s := d.pager, d.filter, d.sort
	d.spawn(func() {
		var found []annotate.Cursor
		var rows []annotate.DocumentInfo
		var err error
		n, last := 0, -1
		for j := from; j <= k && !cur.Done; j++ {
			rows, cur, err = p.DocumentsPage(cur, pageRows, f, s)
			if err != nil {
				break
			}
			last = j
			n += len(rows)
			if !cur.Done {
				found = append(found, cur)
			}
		}
		fyne.Do(func() {
			if gen != d.gen {
				return
			}
			d.walking = false
			d.fetched += n
			if err != nil {
				if d.onError != nil {
					d.onError(err)
				}
				return
			}
			if len(d.cursors)-1 == from {
				d.cursors = append(d.cursors, found...)
			}
			if last == k {
				d.keep(k, rows)
			}
			if d.onLoaded != nil {
				d.onLoaded()
			}
		})
	})
}

// indexOf returns the row of the document with this ID among the pages in
// memory, or -1.
func (d *docPages) indexOf(id string) int {
	for k, rows := range d.pages {
		for i, r := range rows {
			if r.ID == id {
				return k*pageRows + i
			}
		}
	}
	return -1
}

// update changes a document's row in memory (status, span count) after an
// edit, without reading anything.
func (d *docPages) update(id string, fn func(*annotate.DocumentInfo)) {
	for _, rows := range d.pages {
		for i := range rows {
			if rows[i].ID == id {
				fn(&rows[i])
			}
		}
	}
}
