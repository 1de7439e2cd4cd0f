package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"gloss/annotate"
)

// Choices of the span browser's filters that match everything.
const (
	anyAnnotator  = "All annotators"
	anySpanStatus = "Any status"
)

// spanBrowser lists every span of the project (Ctrl+Shift+B) in a
// virtualised table: label, covered text, document, annotator, note. It
// filters by label, annotator, document status and text, sorts by any
// column (tap its heading; again to reverse), jumps to a span (Enter or Go
// to span), relabels or deletes the checked spans as one undoable edit, and
// charts the shown spans per label.
type spanBrowser struct {
	s      *session
	win    fyne.Window
	status *statusBar

	rows    []browseRow
	shown   []int32 // indices into rows that pass the filter
	filter  browseFilter
	sortCol int // -1: document order
	desc    bool
	checked map[string]bool // span IDs
	current int             // index into shown of the selected row, -1 for none

	labelSel, annSel, statusSel, relabelSel *widget.Select
	text                                    *keyEntry
	table                                   *browseTable
	chart                                   *barChart
	count                                   *widget.Label
	dlg                                     dialog.Dialog

	onJump   func(sp *annotate.Span) // show the span in its document
	onEdited func()                  // spans were relabelled or deleted
}

func newSpanBrowser(s *session, win fyne.Window, status *statusBar) *spanBrowser {
	b := &spanBrowser{s: s, win: win, status: status, sortCol: -1, current: -1, checked: map[string]bool{}}
	b.labelSel = widget.NewSelect(nil, func(v string) { b.filter.label = unlessAll(v, allLabels); b.refilter() })
	b.annSel = widget.NewSelect(nil, func(v string) { b.filter.annotator = unlessAll(v, anyAnnotator); b.refilter() })
	b.statusSel = widget.NewSelect([]string{anySpanStatus, statusText(annotate.StatusTodo), statusText(annotate.StatusInProgress), statusText(annotate.StatusDone)},
		func(v string) { b.filter.status = statusOf(v); b.refilter() })
	b.text = newKeyEntry()
	b.text.SetPlaceHolder("Filter by text or note")
	b.text.OnChanged = func(v string) { b.filter.text = v; b.refilter() }
	b.text.onEnter = func(bool) { b.jump() }
	b.relabelSel = widget.NewSelect(nil, nil)
	b.relabelSel.PlaceHolder = "New label"
	b.count = widget.NewLabel("")
	b.chart = newBarChart()
	b.table = newBrowseTable(b)
	return b
}

func unlessAll(v, all string) string {
	if v == all {
		return ""
	}
	return v
}

// statusOf is the status a filter choice names, "" for any.
func statusOf(v string) annotate.Status {
	for _, st := range []annotate.Status{annotate.StatusTodo, annotate.StatusInProgress, annotate.StatusDone} {
		if statusText(st) == v {
			return st
		}
	}
	return ""
}

// show reads every span of the project and opens the browser.
func (b *spanBrowser) show() {
	if err := b.load(); err != nil {
		showError(b.win, err)
		return
	}
	if b.dlg == nil {
		b.dlg = dialog.NewCustomWithoutButtons("Spans of the project", b.build(), b.win)
	}
	b.dlg.Resize(fyne.NewSize(b.win.Canvas().Size().Width*0.94, b.win.Canvas().Size().Height*0.9))
	b.dlg.Show()
	b.win.Canvas().Focus(b.text)
}

