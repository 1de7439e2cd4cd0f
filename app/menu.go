package app

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"gloss/annotate"
)

// ctrl is the platform's shortcut modifier: Control, or Command on macOS.
const ctrl = fyne.KeyModifierShortcutDefault

// shortcut builds a keyboard shortcut on the platform's modifier.
func shortcut(key fyne.KeyName, extra fyne.KeyModifier) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: key, Modifier: ctrl | extra}
}

// mainMenu is the window's menu bar. Menu item shortcuts run before a
// focused widget sees the keys, so they work while the text view has focus.
type mainMenu struct {
	g      *Gloss
	main   *fyne.MainMenu
	recent *fyne.MenuItem
	undo   *fyne.MenuItem
	redo   *fyne.MenuItem
	snap   *fyne.MenuItem
	done   *fyne.MenuItem
}

func newMainMenu(g *Gloss) *mainMenu { return &mainMenu{g: g} }

func item(label string, sc fyne.Shortcut, action func()) *fyne.MenuItem {
	it := fyne.NewMenuItem(label, action)
	it.Shortcut = sc
	return it
}

func (m *mainMenu) build() *fyne.MainMenu {
	g := m.g
	m.recent = fyne.NewMenuItem("Open recent", nil)
	m.recent.ChildMenu = fyne.NewMenu("")
	exports := fyne.NewMenu("")
	for i, name := range exportFormats() {
		if i == 2 {
			exports.Items = append(exports.Items, fyne.NewMenuItemSeparator())
		}
		exports.Items = append(exports.Items, fyne.NewMenuItem(exportLabel(name)+"…", func() { g.showExport(name) }))
	}
	export := fyne.NewMenuItem("Export", nil)
	export.ChildMenu = exports
	quit := item("Quit", shortcut(fyne.KeyQ, 0), g.quit)
	quit.IsQuit = true
	file := fyne.NewMenu("File",
		item("New project…", shortcut(fyne.KeyN, 0), g.showNewProject),
		item("Open project…", shortcut(fyne.KeyO, 0), g.showOpenProject),
		m.recent,
		fyne.NewMenuItemSeparator(),
		item("Import files…", shortcut(fyne.KeyI, 0), g.showImport),
		item("Import folder…", shortcut(fyne.KeyI, fyne.KeyModifierShift), g.showImportFolder),
		export,
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Restore backup…", g.showRestoreCurrent),
		fyne.NewMenuItemSeparator(),
		quit,
	)

	m.undo = item("Undo", &fyne.ShortcutUndo{}, func() { g.shortcutOr(&fyne.ShortcutUndo{}, g.undo) })
	m.redo = item("Redo", shortcut(fyne.KeyZ, fyne.KeyModifierShift), func() { g.shortcutOr(&fyne.ShortcutRedo{}, g.redo) })
	edit := fyne.NewMenu("Edit",
		m.undo, m.redo,
		fyne.NewMenuItemSeparator(),
		item("Label selection…", shortcut(fyne.KeyL, 0), g.showLabelPalette),
		item("Delete selected span", nil, func() { g.deleteSpan(g.selected) }),
		fyne.NewMenuItemSeparator(),
		item("Edit labels…", shortcut(fyne.KeyL, fyne.KeyModifierShift), g.showLabelEditor),
	)

	m.snap = fyne.NewMenuItem("Snap selection to words", g.toggleSnap)
	view := fyne.NewMenu("View",
		item("Zoom in", shortcut(fyne.KeyEqual, 0), func() { g.zoom(textScaleStep) }),
		item("Zoom out", shortcut(fyne.KeyMinus, 0), func() { g.zoom(-textScaleStep) }),
		item("Actual size", shortcut(fyne.Key0, 0), func() { g.setZoom(defaultTextScale) }),
		fyne.NewMenuItemSeparator(),
		m.snap,
		fyne.NewMenuItemSeparator(),
		item("Reload from file", shortcut(fyne.KeyR, 0), g.reload),
	)

	m.done = item("Mark document done", shortcut(fyne.KeyD, 0), g.toggleDone)
	goMenu := fyne.NewMenu("Go",
		item("Next document", shortcut(fyne.KeyDown, 0), func() { g.stepDocument(1) }),
		item("Previous document", shortcut(fyne.KeyUp, 0), func() { g.stepDocument(-1) }),
		item("Open document…", shortcut(fyne.KeyP, 0), g.showQuickOpen),
		item("Search documents", shortcut(fyne.KeyF, 0), g.focusSearch),
		fyne.NewMenuItemSeparator(),
		m.done,
	)

	help := fyne.NewMenu("Help",
		item("Keyboard shortcuts", shortcut(fyne.KeySlash, 0), g.showShortcuts),
		fyne.NewMenuItem("About Gloss", g.showAbout),
	)
	m.main = fyne.NewMainMenu(file, edit, view, goMenu, help)
	return m.main
}

// refresh updates the parts of the menu that depend on state.
func (m *mainMenu) refresh() {
	if m.main == nil {
		return
	}
	var items []*fyne.MenuItem
	for _, p := range m.g.recentProjects() {
		p := p
		items = append(items, fyne.NewMenuItem(filepath.Base(p)+"  —  "+filepath.Dir(p), func() { m.g.openProject(p) }))
	}
	if len(items) == 0 {
		none := fyne.NewMenuItem("(none)", nil)
		none.Disabled = true
		items = append(items, none)
	}
	m.recent.ChildMenu.Items = items
	m.snap.Checked = m.g.app.Preferences().BoolWithFallback(prefSnapWords, true)
	m.refreshEdit()
}

// refreshEdit names the edit Undo and Redo would act on.
func (m *mainMenu) refreshEdit() {
	if m.main == nil {
		return
	}
	undo, redo, canUndo, canRedo := m.g.hist.names()
	m.undo.Label, m.redo.Label = strings.TrimSpace("Undo "+undo), strings.TrimSpace("Redo "+redo)
	m.undo.Disabled, m.redo.Disabled = !canUndo, !canRedo
	if m.g.doc != nil && m.g.doc.Status == annotate.StatusDone {
		m.done.Label = "Reopen document"
	} else {
		m.done.Label = "Mark document done"
	}
	m.main.Refresh()
}

// addAltShortcuts registers second shortcuts for menu actions (a menu item
// shows one). They reach the canvas when nothing has focus and from the text
// view, which passes on the shortcuts it does not use; a text field keeps
// Ctrl+Y for its own redo.
func (g *Gloss) addAltShortcuts() {
	c := g.win.Canvas()
	c.AddShortcut(&fyne.ShortcutRedo{}, func(fyne.Shortcut) { g.redo() })
	zoomIn := func(fyne.Shortcut) { g.zoom(textScaleStep) }
	c.AddShortcut(shortcut(fyne.KeyEqual, fyne.KeyModifierShift), zoomIn) // Ctrl++ on US keyboards
	c.AddShortcut(shortcut(fyne.KeyPlus, 0), zoomIn)                      // keypad +
	c.AddShortcut(shortcut(fyne.KeyPlus, fyne.KeyModifierShift), zoomIn)
}
