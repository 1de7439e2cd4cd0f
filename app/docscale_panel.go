package app

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"gloss/annotate"
)

// titleCandidates is how many documents a title search asks the title
// index for; fuzzy ranks them and drops those that do not match.
const titleCandidates = 300

// textSearchDocs bounds the documents a "/" search of the documents
// panel lists when the full-text index serves it (corpus find lists all).
const textSearchDocs = 300

// The order and scope choices of the documents panel.
var (
	sortChoices = []struct {
		name string
		sort annotate.DocSort
	}{
		{"Import order", annotate.DocSort{}},
		{"Title A–Z", annotate.DocSort{By: annotate.SortTitle}},
		{"Title Z–A", annotate.DocSort{By: annotate.SortTitle, Desc: true}},
		{"Newest change first", annotate.DocSort{By: annotate.SortDate, Desc: true}},
		{"Oldest change first", annotate.DocSort{By: annotate.SortDate}},
		{"By status", annotate.DocSort{By: annotate.SortStatus}},
		{"Most spans first", annotate.DocSort{By: annotate.SortSpanCount, Desc: true}},
		{"Fewest spans first", annotate.DocSort{By: annotate.SortSpanCount}},
	}
	scopeAll, scopeSample, scopeMine = "All documents", "Sample only", "My assignment"
)

// docScale is the documents panel's order and scope choices, shown for a
// project that lists its documents page by page (annotate.Pager).
type docScale struct {
	order   *widget.Select
	scope   *widget.Select
	content *fyne.Container

	onChange func() // the order or the scope changed
}

func newDocScale() *docScale {
	c := &docScale{}
	var names []string
	for _, s := range sortChoices {
		names = append(names, s.name)
	}
	changed := func(string) {
		if c.onChange != nil {
			c.onChange()
		}
	}
	c.order = widget.NewSelect(names, changed)
	c.order.Selected = names[0]
	c.scope = widget.NewSelect([]string{scopeAll, scopeSample, scopeMine}, changed)
	c.scope.Selected = scopeAll
	c.content = container.NewGridWithColumns(2, c.order, c.scope)
	c.content.Hide()
	return c
}

// sort is the order chosen.
func (c *docScale) sort() annotate.DocSort {
	for _, s := range sortChoices {
		if s.name == c.order.Selected {
			return s.sort
		}
	}
	return annotate.DocSort{}
}

// chosen reports whether an order or scope other than the default is chosen
// (which only a paged list serves).
func (c *docScale) chosen() bool {
	return c.order.Selected != sortChoices[0].name || c.scope.Selected != scopeAll
}

// docFilter is the status filter and the scope as the store's filter.
func (d *docsPanel) docFilter(annotator string) annotate.DocFilter {
	var f annotate.DocFilter
	for _, st := range annotate.Statuses {
		if statusChoice(st) == d.prog.filter.Selected {
			f.Status = st
		}
	}
	switch d.scale.scope.Selected {
	case scopeSample:
		f.Sample = true
	case scopeMine:
		f.AssignedTo = annotator
	}
	return f
}

// query is the search box's text without the text search prefix.
func (d *docsPanel) query() string {
	q := strings.TrimSpace(d.search.Text)
	if isTextSearch(q) {
		q = strings.TrimSpace(strings.TrimPrefix(q, textSearchPrefix))
	}
	return q
}

// pagedList reports whether the list shows the store's pages (no search
// shown: rows of a search still running are not).
func (d *docsPanel) pagedList() bool { return d.pages != nil && d.listed == "" }

// rowCount is the number of rows of the list shown.
func (d *docsPanel) rowCount() int {
	if d.pagedList() {
		return d.pages.total
	}
	return len(d.rows)
}

// rowAt returns row i of the list shown, and false while it is not read yet.
func (d *docsPanel) rowAt(i int) (docRow, bool) {
	if d.pagedList() {
		info, ok := d.pages.at(i)
		return docRow{info: info, hit: -1}, ok
	}
	if i < 0 || i >= len(d.rows) {
		return docRow{}, false
	}
	return d.rows[i], true
}

