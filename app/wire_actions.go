package app

import (
	"fyne.io/fyne/v2"

	"gloss/annotate"
	"gloss/annotate/agree"
)

// The menu's actions and the jumps between areas that bulk views (the span
// browser, label all, the concordance) ask for; wire.go connects the rest.

// actions are what the menu items do.
func (g *Gloss) actions() menuActions {
	a := menuActions{
		newProject:    func() { g.files.showNewProject() },
		openProject:   func() { g.files.showOpenProject() },
		importFiles:   func() { g.xfer.showImport() },
		importFolder:  func() { g.xfer.showImportFolder() },
		restoreBackup: func() { g.files.showRestoreCurrent() },
		quit: func() {
			g.quitAfterCloses(g.app.Quit)
		},
		export:     func(name string) { g.xfer.showExport(name) },
		openRecent: func(path string) { g.files.openProject(path) },
		openServer: func() { g.files.showOpenServer() },
		recent:     func() []string { return g.files.recentProjects() },

		undo:         func() { g.keys.shortcutOr(&fyne.ShortcutUndo{}, g.spans.undo) },
		redo:         func() { g.keys.shortcutOr(&fyne.ShortcutRedo{}, g.spans.redo) },
		labelPalette: func() { g.labels.showPalette() },
		deleteSpan:   func() { g.spans.deleteSpan(g.spans.selected) },
		editLabels:   func() { g.labels.showEditor() },
		undoNames:    func() (string, string, bool, bool) { return g.spans.hist.names() },

		zoom:       func(step float32) { g.text.zoom(step) },
		resetZoom:  func() { g.text.setZoom(defaultTextScale) },
		toggleSnap: func() { g.text.toggleSnap() },
		reload:     g.reload,
		snapOn:     func() bool { return g.text.snapOn() },

		toggleDocs: func() { g.layout.toggleDocs() },
		toggleSide: func() { g.layout.toggleSide() },
		docsShown:  func() bool { return g.layout.docsShown() },
		sideShown:  func() bool { return g.layout.sideShown() },
		toggleTags: func() { g.text.toggleTags() },
		tagsOn:     func() bool { return g.text.tagsOn() },

		nextDoc:    func() { g.docs.step(1) },
		prevDoc:    func() { g.docs.step(-1) },
		quickOpen:  func() { g.docs.showQuickOpen() },
		search:     func() { g.docs.focusSearch() },
		toggleDone: func() { g.docs.toggleDone() },
		docDone:    func() bool { return g.s.doc != nil && g.s.doc.Status == annotate.StatusDone },

		merge:       func() { g.merge.show() },
		annotator:   func() { g.who.showChange() },
		compare:     func() { g.compare.show() },
		agreement:   func() { g.agreement.show() },
		curation:    func() { g.curation.show() },
		curateAuto:  func(st string) { g.curation.auto(agree.Strategy(st)) },
		doneAndNext: func() { g.docs.doneAndNext() },

		shortcuts:    func() { showShortcuts(g.win) },
		about:        func() { showAbout(g.win, g.s.p.Path()) },
		checkProject: func() { g.work.checkNow() },

		find:        func() { g.find.open() },
		findAll:     func() { g.corpus.show(g.find.query.Text) },
		spanBrowser: func() { g.browse.show() },
		labelAll:    g.showLabelAll,
		concordance: g.showConcordance,
	}
	g.structureActions(&a)
	g.optionalActions(&a) // features the project may lack (wire_features.go)
	return a
}

// jumpToSpan shows sp's document and selects the span there.
func (g *Gloss) jumpToSpan(sp *annotate.Span) {
	if g.s.doc == nil || g.s.doc.ID != sp.DocumentID {
		g.docs.show(sp.DocumentID)
	}
	if x := g.s.span(sp.ID); x != nil {
		g.spans.jumpTo(x)
	}
}

// showLabelAll opens "Label all occurrences" with the selected text and
// the selected span's label.
func (g *Gloss) showLabelAll() {
	text, labelID := "", ""
	if s, e := g.text.view.Selection(); e > s && e <= len(g.s.runes) {
		text = string(g.s.runes[s:e])
	}
	if sp := g.s.span(g.spans.selected); sp != nil {
		labelID = sp.LabelID
	}
	g.bulk.show(text, labelID)
}

// showConcordance opens the concordance of the selected span's label, or
// else of the selected text.
func (g *Gloss) showConcordance() {
	text, labelID := "", ""
	if sp := g.s.span(g.spans.selected); sp != nil {
		labelID = sp.LabelID
	} else if s, e := g.text.view.Selection(); e > s && e <= len(g.s.runes) {
		text = string(g.s.runes[s:e])
	}
	g.kwic.show(text, labelID)
}

// spansEdited shows spans that a bulk edit (the span browser, label all)
// changed, in any document.
func (g *Gloss) spansEdited() {
	g.docs.reload()
	g.spans.reload()
	g.menu.refreshEdit()
}
