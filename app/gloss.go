package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Gloss is the annotation window of one open project. It holds the areas
// of the window, each with its own widgets and handlers (see wire.go for
// how they are connected): the text, the documents, the spans, the labels,
// the project file, import and export, the menus and the status bar. Every
// edit goes straight to the Project.
type Gloss struct {
	app fyne.App
	win fyne.Window
	s   *session

	text   *textArea
	docs   *documents
	spans  *spansArea
	labels *labelsArea
	files  *projectFiles
	xfer   *transfers
	keys   *keyboard
	menu   *mainMenu
	status *statusBar
	layout *panels         // documents, text and span panels
	glyphs *glyphWarning   // warns of characters no font can draw
	notice *fyne.Container // read-only banner

	// Teams (annotator.go, layers.go, compare.go, agreement.go, curation.go, merge.go)
	who       *annotatorArea
	layers    *layersArea
	compare   *compareArea
	agreement *agreementArea
	curation  *curationArea
	merge     *mergeArea
	find      *findBar       // find in the document (findbar.go)
	corpus    *corpusFind    // find in every document (findcorpus.go)
	browse    *spanBrowser   // every span of the project (spanbrowser.go)
	bulk      *labelAll      // label all occurrences (labelall.go)
	kwic      *concordance   // the concordance (concordance.go)
	header    *docHeader     // an article's title, author, date, site and link
	rels      *relationsArea // relations and attributes (relations.go, spanstructure.go)
	docInfo   *docInfo       // the Document tab: document labels and metadata (docinfo.go)
	schema    *schemaEditor  // relation types and attributes (schemaeditor.go)
	live      *liveUpdates   // others' changes to a shared project (live.go, wire_live.go)
	work      *projectWork   // the background check and index build (projectwork.go)
	closer    *closer        // closes the projects the window left (closer.go)
}

// New builds the window for project p. open is used by File → New, Open and
// Recent to open other project files; the window owns p from now on and
// closes it when another project is opened or on Close.
func New(a fyne.App, p Project, open Opener) *Gloss {
	g := &Gloss{app: a, s: &session{}, closer: &closer{}}
	g.win = a.NewWindow("Gloss")
	g.build(open)
	g.setProject(p)
	g.win.Resize(fyne.NewSize(1240, 780))
	if startHook != nil {
		startHook(g)
	}
	return g
}

// startHook, when set, runs once the window is built: the e2e build (see
// e2e.go, build tag e2e) reports where a word is for the real-window test.
var startHook func(g *Gloss)

// Window is the main window.
func (g *Gloss) Window() fyne.Window { return g.win }

// Project is the project file shown.
func (g *Gloss) Project() Project { return g.s.p }

// SetBackups lets the window list and restore backups (File ▸ Restore backup).
func (g *Gloss) SetBackups(b Backups) {
	g.files.backups = b
	if g.s.p != nil {
		g.files.warnBackup()
	}
}

// Close cancels running imports and exports, saves a note still being
// typed and closes the project file; it returns once the projects shown
// before are closed too.
func (g *Gloss) Close() error {
	defer g.closer.wait()
	g.files.cancelConnect(g.files.connecting)
	g.xfer.cancelAll()
	g.work.stop()
	g.layout.rememberDividers()
	g.text.rememberScroll()
	g.spans.editor.flushNote()
	g.live.stop()
	if g.s.p == nil {
		return nil
	}
	err := g.s.p.Close()
	g.s.p = nil
	return err
}

// build makes the areas, wires them and lays the window out.
func (g *Gloss) build(open Opener) {
	tips := newTooltips()
	g.status = newStatusBar()
	g.status.state.tips = tips
	g.text = newTextArea(g.win, g.app.Preferences(), tips)
	g.header = newDocHeader()
	g.docs = newDocuments(g.s, g.win, g.status)
	g.docs.panel.tips = tips
	g.spans = newSpansArea(g.s, g.win, g.text.view, g.status)
	g.spans.editor.text.tips = tips
	g.labels = newLabelsArea(g.s, g.win, g.status, tips)
	dialogs := &fileDialogs{s: g.s, win: g.win, prefs: g.app.Preferences()}
	g.files = &projectFiles{s: g.s, win: g.win, prefs: g.app.Preferences(), dialogs: dialogs, status: g.status, open: withPasswords(open)}
	g.xfer = newTransfers(g.s, g.win, dialogs, g.status)
	g.keys = &keyboard{win: g.win, view: g.text.view}
	g.who = &annotatorArea{s: g.s, win: g.win, prefs: g.app.Preferences(), status: g.status}
	g.layers = newLayersArea(g.s)
	g.compare = &compareArea{s: g.s, app: g.app}
	g.agreement = &agreementArea{s: g.s, app: g.app}
	g.curation = &curationArea{s: g.s, app: g.app, main: g.win}
	g.merge = &mergeArea{s: g.s, win: g.win, dialogs: dialogs, status: g.status}
	g.glyphs = newGlyphWarning(g.status, func() string {
		if g.s.doc == nil {
			return ""
		}
		return g.s.doc.ID
	})
	g.find = newFindBar(g.s, g.text.view)
	g.corpus = newCorpusFind(g.s, g.win)
	g.browse = newSpanBrowser(g.s, g.win, g.status)
	g.bulk = newLabelAll(g.s, g.win, g.status, dialogs)
	g.kwic = newConcordance(g.s, g.win, dialogs)
	g.rels = newRelationsArea(g.s, g.win, g.text.view, g.app.Preferences())
	g.docInfo = newDocInfo(g.s, g.win)
	g.schema = newSchemaEditor(g.s, g.win)
	g.live = newLiveUpdates()
	g.work = newProjectWork(g.s, g.win, g.status)
	g.menu = newMainMenu(g.actions())
	g.menu.blocked = func() bool { return dialogOpen(g.win) }
	g.wire()

	banner := canvas.NewRectangle(theme.Color(theme.ColorNameWarning))
	msg := widget.NewLabelWithStyle("This project file is read-only: you can read, search and export, but not annotate.",
		fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	g.notice = container.NewStack(banner, msg)
	g.notice.Hide()

	// The layer switch has a row of its own under the label bar, so that
	// the chips keep the text's whole width on a small screen; an article's
	// header sits above the text and the find bar opens under it.
	bar := container.NewVBox(g.labels.bar.content, container.NewHBox(g.layers.choice))
	text := container.NewBorder(g.header.content, g.find.content, nil, nil, g.text.content)
	g.header.relayout = text.Refresh
	g.layout = newPanels(g.app.Preferences(), g.docs.panel.content, bar, text,
		container.NewVScroll(container.NewVBox(g.spans.editor.content, g.rels.panel.content)),
		container.NewAppTabs(container.NewTabItem("Spans", g.spans.panel.content), container.NewTabItem("Document", g.docInfo.content)))
	g.layout.onToggle = g.menu.refresh
	g.labels.bar.onRows = g.layout.relayout
	g.win.SetContent(container.NewStack(container.NewBorder(g.notice, g.status.content, nil, nil, g.layout.content), tips.layer))
	g.win.SetMainMenu(g.menu.build())
	g.keys.install()
	g.win.SetOnDropped(g.xfer.dropped)
	g.win.SetOnClosed(g.spans.editor.flushNote) // closing never asks: save a note still being typed
	g.win.SetCloseIntercept(g.closeRequested)
	g.keys.addAltShortcuts(g.spans.redo, func() { g.text.zoom(textScaleStep) })
	g.text.initView()
}
