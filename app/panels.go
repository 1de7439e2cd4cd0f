package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// Preference keys of the window's panels.
const (
	prefShowDocs   = "showDocumentsPanel" // the Documents panel is shown
	prefShowSide   = "showSpanPanels"     // the Selected span and Spans panels are shown
	prefDocsOffset = "documentsSplit"     // where the Documents panel ends, 0–1
	prefSideOffset = "spanPanelsSplit"    // where the text ends and the span panels start, 0–1
)

// minTextWidth is the narrowest the text column gets while side panels are
// shown: they give way (or can be hidden) before the text does.
const minTextWidth = 300

// panels lays the window out: the Documents panel, the text column (label
// bar and text) and the span panels, with draggable dividers between them.
// Either side can be hidden from the View menu; what is shown and where the
// dividers are is remembered in the preferences.
type panels struct {
	prefs   fyne.Preferences
	docs    fyne.CanvasObject
	side    fyne.CanvasObject
	text    *fyne.Container // the column, at least minTextWidth wide
	col     *fyne.Container // label bar over the text
	inner   *container.Split
	outer   *container.Split
	content fyne.CanvasObject

	onToggle func() // a panel was shown or hidden
}

func newPanels(prefs fyne.Preferences, docs, bar, text, editor, spansList fyne.CanvasObject) *panels {
	p := &panels{prefs: prefs}
	p.docs = container.NewPadded(docs)
	p.col = container.NewBorder(container.NewPadded(bar), nil, nil, nil, text)
	p.text = container.New(atLeast{w: minTextWidth}, p.col)
	side := container.NewVSplit(container.NewPadded(editor), container.NewPadded(spansList))
	side.Offset = 0.5
	p.side = side
	p.inner = container.NewHSplit(p.text, p.side)
	p.inner.Offset = prefs.FloatWithFallback(prefSideOffset, 0.72)
	p.outer = container.NewHSplit(p.docs, p.inner)
	p.outer.Offset = prefs.FloatWithFallback(prefDocsOffset, 0.2)
	p.content = p.outer
	p.apply()
	return p
}

// docsShown reports whether the Documents panel is shown.
func (p *panels) docsShown() bool { return p.prefs.BoolWithFallback(prefShowDocs, true) }

// sideShown reports whether the span panels are shown.
func (p *panels) sideShown() bool { return p.prefs.BoolWithFallback(prefShowSide, true) }

// toggleDocs shows or hides the Documents panel, and remembers it.
func (p *panels) toggleDocs() {
	p.prefs.SetBool(prefShowDocs, !p.docsShown())
	p.apply()
}

// toggleSide shows or hides the span panels, and remembers it.
func (p *panels) toggleSide() {
	p.prefs.SetBool(prefShowSide, !p.sideShown())
	p.apply()
}

// apply shows the panels as the preferences say.
func (p *panels) apply() {
	for _, x := range []struct {
		o  fyne.CanvasObject
		on bool
	}{{p.docs, p.docsShown()}, {p.side, p.sideShown()}} {
		if x.on {
			x.o.Show()
		} else {
			x.o.Hide()
		}
	}
	p.outer.Refresh()
	if p.onToggle != nil {
		p.onToggle()
	}
}

// rememberDividers keeps where the dividers were dragged to.
func (p *panels) rememberDividers() {
	p.prefs.SetFloat(prefDocsOffset, p.outer.Offset)
	p.prefs.SetFloat(prefSideOffset, p.inner.Offset)
}

// relayout lays the text column out again, e.g. when the label bar needs
// another row.
func (p *panels) relayout() { p.col.Refresh() }
