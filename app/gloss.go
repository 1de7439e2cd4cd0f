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
	notice *fyne.Container // read-only banner
	header *docHeader      // an article's title, author, date, site and link
}

// New builds the window for project p. open is used by File → New, Open and
// Recent to open other project files; the window owns p from now on and
// closes it when another project is opened or on Close.
func New(a fyne.App, p Project, open Opener) *Gloss {
	g := &Gloss{app: a, s: &session{}}
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
// typed and closes the project file.
func (g *Gloss) Close() error {
	g.xfer.cancelAll()
	g.spans.editor.flushNote()
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
	g.text = newTextArea(g.win, g.app.Preferences(), tips)
	g.header = newDocHeader()
	g.docs = newDocuments(g.s, g.win, g.status)
	g.spans = newSpansArea(g.s, g.win, g.text.view, g.status)
	g.labels = newLabelsArea(g.s, g.win, g.status, tips)
	dialogs := &fileDialogs{s: g.s, win: g.win}
	g.files = &projectFiles{s: g.s, win: g.win, prefs: g.app.Preferences(), dialogs: dialogs, status: g.status, open: open}
	g.xfer = newTransfers(g.s, g.win, dialogs, g.status)
	g.keys = &keyboard{win: g.win, view: g.text.view}
	g.menu = newMainMenu(g.actions())
	g.wire()

	banner := canvas.NewRectangle(theme.Color(theme.ColorNameWarning))
	msg := widget.NewLabelWithStyle("This project file is read-only: you can read, search and export, but not annotate.",
		fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	g.notice = container.NewStack(banner, msg)
	g.notice.Hide()

	text := container.NewBorder(container.NewVBox(container.NewPadded(g.labels.bar.content), g.header.content), nil, nil, nil, g.text.content)
	g.header.relayout = text.Refresh
	side := container.NewVSplit(container.NewPadded(g.spans.editor.content), container.NewPadded(g.spans.panel.content))
	side.Offset = 0.5
	right := container.NewHSplit(text, side)
	right.Offset = 0.72
	split := container.NewHSplit(container.NewPadded(g.docs.panel.content), right)
	split.Offset = 0.2
	g.win.SetContent(container.NewStack(container.NewBorder(g.notice, g.status.content, nil, nil, split), tips.layer))
	g.win.SetMainMenu(g.menu.build())
	g.keys.install()
	g.win.SetOnDropped(g.xfer.dropped)
	g.win.SetOnClosed(g.spans.editor.flushNote) // closing never asks: save a note still being typed
	g.keys.addAltShortcuts(g.spans.redo, func() { g.text.zoom(textScaleStep) })
	g.text.initView()
}
