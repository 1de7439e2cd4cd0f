package app

import (
	"fmt"

	"fyne.io/fyne/v2"

	"gloss/annotate"
)

// The documents of a large project, listed page by page from the store
// (annotate.Pager) instead of read whole: opening such a project reads a
// count and the first page, whatever the corpus size.

// leavePaged forgets the paged list of the project shown before, and
// offers the order and scope choices when p can list pages.
func (d *documents) leavePaged(p Project) {
	d.s.pager, d.panel.pages = nil, nil
	d.panel.searches.cancel()
	d.panel.titleIdx, d.panel.textIdx = nil, nil
	sc := d.panel.scale
	sc.order.Selected, sc.scope.Selected = sortChoices[0].name, scopeAll
	if _, ok := p.(annotate.Pager); ok {
		sc.content.Show()
	} else {
		sc.content.Hide()
	}
	sc.order.Refresh()
	sc.scope.Refresh()
}

// reloadPaged lists the documents page by page when the project can (a
// project of pagedFrom documents or more, or an order or scope chosen),
// and reports whether it did; else the caller reads them whole.
func (d *documents) reloadPaged() bool {
	pager, ok := d.s.p.(annotate.Pager)
	if !ok {
		return false
	}
	if d.s.pager == nil && !d.panel.scale.chosen() {
		n, err := pager.Count(annotate.DocFilter{})
		if err != nil || n < pagedFrom {
			return false
		}
	}
	if d.panel.pages == nil {
		pages := newDocPages(pager)
		pages.onLoaded = func() { d.panel.shown().Refresh() }
		pages.onError = func(err error) { fyne.LogError("list documents", err) }
		d.panel.pages = pages
		d.panel.titleIdx, _ = d.s.p.(annotate.TitleSearcher)
		d.panel.textIdx, _ = d.s.p.(annotate.TextSearcher)
	}
	d.s.pager, d.s.docs, d.panel.docs = pager, nil, nil
	if err := d.panel.pages.reset(d.panel.docFilter(d.s.annotator()), d.panel.scale.sort()); err != nil {
		showError(d.win, err)
	}
	d.showProgress()
	d.panel.refilter()
	d.onCounts()
	return true
}

// showProgress shows the documents done of all from the store's counts.
func (d *documents) showProgress() {
	total, done := d.s.pagedCounts()
	p := d.panel.prog
	p.done, p.total = done, total
	p.bar.Max = float64(max(1, total))
	p.bar.SetValue(float64(done))
}

// pagedRowChanged shows the shown document's new status and span count
// in its row, without reading the list again.
func (d *documents) pagedRowChanged() {
	doc, n := d.s.doc, len(d.s.spans)
	d.panel.pages.update(doc.ID, func(info *annotate.DocumentInfo) {
		info.Status, info.SpanCount = doc.Status, n
	})
	for i := range d.panel.rows {
		if d.panel.rows[i].info.ID == doc.ID {
			d.panel.rows[i].info.Status, d.panel.rows[i].info.SpanCount = doc.Status, n
		}
	}
	d.showProgress()
	d.panel.setCurrent(doc.ID, doc.Status)
	d.onCounts()
}

// firstToShow is the document to show on open: the first not done, else
// the first, else "" (a paged list looks at its first page, then asks the
// store for a document to do or in progress).
func (d *documents) firstToShow() string {
	if d.s.pager == nil {
		return firstUnfinished(d.s.docs)
	}
	page, _, err := d.s.pager.DocumentsPage(annotate.Cursor{}, pageRows, annotate.DocFilter{}, annotate.DocSort{})
	if err != nil {
		fyne.LogError("list documents", err)
		return ""
	}
	first := firstUnfinished(page)
	if first == "" || !allDone(page) {
		return first
	}
	if id := d.firstWith(annotate.StatusTodo, ""); id != "" {
		return id
	}
	if id := d.firstWith(annotate.StatusInProgress, ""); id != "" {
		return id
	}
	return first
}

// firstWith is the first document with status st other than skip, or "".
func (d *documents) firstWith(st annotate.Status, skip string) string {
	page, _, err := d.s.pager.DocumentsPage(annotate.Cursor{}, 2, annotate.DocFilter{Status: st}, annotate.DocSort{})
	if err != nil {
		fyne.LogError("list documents", err)
	}
	for _, p := range page {
		if p.ID != skip {
			return p.ID
		}
	}
	return ""
}

func allDone(docs []annotate.DocumentInfo) bool {
	for _, doc := range docs {
		if doc.Status != annotate.StatusDone {
			return false
		}
	}
	return true
}

// nextToDo is the document after the shown one that is not done, or ""
// when every other one is done. A paged list looks a page ahead in the
// list, then asks the store for one to do or in progress.
func (d *documents) nextToDo() string {
	id := d.s.doc.ID
	if d.s.pager == nil {
		return nextUnfinished(d.s.docs, id)
	}
	if at := d.panel.rowOf(id); at >= 0 {
		for i := at + 1; i < at+1+pageRows && i < d.panel.rowCount(); i++ {
			if r, ok := d.panel.rowAt(i); ok && r.info.ID != id && r.info.Status != annotate.StatusDone {
				return r.info.ID
			}
		}
	}
	if next := d.firstWith(annotate.StatusTodo, id); next != "" {
		return next
	}
	return d.firstWith(annotate.StatusInProgress, id)
}

// showPagedQuickOpen opens the quick-open palette over the title index:
// each keystroke asks it for candidates, which the fuzzy matcher ranks,
// off the UI goroutine (palette.searchOffUI).
func (d *documents) showPagedQuickOpen() {
	ts, ok := d.s.p.(annotate.TitleSearcher)
	if !ok {
		d.status.message("This project has no title index to search.")
		return
	}
	source := func(text string) []paletteItem {
		cands, err := ts.TitleCandidates(text, titleCandidates)
		if err != nil {
			fyne.LogError("search titles", err)
		}
		items := make([]paletteItem, len(cands))
		for i, doc := range cands {
			items[i] = paletteItem{title: doc.Title, key: doc.ID, detail: fmt.Sprintf("%s · %s", statusText(doc.Status), plural(doc.SpanCount, "span"))}
		}
		return items
	}
	var p *palette
	p = showPalette(d.win.Canvas(), "Open document", "Type part of a title…", nil, func(i int) {
		d.openAt(p.items[i].key, -1, 0)
	})
	p.searchOffUI(source)
}