// build lays the browser out: filters, table and chart, bulk actions.
func (b *spanBrowser) build() fyne.CanvasObject {
	filters := container.NewBorder(nil, nil, container.NewHBox(b.labelSel, b.annSel, b.statusSel), b.count, b.text)
	goTo := widget.NewButton("Go to span", b.jump)
	all := widget.NewButton("Check all shown", func() { b.checkShown(true) })
	none := widget.NewButton("Uncheck all", func() { b.checkShown(false) })
	relabel := widget.NewButton("Relabel checked", b.relabelChecked)
	del := widget.NewButton("Delete checked…", b.confirmDelete)
	del.Importance = widget.DangerImportance
	closeB := widget.NewButton("Close", func() { b.dlg.Hide() })
	actions := container.NewHBox(goTo, all, none, b.relabelSel, relabel, del)
	bottom := container.NewBorder(nil, nil, actions, closeB)
	heading := widget.NewLabelWithStyle("Spans per label", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	side := container.NewBorder(heading, nil, nil, nil, container.NewVScroll(b.chart))
	split := container.NewHSplit(b.table, side)
	split.Offset = 0.78
	return container.NewBorder(filters, bottom, nil, nil, split)
}

// load reads the spans of every document.
func (b *spanBrowser) load() error {
	status := map[string]annotate.Status{}
	for _, d := range b.s.allDocs() {
		status[d.ID] = d.Status
	}
	byID := map[string]*annotate.Label{}
	names := []string{allLabels}
	for _, l := range b.s.labels {
		byID[l.ID] = l
		names = append(names, l.Name)
	}
	who := map[string]bool{}
	anns := []string{anyAnnotator}
	b.rows = b.rows[:0]
	err := b.s.p.EachDocument(func(d *annotate.Document, spans []*annotate.Span) error {
		runes := []rune(d.Text)
		for _, sp := range spans {
			r := newBrowseRow(sp, runes, d.Title, status[d.ID], byID[sp.LabelID])
			r.order = int32(len(b.rows))
			b.rows = append(b.rows, r)
			if !who[sp.Annotator] {
				who[sp.Annotator] = true
				anns = append(anns, sp.Annotator)
			}
		}
		return nil
	})
	if b.sortCol >= 0 {
		sortBrowse(b.rows, b.sortCol, b.desc)
	}
	b.labelSel.SetOptions(names)
	b.relabelSel.SetOptions(names[1:])
	b.annSel.SetOptions(anns)
	for _, sel := range []*widget.Select{b.labelSel, b.annSel, b.statusSel} {
		if sel.Selected == "" {
			sel.SetSelectedIndex(0)
		}
	}
	for id := range b.checked {
		if !b.hasSpan(id) {
			delete(b.checked, id)
		}
	}
	b.refilter()
	return err
}

func (b *spanBrowser) hasSpan(id string) bool {
	for i := range b.rows {
		if b.rows[i].span.ID == id {
			return true
		}
	}
	return false
}

// refilter applies the filter and shows the result and its counts.
func (b *spanBrowser) refilter() {
	b.shown = filterBrowse(b.rows, b.filter, b.shown)
	b.current = -1
	b.table.UnselectAll()
	b.table.Refresh()
	b.chart.set(countLabels(b.rows, b.shown, b.s.labels))
	b.showCount()
}

func (b *spanBrowser) showCount() {
	b.count.SetText(fmt.Sprintf("%d of %d spans, %d checked", len(b.shown), len(b.rows), len(b.checked)))
}

// sortBy sorts by column col, reversing the order when it is already so.
func (b *spanBrowser) sortBy(col int) {
	b.desc = b.sortCol == col && !b.desc
	b.sortCol = col
	sortBrowse(b.rows, col, b.desc)
	b.refilter()
}

// checkShown checks or unchecks every shown span.
func (b *spanBrowser) checkShown(on bool) {
	if !on {
		clear(b.checked)
	}
	for _, i := range b.shown {
		if on {
			b.checked[b.rows[i].span.ID] = true
		}
	}
	b.table.Refresh()
	b.showCount()
}

// jump shows the selected span (the first shown when none is) in its document.
func (b *spanBrowser) jump() {
	i := b.current
	if i < 0 && len(b.shown) > 0 {
		i = 0
	}
	if i < 0 || i >= len(b.shown) {
		return
	}
	sp := b.rows[b.shown[i]].span
	b.dlg.Hide()
	if b.onJump != nil {
		b.onJump(sp)
	}
}
