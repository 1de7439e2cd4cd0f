package app

import (
	"fyne.io/fyne/v2"
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
