package app

import (
	"fmt"

	"fyne.io/fyne/v2/widget"
)

// The tests run the background work (the project check, the index build,
// a paged list's far pages) inline.
func init() { testSpawn = inline }

func inline(f func()) { f() }

// SetPagedFrom lists projects of n documents or more page by page in the
// windows made next; the returned func restores the threshold.
func SetPagedFrom(n int) (restore func()) {
	old := pagedFrom
	pagedFrom = n
	return func() { pagedFrom = old }
}

// DocsPaged reports whether the documents list is read page by page.
func (g *Probe) DocsPaged() bool { return g.docs.panel.pages != nil }

// DocsRowCount is the number of rows of the documents list.
func (g *Probe) DocsRowCount() int { return g.docs.panel.rowCount() }

// DocsRowTitle returns the title of row i as the list draws it: the
// row's title, or "…" while its page is being read.
func (g *Probe) DocsRowTitle(i int) string {
	r, ok := g.docs.panel.rowAt(i)
	if !ok {
		return "…"
	}
	return r.info.Title
}

// DocsRowsFetched is how many rows the paged list read from the store.
func (g *Probe) DocsRowsFetched() int { return g.docs.panel.pages.fetched }

// DocsChoices returns the documents panel's status filter, order and scope.
func (g *Probe) DocsChoices() (status, order, scope *widget.Select) {
	p := g.docs.panel
	return p.prog.filter, p.scale.order, p.scale.scope
}

// DocsList returns the list of titles.
func (g *Probe) DocsList() *widget.List { return g.docs.panel.list }

// HitOffsets returns the results as "# title" for a document heading and
// "start:end" (code points) for a hit.
func (c *CorpusFind) HitOffsets() []string {
	var out []string
	for _, r := range c.c.rows {
		d := c.c.docs[r.doc]
		if r.hit < 0 {
			out = append(out, "# "+d.info.Title)
			continue
		}
		h := d.hits[r.hit]
		out = append(out, fmt.Sprint(h.Start, ":", h.End))
	}
	return out
}

// SkipBackground leaves out the check and index build of windows made next (the
// benchmarks measure the open without it); the returned func restores it.
func SkipBackground() (restore func()) {
	old := skipWork
	skipWork = true
	return func() { skipWork = old }
}
