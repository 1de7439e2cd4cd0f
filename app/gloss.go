package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gloss/annotate"
	"gloss/app/textview"
)

// Gloss is the annotation window of one open project: the text with its
// highlighted spans, the label bar, the documents and spans panels and the
// span editor. Every edit goes straight to the Project.
type Gloss struct {
	app  fyne.App
	win  fyne.Window
	open Opener
	p    Project

	labels   []*annotate.Label
	docs     []annotate.DocumentInfo
	doc      *annotate.Document // the document shown, nil when the project has none
	runes    []rune             // doc's text
	spans    []*annotate.Span   // doc's spans in text order
	selected string             // ID of the selected span, "" for none
	spanSel  bool               // the text selection is exactly the selected span
	setting  bool               // the window itself is setting the text selection
	scale    float32            // text zoom

	hist    *projectHistory
	backups Backups // nil: no restore offered
	tips    *tooltips

	view   *textview.TextView
	bar    *labelBar
	docsP  *docsPanel
	spansP *spansPanel
	editor *spanEditor
	status *statusBar
	notice *fyne.Container // read-only banner
	empty  *fyne.Container // shown instead of the text when there is no document
	menu   *mainMenu

	afterImport func() // for tests: called when an import has been shown
}

// New builds the window for project p. open is used by File → New, Open and
// Recent to open other project files; the window owns p from now on and
// closes it when another project is opened or on Close.
func New(a fyne.App, p Project, open Opener) *Gloss {
	g := &Gloss{app: a, open: open}
	g.win = a.NewWindow("Gloss")
	g.tips = newTooltips()
	g.build()
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
func (g *Gloss) Project() Project { return g.p }

// Close saves a note still being typed and closes the project file.
func (g *Gloss) Close() error {
	g.editor.flushNote()
	if g.p == nil {
		return nil
	}
	err := g.p.Close()
	g.p = nil
	return err
}

func (g *Gloss) build() {
	g.view = textview.New()
	g.bar = newLabelBar(g.tips)
	g.docsP = newDocsPanel()
	g.spansP = newSpansPanel()
	g.editor = newSpanEditor()
	g.status = newStatusBar()
	g.wire()

	banner := canvas.NewRectangle(theme.Color(theme.ColorNameWarning))
	msg := widget.NewLabelWithStyle("This project file is read-only: you can read, search and export, but not annotate.",
		fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	g.notice = container.NewStack(banner, msg)
	g.notice.Hide()

	hint := widget.NewLabel("This project has no documents yet.\nImport .txt or .md files with File → Import, or drop them on this window.")
	hint.Alignment = fyne.TextAlignCenter
	hint.Importance = widget.LowImportance
	g.empty = container.NewCenter(hint)
	g.empty.Hide()

	text := container.NewBorder(container.NewPadded(g.bar.content), nil, nil, nil, container.NewStack(g.view, g.empty))
	side := container.NewVSplit(container.NewPadded(g.editor.content), container.NewPadded(g.spansP.content))
	side.Offset = 0.5
	right := container.NewHSplit(text, side)
	right.Offset = 0.72
	split := container.NewHSplit(container.NewPadded(g.docsP.content), right)
	split.Offset = 0.2
	g.win.SetContent(container.NewStack(container.NewBorder(g.notice, g.status.content, nil, nil, split), g.tips.layer))
	g.menu = newMainMenu(g)
	g.win.SetMainMenu(g.menu.build())
	g.installKeys()
	g.win.SetOnDropped(g.dropped)
	g.win.SetOnClosed(g.editor.flushNote) // closing never asks: save a note still being typed
	g.addAltShortcuts()
	g.initView()
}

// wire connects the panels' handlers to the window's actions.
func (g *Gloss) wire() {
	g.view.OnSpanTapped = g.selectSpan
	g.view.OnSelectionChanged = g.selectionChanged
	g.view.OnHover = g.hovered
	g.view.OnTypedRune = g.typedRune
	g.view.OnTypedKey = g.typedKey

	g.bar.onApply = g.applyLabel
	g.bar.onPalette = g.showLabelPalette
	g.bar.onEdit = g.showLabelEditor

	g.docsP.loadText = func(id string) (string, error) {
		d, err := g.p.Document(id)
		if err != nil {
			return "", err
		}
		return d.Text, nil
	}
	g.docsP.onOpen = g.openDocumentAt
	g.docsP.onImport = g.showImport
	g.docsP.onToggleDone = g.toggleDone

	g.spansP.onJump = g.jumpToSpan

	g.editor.onUpdate = g.updateSpan
	g.editor.onDelete = g.deleteSpan
}

// span returns the shown document's span with this ID, or nil.
func (g *Gloss) span(id string) *annotate.Span {
	for _, sp := range g.spans {
		if sp.ID == id {
			return sp
		}
	}
	return nil
}

// label returns the label with this ID, or nil.
func (g *Gloss) label(id string) *annotate.Label {
	for _, l := range g.labels {
		if l.ID == id {
			return l
		}
	}
	return nil
}

// showError shows err in a dialog.
func (g *Gloss) showError(err error) {
	if err == nil {
		return
	}
	fyne.LogError("gloss", err)
	dialog.ShowError(err, g.win)
}
