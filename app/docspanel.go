package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gloss/annotate"
)

// docsPanel lists the project's documents with status and span count, and
// filters them with a search box: fuzzy over titles, or over the text with
// the "/" prefix.
type docsPanel struct {
	search  *widget.Entry
	list    *widget.List // titles
	hits    *widget.List // text search hits, with the text around them
	done    *widget.Button
	imp     *widget.Button
	prog    *docProgress // status filter and progress bar
	tips    *tooltips    // a cut-off title shows whole in a tooltip
	content fyne.CanvasObject

	docs     []annotate.DocumentInfo
	rows     []docRow
	current  string               // ID of the document shown
	textMode bool                 // the search is over the documents' text
	readOnly bool                 // the project cannot be changed
	texts    map[string][2]string // by ID: text as stored and folded, for "/" searches

	// A large project is listed page by page (docscale_panel.go): pages
	// is then set, docs is nil and a search goes through the indexes.
	pages    *docPages
	titleIdx annotate.TitleSearcher
	textIdx  annotate.TextSearcher
	scale    *docScale
	onPaging func()        // the status filter, order or scope changed: reread the pages
	searches *searchRunner // a paged list's searches, off the UI goroutine
	listed   string        // the query whose rows a paged list shows ("": the pages)

	loadText     func(id string) (string, error)
	onOpen       func(id string, hit, hitLen int) // hit: code point of a text match, or -1
	onImport     func()
	onToggleDone func()
}

