package app

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// ctrl is the platform's shortcut modifier: Control, or Command on macOS.
const ctrl = fyne.KeyModifierShortcutDefault

// shortcut builds a keyboard shortcut on the platform's modifier.
func shortcut(key fyne.KeyName, extra fyne.KeyModifier) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: key, Modifier: ctrl | extra}
}

// menuActions are what the menu items do and what the menu shows of the
// window's state; wire.go fills them in from the areas.
type menuActions struct {
	newProject, openProject, importFiles, importFolder, restoreBackup, quit func()
	export                                                                  func(format string)
	openRecent                                                              func(path string)
	recent                                                                  func() []string

	undo, redo, labelPalette, deleteSpan, editLabels func()
	undoNames                                        func() (undo, redo string, canUndo, canRedo bool)

	zoom                          func(step float32)
	resetZoom, toggleSnap, reload func()
	snapOn                        func() bool

	nextDoc, prevDoc, quickOpen, search, toggleDone func()
	docDone                                         func() bool // the shown document is done

	shortcuts, about func()
}

// mainMenu is the window's menu bar. Menu item shortcuts run before a
// focused widget sees the keys, so they work while the text view has focus.
type mainMenu struct {
	act    menuActions
	main   *fyne.MainMenu
	recent *fyne.MenuItem
	undo   *fyne.MenuItem
	redo   *fyne.MenuItem
	snap   *fyne.MenuItem
	done   *fyne.MenuItem
}

func newMainMenu(act menuActions) *mainMenu { return &mainMenu{act: act} }

func item(label string, sc fyne.Shortcut, action func()) *fyne.MenuItem {
	it := fyne.NewMenuItem(label, action)
	it.Shortcut = sc
	return it
}

func (m *mainMenu) build() *fyne.MainMenu {
	a := m.act
	m.recent = fyne.NewMenuItem("Open recent", nil)
	m.recent.ChildMenu = fyne.NewMenu("")
	exports := fyne.NewMenu("")
	for i, name := range exportFormats() {
		if i == 2 {
			exports.Items = append(exports.Items, fyne.NewMenuItemSeparator())
		}
		exports.Items = append(exports.Items, fyne.NewMenuItem(exportLabel(name)+"…", func() { a.export(name) }))
	}
	export := fyne.NewMenuItem("Export", nil)
	export.ChildMenu = exports
	quit := item("Quit", shortcut(fyne.KeyQ, 0), a.quit)
	quit.IsQuit = true
	file := fyne.NewMenu("File",
		item("New project…", shortcut(fyne.KeyN, 0), a.newProject),
		item("Open project…", shortcut(fyne.KeyO, 0), a.openProject),
		m.recent,
		fyne.NewMenuItemSeparator(),
		item(importFilesLabel(), shortcut(fyne.KeyI, 0), a.importFiles),
		item("Import folder…", shortcut(fyne.KeyI, fyne.KeyModifierShift), a.importFolder),
		export,
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Restore backup…", a.restoreBackup),
		fyne.NewMenuItemSeparator(),
		quit,
	)

	m.undo = item("Undo", &fyne.ShortcutUndo{}, a.undo)
	m.redo = item("Redo", shortcut(fyne.KeyZ, fyne.KeyModifierShift), a.redo)
	edit := fyne.NewMenu("Edit",
		m.undo, m.redo,
		fyne.NewMenuItemSeparator(),
		item("Label selection…", shortcut(fyne.KeyL, 0), a.labelPalette),
		item("Delete selected span", nil, a.deleteSpan),
		fyne.NewMenuItemSeparator(),
		item("Edit labels…", shortcut(fyne.KeyL, fyne.KeyModifierShift), a.editLabels),
	)

	m.snap = fyne.NewMenuItem("Snap selection to words", a.toggleSnap)
	view := fyne.NewMenu("View",
		item("Zoom in", shortcut(fyne.KeyEqual, 0), func() { a.zoom(textScaleStep) }),
		item("Zoom out", shortcut(fyne.KeyMinus, 0), func() { a.zoom(-textScaleStep) }),
		item("Actual size", shortcut(fyne.Key0, 0), a.resetZoom),
		fyne.NewMenuItemSeparator(),
		m.snap,
		fyne.NewMenuItemSeparator(),
		item("Reload from file", shortcut(fyne.KeyR, 0), a.reload),
	)

	m.done = item("Mark document done", shortcut(fyne.KeyD, 0), a.toggleDone)
	goMenu := fyne.NewMenu("Go",
		item("Next document", shortcut(fyne.KeyDown, 0), a.nextDoc),
		item("Previous document", shortcut(fyne.KeyUp, 0), a.prevDoc),
		item("Open document…", shortcut(fyne.KeyP, 0), a.quickOpen),
		item("Search documents", shortcut(fyne.KeyF, 0), a.search),
		fyne.NewMenuItemSeparator(),
		m.done,
	)

	help := fyne.NewMenu("Help",
		item("Keyboard shortcuts", shortcut(fyne.KeySlash, 0), a.shortcuts),
		fyne.NewMenuItem("About Gloss", a.about),
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
	for _, p := range m.act.recent() {
		p := p
		items = append(items, fyne.NewMenuItem(filepath.Base(p)+"  —  "+filepath.Dir(p), func() { m.act.openRecent(p) }))
	}
	if len(items) == 0 {
		none := fyne.NewMenuItem("(none)", nil)
		none.Disabled = true
		items = append(items, none)
	}
	m.recent.ChildMenu.Items = items
	m.snap.Checked = m.act.snapOn()
	m.refreshEdit()
}

// refreshEdit names the edit Undo and Redo would act on.
func (m *mainMenu) refreshEdit() {
	if m.main == nil {
		return
	}
	undo, redo, canUndo, canRedo := m.act.undoNames()
	m.undo.Label, m.redo.Label = strings.TrimSpace("Undo "+undo), strings.TrimSpace("Redo "+redo)
	m.undo.Disabled, m.redo.Disabled = !canUndo, !canRedo
	if m.act.docDone() {
		m.done.Label = "Reopen document"
	} else {
		m.done.Label = "Mark document done"
	}
	m.main.Refresh()
}