// rowOf returns the row of the document with this ID, or -1 (a paged list
// looks only at the pages in memory).
func (d *docsPanel) rowOf(id string) int {
	if d.pagedList() {
		return d.pages.indexOf(id)
	}
	for i, r := range d.rows {
		if r.info.ID == id {
			return i
		}
	}
	return -1
}

// placeholderRow draws a row whose page is still being read.
func placeholderRow(row *fyne.Container) {
	var title *tipRichText
	switch c := row.Objects[0].(type) {
	case *tipRichText:
		title = c
	case *fyne.Container:
		title = c.Objects[0].(*tipRichText)
	}
	title.tip = ""
	title.setText(highlightSegments("…", nil))
	row.Objects[2].(*widget.Label).SetText("")
}

// searchJob is the search of a paged list for the query in the search
// box, as a function to run off the UI goroutine: titles through the title
// index, ranked by the fuzzy matcher; "/" text through the full-text index
// (case-insensitive, accents kept), the first textSearchDocs documents.
// Its rows are not filtered by status yet (filterRows, on the UI
// goroutine). It is nil for an empty query (the paged list itself) or
// when the project has no index for it.
func (d *docsPanel) searchJob() func() []docRow {
	q := d.query()
	if q == "" {
		return nil
	}
	if isTextSearch(d.search.Text) {
		if ts := d.textIdx; ts != nil {
			return func() []docRow { return searchTextIndex(ts, q) }
		}
		return nil
	}
	if ts := d.titleIdx; ts != nil {
		return func() []docRow { return searchTitleIndex(ts, q) }
	}
	return nil
}

// searchTitleIndex asks the title index for candidates for q and ranks
// them by the fuzzy match of their title.
func searchTitleIndex(ts annotate.TitleSearcher, q string) []docRow {
	cands, err := ts.TitleCandidates(q, titleCandidates)
	if err != nil {
		fyne.LogError("search titles", err)
		return nil
	}
	return rankTitles(q, cands)
}

// searchTextIndex lists the first textSearchDocs documents whose text
// holds q, each with its first hit and the text around it.
func searchTextIndex(ts annotate.TextSearcher, q string) []docRow {
	var rows []docRow
	err := ts.SearchTexts(context.Background(), annotate.TextQuery{Text: q}, 0, func(doc *annotate.Document, hits []annotate.TextHit) bool {
		info := annotate.DocumentInfo{ID: doc.ID, Title: doc.Title, Status: doc.Status, Source: doc.Source}
		row := docRow{info: info, hit: hits[0].Start, hitLen: hits[0].End - hits[0].Start, hits: len(hits)}
		b := runeToByte(doc.Text, row.hit)
		row.snippet, row.snipHit = snippetAround(doc.Text, b, runeToByte(doc.Text[b:], row.hitLen))
		rows = append(rows, row)
		return len(rows) < textSearchDocs
	})
	if err != nil {
		fyne.LogError("search the documents' text", err)
	}
	return rows
}

// rankTitles ranks documents by the fuzzy match of their title with q,
// dropping those that do not match, with the matched runes highlighted.
func rankTitles(q string, docs []annotate.DocumentInfo) []docRow {
	titles := make([]string, len(docs))
	for i, doc := range docs {
		titles[i] = doc.Title
	}
	ms := fuzzyFilter(q, titles)
	rows := make([]docRow, len(ms))
	for i, m := range ms {
		rows[i] = docRow{info: docs[m.index], title: m.runes, hit: -1}
	}
	return rows
}

// filterChanged applies a new status filter: to the rows in memory, or
// for a paged list by reading the pages again.
func (d *docsPanel) filterChanged() {
	if d.pages != nil && d.onPaging != nil {
		d.onPaging()
		return
	}
	d.refilter()
}
