package app

import (
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
	openServer                                                              func() // a project on a server (server.go)
	recent                                                                  func() []string

	undo, redo, labelPalette, deleteSpan, editLabels func()
	undoNames                                        func() (undo, redo string, canUndo, canRedo bool)

	zoom                          func(step float32)
	resetZoom, toggleSnap, reload func()
	snapOn                        func() bool

	toggleDocs, toggleSide func()      // show or hide the Documents panel, the span panels
	docsShown, sideShown   func() bool // whether they are shown
	toggleTags             func()      // label names on spans
	tagsOn                 func() bool

	nextDoc, prevDoc, quickOpen, search, toggleDone func()
	doneAndNext                                     func()      // mark done, show the next unfinished document
	docDone                                         func() bool // the shown document is done

	merge, annotator, compare, agreement, curation func()
	curateAuto                                     func(strategy string)

	shortcuts, about func()
	checkProject     func() // the full integrity check, on demand

	// find, bulk annotation, the span browser and the concordance (issue 14)
	find, findAll, labelAll, spanBrowser, concordance func()

	// relations, attributes and document labels (issue 12)
	newRelation, editSchema, toggleRelations func()
	relationsOn                              func() bool
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
	docs   *fyne.MenuItem // View ▸ Documents panel
	side   *fyne.MenuItem // View ▸ Span panels
	tags   *fyne.MenuItem // View ▸ Label names on spans
	rels   *fyne.MenuItem // View ▸ Show all relations

	blocked func() bool // true while a dialog is open: the items do nothing
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
		fyne.NewMenuItem("Open server project…", a.openServer),
		m.recent,
		fyne.NewMenuItemSeparator(),
		item(importFilesLabel(), shortcut(fyne.KeyI, 0), a.importFiles),
		item("Import folder… (several files)", shortcut(fyne.KeyI, fyne.KeyModifierShift), a.importFolder),
		export,
		fyne.NewMenuItem("Merge coders' files…", a.merge),
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
		item("Find…", shortcut(fyne.KeyF, 0), a.find),
		item("Find in all documents…", shortcut(fyne.KeyF, fyne.KeyModifierShift), a.findAll),
		fyne.NewMenuItemSeparator(),
		item("Label selection…", shortcut(fyne.KeyL, 0), a.labelPalette),
		item("Delete selected span", nil, a.deleteSpan),
		item("Label all occurrences…", shortcut(fyne.KeyO, fyne.KeyModifierShift), a.labelAll),
		fyne.NewMenuItemSeparator(),
		item("Edit labels…", shortcut(fyne.KeyL, fyne.KeyModifierShift), a.editLabels),
		fyne.NewMenuItem("Relation types and attributes…", a.editSchema),
		fyne.NewMenuItem("New relation from the selected span (R)", a.newRelation),
		fyne.NewMenuItem("Annotator name…", a.annotator),
	)

	m.snap = fyne.NewMenuItem("Snap selection to words", a.toggleSnap)
	m.tags = item("Label names on spans", shortcut(fyne.KeyT, 0), func() {
		a.toggleTags()
		m.refresh()
	})
	m.rels = item("Show all relations", shortcut(fyne.KeyR, fyne.KeyModifierShift), func() {
		a.toggleRelations()
		m.refresh()
	})
	m.docs = item("Documents panel", shortcut(fyne.KeyB, 0), a.toggleDocs)
	m.side = item("Span panels", shortcut(fyne.KeyE, fyne.KeyModifierShift), a.toggleSide)
	view := fyne.NewMenu("View",
		item("Zoom in", shortcut(fyne.KeyEqual, 0), func() { a.zoom(textScaleStep) }),
		item("Zoom out", shortcut(fyne.KeyMinus, 0), func() { a.zoom(-textScaleStep) }),
		item("Actual size", shortcut(fyne.Key0, 0), a.resetZoom),
		fyne.NewMenuItemSeparator(),
		m.snap,
		m.tags,
		fyne.NewMenuItemSeparator(),
		m.docs, m.side, m.rels,
		fyne.NewMenuItemSeparator(),
		item("Reload from file", shortcut(fyne.KeyR, 0), a.reload),
		fyne.NewMenuItemSeparator(),
		item("Span browser…", shortcut(fyne.KeyB, fyne.KeyModifierShift), a.spanBrowser),
		item("Concordance…", shortcut(fyne.KeyW, fyne.KeyModifierShift), a.concordance),
	)

	m.done = item("Mark document done", shortcut(fyne.KeyD, 0), a.toggleDone)
	goMenu := fyne.NewMenu("Go",
		item("Next document", shortcut(fyne.KeyDown, 0), a.nextDoc),
		item("Previous document", shortcut(fyne.KeyUp, 0), a.prevDoc),
		item("Open document…", shortcut(fyne.KeyP, 0), a.quickOpen),
		item("Search documents", shortcut(fyne.KeyK, 0), a.search),
		fyne.NewMenuItemSeparator(),
		item("Mark done and next", shortcut(fyne.KeyReturn, 0), a.doneAndNext),
		m.done,
	)

	team := teamMenu(a)

	help := fyne.NewMenu("Help",
		item("Keyboard shortcuts", shortcut(fyne.KeySlash, 0), a.shortcuts),
		fyne.NewMenuItem("Check project", a.checkProject),
		fyne.NewMenuItem("About Gloss", a.about),
	)
	m.main = fyne.NewMainMenu(file, edit, view, goMenu, team, help)
	if m.blocked != nil {
		guardMenus(m.main.Items, m.blocked)
	}
	return m.main
}

// guardMenus makes every item (and sub-item) do nothing while blocked says
// so: menu shortcuts reach the window before any dialog could stop them.
func guardMenus(menus []*fyne.Menu, blocked func() bool) {
	for _, m := range menus {
		for _, it := range m.Items {
			if it.ChildMenu != nil {
				guardMenus([]*fyne.Menu{it.ChildMenu}, blocked)
			}
			if act := it.Action; act != nil {
				it.Action = func() {
					if !blocked() {
						act()
					}
				}
			}
		}
	}
}

// refresh updates the parts of the menu that depend on state.
func (m *mainMenu) refresh() {
	if m.main == nil {
		return
	}
	var items []*fyne.MenuItem
	for _, p := range m.act.recent() {
		p := p
		items = append(items, fyne.NewMenuItem(recentLabel(p), func() { m.act.openRecent(p) }))
	}
	if len(items) == 0 {
		none := fyne.NewMenuItem("(none)", nil)
		none.Disabled = true
		items = append(items, none)
	}
	m.recent.ChildMenu.Items = items
	m.snap.Checked = m.act.snapOn()
	m.docs.Checked, m.side.Checked = m.act.docsShown(), m.act.sideShown()
	m.tags.Checked = m.act.tagsOn()
	m.rels.Checked = m.act.relationsOn()
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
