package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"gloss/annotate"
)

// This file holds the text selection, the selected span and the hover legend.

// hovered names the labels under the mouse in the status bar and, after a
// pause, in a tooltip below the line.
func (g *Gloss) hovered(cp int, labels []annotate.Label) {
	g.status.setHover(labels)
	if cp < 0 || len(labels) == 0 {
		g.tips.hide()
		return
	}
	var b strings.Builder
	for i, l := range labels {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(l.Name)
		if l.Description != "" {
			b.WriteString(": " + l.Description)
		}
	}
	pos := g.view.PositionOf(cp).AddXY(0, g.lineHeight()*1.2)
	g.tips.showAt(g.view, pos, b.String())
}

// selectSpan makes a span the selected one ("" or an unknown ID clears it)
// and shows it in the span editor.
func (g *Gloss) selectSpan(id string) {
	sp := g.span(id)
	if sp == nil {
		id = ""
	}
	g.selected = id
	g.view.SetSelectedSpan(id)
	if sp != nil {
		g.setSelection(sp.Start, sp.End)
		g.spanSel = true
	}
	g.editor.show(sp, g.runes)
	g.spansP.setSelected(id)
}

// setSelection selects text without treating it as the user's resize.
func (g *Gloss) setSelection(start, end int) {
	g.setting = true
	defer func() { g.setting = false }()
	g.view.SetSelection(start, end)
}

// selectionChanged follows the text selection. While it is exactly the
// selected span, a change that keeps one end and moves the other (shift+arrow,
// shift+click) resizes the span; a click or drag first collapses the
// selection, so it never resizes anything.
func (g *Gloss) selectionChanged(start, end int) {
	g.status.setSelection(start, end)
	if g.setting {
		return
	}
	was := g.spanSel
	g.spanSel = false
	sp := g.span(g.selected)
	if !was || sp == nil || start >= end || g.p.ReadOnly() {
		return
	}
	if (start == sp.Start) == (end == sp.End) {
		return // both ends kept, or both moved: not a resize
	}
	up := *sp
	up.Start, up.End = start, end
	g.updateSpan(&up)
}

// jumpToSpan scrolls to a span, selects it and flashes it.
func (g *Gloss) jumpToSpan(sp *annotate.Span) {
	g.view.ScrollToOffset(sp.Start)
	g.selectSpan(sp.ID)
	g.view.Flash(sp.ID)
	g.win.Canvas().Focus(g.view)
}

// lineHeight estimates one text line's height at the current zoom.
func (g *Gloss) lineHeight() float32 {
	return fyne.MeasureText("Mg", theme.TextSize()*g.scale, fyne.TextStyle{}).Height
}
