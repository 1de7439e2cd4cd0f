package app

import (
	"fyne.io/fyne/v2"

	"gloss/annotate"
)

// spanView is what the spans area asks of the text view: to mark the
// selected span, select and show text. The view reports back through
// selectionChanged; nothing here waits for or suppresses that report.
type spanView interface {
	Selection() (start, end int)
	SetSelection(start, end int)
	SetSelectedSpan(id string)
	SetSpans(spans []*annotate.Span)
	ScrollToOffset(cp int)
	Flash(spanID string)
}

// spansArea is the shown document's spans: the Spans list, the Selected
// span editor, which span is selected, and the span edits with their undo
// and redo through the project's edit log.
type spansArea struct {
	s      *session
	win    fyne.Window
	view   spanView
	panel  *spansPanel
	editor *spanEditor
	status *statusBar
	hist   *projectHistory

	selected string // ID of the selected span, "" for none
	// sel is the text selection as the view last reported it, and spanSel
	// whether it is the selected span as selectSpan set it: only a change
	// from there that keeps one end resizes the span.
	sel     [2]int
	spanSel bool

	showDoc     func(id string) // show another document (after undo in it)
	onReloaded  func()          // the shown document's spans were reread
	onFirstSpan func()          // a document got its first span
	onEdited    func()          // an edit, undo or redo went through
	onLabels    func()          // an undo or redo changed the labels
	focusText   func()
}

func newSpansArea(s *session, win fyne.Window, view spanView, status *statusBar) *spansArea {
	a := &spansArea{s: s, win: win, view: view, status: status, panel: newSpansPanel(), editor: newSpanEditor()}
	a.panel.onJump = a.jumpTo
	a.editor.onUpdate = a.updateSpan
	a.editor.onDelete = a.deleteSpan
	return a
}

// setProject starts on a new project: nothing selected, its edit log for undo.
func (a *spansArea) setProject(p Project) {
	a.hist = &projectHistory{h: p, describe: a.describeSpan}
	a.selected = ""
	ro := p.ReadOnly()
	a.editor.setReadOnly(ro)
}

// leaveDocument saves a note still being typed and forgets the selection,
// before another document is shown.
func (a *spansArea) leaveDocument() {
	a.editor.flushNote()
	a.selected, a.spanSel, a.sel = "", false, [2]int{}
}

// showDocument lists the spans of the document now shown.
func (a *spansArea) showDocument() {
	a.panel.setSpans(a.s.spans, a.s.runes)
	a.editor.show(nil, nil)
}

// setLabels passes the labels to the list and the editor.
func (a *spansArea) setLabels(labels []*annotate.Label) {
	a.panel.setLabels(labels)
	a.editor.setLabels(labels)
}

// selectSpan makes a span the selected one ("" or an unknown ID clears it),
// selects its text and shows it in the span editor.
func (a *spansArea) selectSpan(id string) {
	sp := a.s.span(id)
	if sp == nil {
		id = ""
	}
	a.selected = id
	a.view.SetSelectedSpan(id)
	if sp != nil {
		a.view.SetSelection(sp.Start, sp.End) // the view reports it to selectionChanged
		a.spanSel = true
	}
	a.editor.show(sp, a.s.runes)
	a.panel.setSelected(id)
}

// selectionChanged follows the text selection the view reports. While it
// is exactly the selected span, a change that keeps one end and moves the
// other (shift+arrow, shift+click) resizes the span; a click or drag first
// collapses the selection, so it never resizes anything.
func (a *spansArea) selectionChanged(start, end int) {
	was, prev := a.spanSel, a.sel
	a.spanSel, a.sel = false, [2]int{start, end}
	sp := a.s.span(a.selected)
	if !was || sp == nil || prev != [2]int{sp.Start, sp.End} || start >= end || a.s.p.ReadOnly() {
		return
	}
	if (start == sp.Start) == (end == sp.End) {
		return // both ends kept, or both moved: not a resize
	}
	up := *sp
	up.Start, up.End = start, end
	a.updateSpan(&up)
}

// clearSelection unselects the span and collapses the text selection.
func (a *spansArea) clearSelection() {
	a.selectSpan("")
	if s, _ := a.view.Selection(); s >= 0 {
		a.view.SetSelection(s, s)
	}
}

// jumpTo scrolls to a span, selects it and flashes it.
func (a *spansArea) jumpTo(sp *annotate.Span) {
	a.view.ScrollToOffset(sp.Start)
	a.selectSpan(sp.ID)
	a.view.Flash(sp.ID)
	a.focusText()
}

// reload rereads the shown document's spans after an edit.
func (a *spansArea) reload() {
	if a.s.doc == nil {
		return
	}
	spans, err := a.s.layerSpans(a.s.doc.ID)
	if err != nil {
		showError(a.win, err)
		return
	}
	a.s.spans = spans
	a.view.SetSpans(spans)
	a.panel.setSpans(spans, a.s.runes)
	if a.onReloaded != nil {
		a.onReloaded()
	}
}

// edited shows an edit's result: the edited document's spans, with spanID
// selected when it still exists and flashed.
func (a *spansArea) edited(docID, spanID string) {
	if docID != "" && (a.s.doc == nil || a.s.doc.ID != docID) { // "": spans of several documents
		a.showDoc(docID)
	} else {
		a.reload()
	}
	a.selectSpan(spanID)
	if a.selected != "" {
		a.view.Flash(a.selected)
	}
	if a.onEdited != nil {
		a.onEdited()
	}
}