func newDocsPanel() *docsPanel {
	d := &docsPanel{texts: map[string][2]string{}}
	d.search = widget.NewEntry()
	d.search.SetPlaceHolder("Search titles  ( / searches text)")
	d.search.OnChanged = func(string) { d.refilter() }
	d.search.OnSubmitted = func(string) {
		d.searches.whenIdle(func() {
			if d.rowCount() > 0 {
				d.open(0)
			}
		})
	}
	d.searches = newSearchRunner(nil)
	d.list = d.newList(false)
	d.hits = d.newList(true)
	d.hits.Hide()
	d.done = widget.NewButtonWithIcon("Mark done", theme.ConfirmIcon(), func() {
		if d.onToggleDone != nil {
			d.onToggleDone()
		}
	})
	d.imp = widget.NewButtonWithIcon("Import…", theme.FolderOpenIcon(), func() {
		if d.onImport != nil {
			d.onImport()
		}
	})
	heading := widget.NewLabelWithStyle("Documents", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.prog = newDocProgress()
	d.prog.onFilter = d.filterChanged
	d.scale = newDocScale()
	d.content = container.NewBorder(container.NewVBox(heading, d.search, d.prog.filter, d.scale.content),
		container.NewVBox(d.prog.bar, container.NewGridWithColumns(2, d.done, d.imp)), nil, nil,
		container.NewStack(d.list, d.hits))
	return d
}

// newList makes the list of titles or, with text set, the list of text
// search hits, whose rows have a second line for the text around the hit.
func (d *docsPanel) newList(text bool) *widget.List {
	l := widget.NewList(
		d.rowCount,
		func() fyne.CanvasObject {
			title := newTipRichText(d.tips)
			count := widget.NewLabel("0")
			count.Importance = widget.LowImportance
			var center fyne.CanvasObject = title
			if text {
				snippet := widget.NewRichText()
				snippet.Truncation = fyne.TextTruncateEllipsis
				center = container.NewVBox(title, snippet)
			}
			return container.NewBorder(nil, nil, widget.NewIcon(theme.RadioButtonIcon()), count, center)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if r, ok := d.rowAt(id); ok {
				d.updateRow(r, o.(*fyne.Container))
			} else {
				placeholderRow(o.(*fyne.Container))
			}
		})
	l.OnSelected = func(id widget.ListItemID) {
		if r, ok := d.rowAt(id); ok && (text || r.info.ID != d.current) {
			d.open(id)
		}
		l.UnselectAll()
	}
	return l
}

// shown is the list in use: titles, or text search hits.
func (d *docsPanel) shown() *widget.List {
	if d.textMode {
		return d.hits
	}
	return d.list
}

func (d *docsPanel) updateRow(r docRow, row *fyne.Container) {
	var title *tipRichText
	var snippet *widget.RichText
	switch c := row.Objects[0].(type) {
	case *tipRichText:
		title = c
	case *fyne.Container:
		title, snippet = c.Objects[0].(*tipRichText), c.Objects[1].(*widget.RichText)
	}
	icon := row.Objects[1].(*widget.Icon)
	count := row.Objects[2].(*widget.Label)
	segs := highlightSegments(r.info.Title, r.title)
	if r.info.ID == d.current {
		for _, s := range segs {
			s.(*widget.TextSegment).Style.TextStyle.Bold = true
		}
	}
	title.tip = r.info.Title
	title.setText(segs)
	if snippet != nil {
		segs := highlightRangeSegments(r.snippet, r.snipHit)
		for _, s := range segs {
			ts := s.(*widget.TextSegment)
			ts.Style.SizeName = theme.SizeNameCaptionText
			if ts.Style.ColorName == "" {
				ts.Style.ColorName = theme.ColorNamePlaceHolder
			}
		}
		setSegments(snippet, segs)
	}
	if res := statusIcon(r.info.Status); icon.Resource != res {
		icon.SetResource(res)
	}
	n := fmt.Sprint(r.info.SpanCount)
	if r.snippet != "" {
		n = plural(r.hits, "hit")
	}
	if count.Text != n {
		count.SetText(n)
	}
}

// highlightRangeSegments highlights one rune range of s.
func highlightRangeSegments(s string, r [2]int) []widget.RichTextSegment {
	runes := make([]int, 0, r[1]-r[0])
	for i := r[0]; i < r[1]; i++ {
		runes = append(runes, i)
	}
	return highlightSegments(s, runes)
}

// statusIcon shows a document's status: an empty circle for todo, a pencil
// for in progress, a tick for done.
func statusIcon(s annotate.Status) fyne.Resource {
	switch s {
	case annotate.StatusDone:
		return theme.ConfirmIcon()
	case annotate.StatusInProgress:
		return theme.DocumentCreateIcon()
	}
	return theme.RadioButtonIcon()
}

// setDocs replaces the documents and re-applies the search.
func (d *docsPanel) setDocs(docs []annotate.DocumentInfo) {
	d.docs = docs
	d.prog.count(docs)
	d.refilter()
}

// forgetTexts drops cached texts, e.g. after an import or a project switch.
func (d *docsPanel) forgetTexts() { d.texts = map[string][2]string{} }

// setCurrent marks the document shown and the label of the done button.
func (d *docsPanel) setCurrent(id string, status annotate.Status) {
	d.current = id
	if status == annotate.StatusDone {
		d.done.SetText("Reopen")
		d.done.SetIcon(theme.ContentUndoIcon())
	} else {
		d.done.SetText("Mark done")
		d.done.SetIcon(theme.ConfirmIcon())
	}
	if id == "" || d.readOnly {
		d.done.Disable()
	} else {
		d.done.Enable()
	}
	if d.readOnly {
		d.imp.Disable()
	} else {
		d.imp.Enable()
	}
	l := d.shown()
	l.UnselectAll()
	if i := d.rowOf(id); i >= 0 {
		l.ScrollTo(i)
	}
	l.Refresh()
}

// refilter applies the search box: at once over the documents in memory,
// or for a paged list through the indexes, off the UI goroutine.
func (d *docsPanel) refilter() {
	if d.pages != nil {
		d.refilterPaged()
		return
	}
	d.showRows(d.prog.filterRows(filterDocs(d.search.Text, d.docs, d.text)), d.query(), isTextSearch(d.search.Text))
}

// text returns a document's text as stored and folded, loading it once.
func (d *docsPanel) text(id string) (string, string) {
	if t, ok := d.texts[id]; ok {
		return t[0], t[1]
	}
	if d.loadText == nil {
		return "", ""
	}
	s, err := d.loadText(id)
	if err != nil {
		fyne.LogError("search document text", err)
		return "", ""
	}
	d.texts[id] = [2]string{s, foldText(s)}
	return s, d.texts[id][1]
}

func (d *docsPanel) open(row int) {
	r, ok := d.rowAt(row)
	if ok && d.onOpen != nil {
		d.onOpen(r.info.ID, r.hit, r.hitLen)
	}
}

// step opens the next (delta 1) or previous (-1) document in the list as
// filtered; it reports false at either end.
func (d *docsPanel) step(delta int) bool {
	at := d.rowOf(d.current)
	next := at + delta
	if at < 0 {
		next = 0
	}
	if next < 0 || next >= d.rowCount() {
		return false
	}
	d.open(next)
	return true
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%s %ss", countText(n), word)
}
