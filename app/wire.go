package app

import (
	"fmt"
	"net/url"
	"path/filepath"

	"fyne.io/fyne/v2"

	"gloss/annotate"
)

// This file is the one place where the window's areas are connected. No
// area knows another: each reports through its on… func fields, and the
// handlers below pass the news on. The text view reports the selection,
// taps, hover and keys; the areas listen and never write back into the
// view's report.

// wire connects the areas' handlers.
func (g *Gloss) wire() {
	v := g.text.view
	v.OnSelectionChanged = func(start, end int) {
		g.status.showSelection(start, end)
		g.spans.selectionChanged(start, end)
	}
	v.OnSpanTapped = g.spans.selectSpan
	v.OnHover = g.text.hovered
	v.OnTypedRune = g.keys.typedRune
	v.OnTypedKey = g.keys.typedKey
	g.text.onHover = g.status.setHover
	g.text.onZoom = g.status.setZoom
	g.text.onSnap = func(on bool) {
		g.menu.refresh()
		if on {
			g.status.message("Selections snap to whole words.")
		} else {
			g.status.message("Selections are exact, character by character.")
		}
	}

	g.keys.onRune = func(r rune) {
		if l := g.s.hotkeyLabel(r); l != nil {
			g.spans.applyLabel(l)
		}
	}
	g.keys.onDelete = g.spans.deleteSelected
	g.keys.onEscape = g.spans.clearSelection
	g.keys.onHelp = func() { showShortcuts(g.win) }

	counts := func() { g.status.showCounts(g.s) }
	g.docs.beforeShow = func() {
		g.text.rememberScroll()
		g.spans.leaveDocument()
		g.status.showSelection(0, 0)
	}
	g.docs.onShow = g.documentShown
	g.docs.onOpened = func(start, end int) {
		if start >= 0 {
			g.spans.selectSpan("")
			v.SetSelection(start, end)
			v.ScrollToOffset(start)
		}
		g.text.focus()
	}
	g.docs.onStatus = func(annotate.Status) { g.menu.refreshEdit() }
	g.docs.onCounts = counts
	g.docs.panel.onImport = g.xfer.showImport

	g.spans.showDoc = g.docs.show
	g.spans.onReloaded = g.docs.spansChanged
	g.spans.onFirstSpan = func() { g.docs.setStatus(annotate.StatusInProgress, false) }
	g.spans.onEdited = g.menu.refreshEdit
	g.spans.focusText = g.text.focus

	g.labels.onChanged = func() {
		v.SetLabels(g.s.labels)
		g.spans.setLabels(g.s.labels)
		counts()
	}
	g.labels.onSaved = func() {
		g.spans.reload()
		g.menu.refreshEdit() // a label edit can be undone
	}
	g.labels.onRemoved = func() {
		g.menu.refreshEdit()
		g.labels.reload()
		g.docs.reload()
		g.spans.reload()
		g.spans.selectSpan(g.spans.selected)
	}
	g.spans.onLabels = g.labels.onRemoved
	g.labels.onApply = func(l *annotate.Label) {
		g.text.focus()
		g.spans.applyLabel(l)
	}

	g.files.beforeOpen = g.spans.editor.flushNote
	g.files.closer = g.closer
	g.files.onOpen = g.setProject
	g.files.onRecent = g.menu.refresh
	g.xfer.onImported = g.imported
	g.wireTeam()

	g.keys.onFind = func(back bool) {
		if !g.find.content.Visible() {
			g.find.open()
			return
		}
		g.find.step(back)
	}
	g.find.onClose = g.text.focus
	g.find.onFocus = func(o fyne.Focusable) { g.win.Canvas().Focus(o) }
	g.find.onCorpus = g.corpus.show
	g.corpus.onOpen = func(docID string, start, end int) { g.docs.openAt(docID, start, end-start) }
	g.browse.onJump = g.jumpToSpan
	g.browse.onEdited = g.spansEdited
	g.bulk.onEdited = g.spansEdited
	g.kwic.onOpen = g.corpus.onOpen
	g.header.openURL = g.app.OpenURL
	g.header.onError = func(u *url.URL, err error) {
		g.app.Clipboard().SetContent(u.String())
		showError(g.win, fmt.Errorf("Gloss could not open a web browser (%v).\nThe address %s is on the clipboard", err, u))
	}
	g.wireStructure()
	g.wireLive()
}

// setProject shows project p, closing the one shown before.
func (g *Gloss) setProject(p Project) {
	g.live.stop() // before the project it listens to is closed
	if old := g.s.p; old != nil && old != p {
		g.spans.editor.flushNote()
		g.work.stop()
		// Closed in the background (it may wait for its backup): nothing
		// of the window uses old once the areas below are given p.
		defer g.closer.close(old, g.s.projectName())
	}
	g.s.p = p
	g.spans.setProject(p)
	g.docs.setProject(p)
	ro := p.ReadOnly()
	if ro {
		g.notice.Show()
	} else {
		g.notice.Hide()
	}
	g.status.setReadOnly(ro)
	g.labels.reload()
	g.docs.reload()
	g.docs.show(g.docs.firstToShow())
	g.files.rememberProject(p.Path())
	g.teamProjectSet()
	g.menu.refresh()
	g.files.warnBackup()
	g.live.start(p)
	g.liveStarted()
	g.work.start()
}

// documentShown shows the session's document (or none) in every area.
func (g *Gloss) documentShown() {
	g.text.show(g.s.doc, g.s.spans, g.s.labels)
	g.glyphs.check(g.s.doc, g.text.view.Theme())
	if g.s.doc != nil {
		g.text.restoreScroll(g.s.p.Path(), g.s.doc.ID)
	} else {
		g.text.scroll.shown("", "")
	}
	g.header.show(g.s.doc)
	g.spans.showDocument()
	g.structureShown()
	g.find.documentShown()
	g.updateTitle()
	g.status.showCounts(g.s)
}

func (g *Gloss) updateTitle() {
	title := "Gloss — " + g.s.projectTitle()
	if g.s.doc != nil {
		title += " — " + g.s.doc.Title
	}
	if g.s.p.ReadOnly() {
		title += " (read-only)"
	}
	g.win.SetTitle(title)
}

// imported shows what an import added: firstDoc ("" for none) and, with
// newLabels, the labels it brought.
func (g *Gloss) imported(firstDoc string, newLabels bool) {
	g.docs.panel.forgetTexts()
	g.work.index() // a large import leaves its texts to the index build
	if newLabels {
		g.labels.reload()
	}
	g.docs.reload()
	if firstDoc != "" && g.s.hasDoc(firstDoc) { // not a document merged into one already there
		g.docs.show(firstDoc)
	} else if g.s.doc != nil {
		g.docs.show(g.s.doc.ID)
	}
}

// reload reads labels, documents and the shown document's spans from the
// project file again, to show what another window or gloss-cli changed.
// The selected span stays selected while it exists.
func (g *Gloss) reload() {
	if g.s.p == nil {
		return
	}
	g.spans.editor.flushNote()
	keep := g.spans.selected
	g.labels.reload()
	g.docs.reload()
	if g.s.doc == nil || !g.s.hasDoc(g.s.doc.ID) {
		g.docs.show(g.docs.firstToShow())
	} else {
		g.spans.reload()
		g.spans.selectSpan(keep)
		g.structureShown()
	}
	g.menu.refreshEdit()
	if isServerAddress(g.s.p.Path()) {
		g.status.message("Reloaded from the server")
		return
	}
	g.status.message("Reloaded from " + filepath.Base(g.s.p.Path()))
}
