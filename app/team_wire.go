package app

import (
	"fyne.io/fyne/v2"
)

// This file wires the team areas (annotator, layers, compare, agreement,
// curation, merge) to the rest of the window, as wire.go does for the others.

// wireTeam connects the team areas' handlers.
func (g *Gloss) wireTeam() {
	g.who.reopen = g.reopenAsAnnotator
	g.layers.onChanged = func() {
		g.spans.selectSpan("")
		g.spans.reload()
		g.text.view.SetSpans(g.s.spans)
		g.status.message("Showing the layer: " + g.layers.choice.Selected)
	}
	g.curation.onGoldChanged = func() {
		g.layers.refresh()
		g.spans.reload()
		g.menu.refreshEdit()
	}
	g.curation.onEdit = func(docID, spanID string) {
		g.layers.set(layer{kind: layerGold})
		if g.s.doc == nil || g.s.doc.ID != docID {
			g.docs.show(docID)
		}
		g.spans.selectSpan(spanID)
		g.win.RequestFocus()
		g.text.focus()
	}
	g.merge.onMerged = func() {
		g.labels.reload()
		g.docs.reload()
		g.layers.refresh()
		if g.s.doc != nil {
			g.spans.reload()
		} else {
			g.docs.show(g.docs.firstToShow())
		}
	}
	prev := g.docs.onShow
	g.docs.onShow = func() {
		prev()
		g.compare.refresh()
	}
}

// teamProjectSet shows a newly opened project's annotator and layers.
func (g *Gloss) teamProjectSet() {
	g.who.projectSet()
	g.layers.refresh()
}

// reopenAsAnnotator opens the shown project again, so that the annotator
// just chosen is the one it records; the same document stays shown. A
// server project is opened in the background behind the Connecting dialog
// with Cancel (server_open.go), the project shown staying open until then.
func (g *Gloss) reopenAsAnnotator() {
	if g.s.p == nil || g.files.open == nil && g.files.connect == nil {
		return
	}
	if path := g.s.p.Path(); isServerAddress(path) {
		g.files.connectAround(path, g.keepDocument)
		return
	}
	if g.files.open == nil {
		return
	}
	g.keepDocument(func() {
		g.spans.editor.flushNote()
		p, err := g.files.open(g.s.p.Path())
		if err != nil {
			showError(g.win, err)
			return
		}
		g.setProject(p)
	})
}

// keepDocument runs open, which may show another project, and then shows
// in it the document shown before, if it has it.
func (g *Gloss) keepDocument(open func()) {
	before, docID := g.s.p, ""
	if g.s.doc != nil {
		docID = g.s.doc.ID
	}
	open()
	if g.s.p != before && docID != "" && g.s.hasDoc(docID) {
		g.docs.show(docID)
	}
}

// teamMenu is the Team menu: compare, agreement, curation.
func teamMenu(a menuActions) *fyne.Menu {
	auto := fyne.NewMenuItem("Curate automatically", nil)
	auto.ChildMenu = fyne.NewMenu("",
		fyne.NewMenuItem("Unanimous (every coder marked it)", func() { a.curateAuto("unanimous") }),
		fyne.NewMenuItem("Majority (more than half marked it)", func() { a.curateAuto("majority") }))
	return fyne.NewMenu("Team",
		item("Compare annotators…", shortcut(fyne.KeyK, fyne.KeyModifierShift), a.compare),
		item("Agreement…", shortcut(fyne.KeyA, fyne.KeyModifierShift), a.agreement),
		item("Curation…", shortcut(fyne.KeyU, fyne.KeyModifierShift), a.curation),
		auto,
	)
}

// AskAnnotator asks for the annotator's name when none was ever chosen
// (first start); cmd/gloss calls it once the window is up. A new name
// reopens the project as that annotator.
func (g *Gloss) AskAnnotator() { g.who.askOnce() }
