package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Hooks for the layout tests in package app_test.

// EditorPanel returns the Selected-span panel and its rows top to bottom:
// label, quoted text, offsets, note, delete button.
func (g *Probe) EditorPanel() (panel fyne.CanvasObject, rows []fyne.CanvasObject) {
	e := g.spans.editor
	return e.content, e.form.Objects
}

// SpansPanel returns the Spans list panel.
func (g *Probe) SpansPanel() fyne.CanvasObject { return g.spans.panel.content }

// EditorTip returns what the quoted text's tooltip shows.
func (g *Probe) EditorTip() string { return g.spans.editor.text.tipText() }

// TextWidth returns the width of the text area.
func (g *Probe) TextWidth() float32 { return g.text.content.Size().Width }

// OffsetFields returns the Start and End fields of the Selected-span panel.
func (g *Probe) OffsetFields() (start, end *widget.Entry) {
	return g.spans.editor.start, g.spans.editor.end
}

// LabelChips returns the label bar's chips and the area they are laid out in.
func (g *Probe) LabelChips() (area fyne.CanvasObject, chips []fyne.CanvasObject) {
	return g.labels.bar.chips, g.labels.bar.chips.Objects
}

// DocsPanel returns the Documents panel.
func (g *Probe) DocsPanel() fyne.CanvasObject { return g.docs.panel.content }

// PanelsShown reports whether the Documents panel and the span panels are shown.
func (g *Probe) PanelsShown() (docs, side bool) {
	return g.layout.docs.Visible(), g.layout.side.Visible()
}

// SpanRow returns what row i of the Spans list shows and whether it has
// the note mark.
func (g *Probe) SpanRow(i int) (text string, noteMark bool) {
	p := g.spans.panel
	row := p.list.CreateItem().(*fyne.Container)
	p.updateRow(p.shown[i], row)
	return row.Objects[0].(*widget.Label).Text, row.Objects[2].Visible()
}

// StatusFilter filters the documents list by status: "All statuses",
// "To do", "In progress" or "Done".
func (g *Probe) StatusFilter(choice string) { g.docs.panel.prog.filter.SetSelected(choice) }

// Progress returns the project progress bar's value, maximum and text.
func (g *Probe) Progress() (value, max float64, text string) {
	b := g.docs.panel.prog.bar
	return b.Value, b.Max, b.TextFormatter()
}

// OnGlyphCheck sends the ID of each document whose check for characters no
// font can draw has reported.
func (g *Probe) OnGlyphCheck(ids chan<- string) { g.glyphs.afterCheck = func(id string) { ids <- id } }

// Dividers returns where the Documents panel and the span panels start (0–1).
func (g *Probe) Dividers() (docs, side float64) { return g.layout.outer.Offset, g.layout.inner.Offset }

// SetDividers drags the dividers to docs and side (0–1).
func (g *Probe) SetDividers(docs, side float64) {
	g.layout.outer.SetOffset(docs)
	g.layout.inner.SetOffset(side)
}
