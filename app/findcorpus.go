package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// corpusRow is one row of the corpus results: a document heading (hit < 0)
// or one hit of that document.
type corpusRow struct {
	doc int // index into corpusFind.docs
	hit int // index into the document's hits, -1 for its heading
}

// corpusFind is find in every document (Ctrl+Shift+F): the hits with their
// context in a virtualised list grouped by document. Enter, a double click
// or the Open button opens the document at the hit with the hit selected.
type corpusFind struct {
	s   *session
	win fyne.Window

	query  *keyEntry
	caseSw *widget.Check
	wordSw *widget.Check
	count  *widget.Label
	list   *widget.List
	dlg    dialog.Dialog
	bg     *background // the search runs here, a pause after the last key

	docs     []docHits
	rows     []corpusRow
	selected int // row selected, -1 for none

	onOpen func(docID string, start, end int)
}

func newCorpusFind(s *session, win fyne.Window) *corpusFind {
	c := &corpusFind{s: s, win: win, selected: -1, bg: newBackground()}
	c.query = newKeyEntry()
	c.query.SetPlaceHolder("Find in all documents")
	c.query.OnChanged = func(string) { c.bg.schedule(c.searchJob()) }
	c.query.onEnter = func(bool) { c.openSelected() }
	c.caseSw = widget.NewCheck("Match case", func(bool) { c.search() })
	c.wordSw = widget.NewCheck("Whole word", func(bool) { c.search() })
	c.count = widget.NewLabel("")
	c.list = widget.NewList(func() int { return len(c.rows) }, c.newRow, c.updateRow)
	c.list.OnSelected = func(id widget.ListItemID) { c.selected = id }
	return c
}

func (c *corpusFind) newRow() fyne.CanvasObject {
	head := widget.NewLabel("")
	head.TextStyle.Bold = true
	head.Truncation = fyne.TextTruncateEllipsis
	k := newKWICRow(0.45)
	k.onTap = func(id int) { c.list.Select(id) }
	k.onOpen = func(id int) { c.list.Select(id); c.openSelected() }
	return container.NewStack(head, k)
}

func (c *corpusFind) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(c.rows) {
		return
	}
	st := o.(*fyne.Container)
	head, k := st.Objects[0].(*widget.Label), st.Objects[1].(*kwicRow)
	r := c.rows[id]
	d := c.docs[r.doc]
	if r.hit < 0 {
		k.Hide()
		head.Show()
		head.SetText(fmt.Sprintf("%s — %s", d.info.Title, plural(len(d.hits), "hit")))
		return
	}
	head.Hide()
	k.Show()
	x := d.ctx[r.hit]
	k.set(id, x.Left, x.Hit, x.Right)
}

// show opens the results dialog with query (kept from last time when empty).
func (c *corpusFind) show(query string) {
	if query != "" {
		c.query.SetText(query)
	}
	if c.dlg == nil {
		top := container.NewBorder(nil, nil, nil, container.NewHBox(c.caseSw, c.wordSw, c.count), c.query)
		open := widget.NewButton("Open", c.openSelected)
		body := container.NewBorder(top, nil, nil, nil, c.list)
		c.dlg = dialog.NewCustomWithoutButtons("Find in all documents", body, c.win)
		c.dlg.(*dialog.CustomDialog).SetButtons([]fyne.CanvasObject{widget.NewButton("Close", func() { c.dlg.Hide() }), open})
	}
	c.search()
	c.dlg.Resize(dialogSize(c.win))
	c.dlg.Show()
	c.win.Canvas().Focus(c.query)
}

// search finds the query in every document of the project, in the
// background and at once (a switch was flipped, the dialog opened).
func (c *corpusFind) search() { c.bg.now(c.searchJob()) }

// searchJob is the search for what the dialog shows now: the scan runs in
// the background on what it captured here; its results replace the list.
func (c *corpusFind) searchJob() func(ctx context.Context) func() {
	q, p, docs := c.query.Text, c.s.p, c.s.docs
	caseSensitive, wholeWord := c.caseSw.Checked, c.wordSw.Checked
	if ts := c.indexedFind(); ts != nil {
		return c.indexedJob(ts, q, caseSensitive, wholeWord)
	}
	return func(ctx context.Context) func() {
		if q == "" || p == nil {
			return func() { c.showHits("", nil, nil) }
		}
		m, err := newFinder(q, caseSensitive, wholeWord)
		var found []docHits
		if err == nil {
			found, err = scanDocs(ctx, p, docs, m)
		}
		return func() { c.showHits(q, found, err) }
	}
}

// showHits lists the hits of a search for q.
func (c *corpusFind) showHits(q string, found []docHits, err error) {
	c.docs, c.rows, c.selected = found, nil, -1
	c.list.UnselectAll()
	n := 0
	for i, d := range c.docs {
		c.rows = append(c.rows, corpusRow{doc: i, hit: -1})
		for h := range d.hits {
			c.rows = append(c.rows, corpusRow{doc: i, hit: h})
		}
		n += len(d.hits)
	}
	switch {
	case err != nil:
		c.count.SetText(err.Error())
	case q == "":
		c.count.SetText("")
	default:
		c.count.SetText(fmt.Sprintf("%s in %s", plural(n, "hit"), plural(len(c.docs), "document")))
	}
	c.list.Refresh()
	c.list.ScrollToTop()
}

// openSelected opens the document of the selected row at its hit (the
// first hit when nothing or a heading is selected).
func (c *corpusFind) openSelected() {
	i := c.selected
	if i < 0 && len(c.rows) > 1 {
		i = 1
	}
	if i < 0 || i >= len(c.rows) {
		return
	}
	r := c.rows[i]
	if r.hit < 0 {
		r.hit = 0
	}
	d := c.docs[r.doc]
	h := d.hits[r.hit]
	if c.dlg != nil {
		c.dlg.Hide()
	}
	if c.onOpen != nil {
		c.onOpen(d.info.ID, h.Start, h.End)
	}
}
