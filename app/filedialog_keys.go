package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// Fyne's file dialogs (dialog.NewFileSave, NewFileOpen, NewFolderOpen) give
// every key to whatever has the focus in them: the file-name Entry, or the
// files grid or favourites list after a click. None of those does anything
// with Escape, and the driver only calls the canvas' key handler (where
// dialogKey closes dialogs) when nothing has the focus. Escape without a
// modifier is never a shortcut, so no shortcut can catch it either.
//
// fileDialogKeys therefore keeps the focus with widgets of ours. A save
// dialog's name field is replaced by a fileNameEntry (its text kept in step
// with Fyne's, which the dialog reads); a click on the files grid, the
// favourites or the background gives the focus back to it. Anywhere else
// (an open or folder dialog's files after a click, a button or list reached
// with Tab) a keyCatcher holds the focus and stands in for that widget:
// Escape cancels, Enter confirms, other keys go on to the widget, and Tab
// moves on from it (the holders notice Tab through AcceptsTab).
// This reads the layout of Fyne v2.7.1's dialog/file.go (the footer's
// horizontal scroll holds the name field, the Save/Open button is the one
// of high importance); if that layout changes, the dialog simply keeps
// Fyne's behaviour (the tests in filedialog_keys_test.go fail).

// fileDialogKeys holds the keyboard of one file dialog.
type fileDialogKeys struct {
	c       fyne.Canvas
	top     fyne.CanvasObject // the dialog's overlay
	dismiss func()            // cancels: the dialog's callback gets nil
	confirm *widget.Button    // Save, Open or Choose
	name    *fileNameEntry    // save dialogs: our name field
	catcher *keyCatcher       // holds the focus for any other widget
	target  fyne.Focusable    // the widget the catcher stands in for
	tabbing bool              // the next focus change comes from Tab
}

// afterEvent runs f once the event being handled is done (the driver queues
// fyne.Do calls made on its own goroutine); tests replace it.
var afterEvent = fyne.Do

// installFileDialogKeys gives the file dialog d, just shown over win, its
// key holder. It reports whether it found the parts it needs.
func installFileDialogKeys(win fyne.Window, d *dialog.FileDialog) bool {
	c := win.Canvas()
	pop, ok := c.Overlays().Top().(*widget.PopUp)
	if !ok {
		return false
	}
	k := &fileDialogKeys{c: c, top: pop, dismiss: d.Dismiss}
	var nameScroll *container.Scroll
	walkContainers(pop.Content, func(o fyne.CanvasObject) {
		switch o := o.(type) {
		case *container.Scroll:
			if o.Direction == container.ScrollHorizontalOnly && nameScroll == nil {
				switch o.Content.(type) {
				case *widget.Entry, *widget.Label:
					nameScroll = o
				}
			}
		case *widget.Button:
			if o.Importance == widget.HighImportance {
				k.confirm = o
			}
		}
	})
	if nameScroll == nil || k.confirm == nil {
		return false
	}
	k.catcher = &keyCatcher{keys: k}
	k.catcher.ExtendBaseWidget(k.catcher)
	hold := container.NewWithoutLayout(k.catcher) // the catcher stays 0×0: no clicks land on it
	if fyneName, ok := nameScroll.Content.(*widget.Entry); ok {
		k.name = newFileNameEntry(k, fyneName)
		nameScroll.Content = container.NewStack(k.name, hold)
	} else {
		nameScroll.Content = container.NewStack(nameScroll.Content, hold)
	}
	nameScroll.Refresh()
	if k.name != nil {
		c.Focus(k.name)
	} else {
		k.focusCatcher(nil)
	}
	return true
}

// focusCatcher gives the focus to the catcher, standing in for t (nil: for
// nothing).
func (k *fileDialogKeys) focusCatcher(t fyne.Focusable) {
	k.catcher.focusing = true
	k.c.Focus(k.catcher)
	k.catcher.focusing = false
	if t != nil {
		k.target = t
		t.FocusGained() // keeps its focus drawn; the catcher passes it our keys
	}
}

// walkContainers visits o and every object inside its containers, scrolls
// and splits (the parts of a dialog that are not inside a widget).
func walkContainers(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	if o == nil {
		return
	}
	visit(o)
	switch o := o.(type) {
	case *fyne.Container:
		for _, child := range o.Objects {
			walkContainers(child, visit)
		}
	case *container.Scroll:
		walkContainers(o.Content, visit)
	case *container.Split:
		walkContainers(o.Leading, visit)
		walkContainers(o.Trailing, visit)
	}
}

// open reports whether the dialog is still shown.
func (k *fileDialogKeys) open() bool {
	for _, o := range k.c.Overlays().List() {
		if o == k.top {
			return o.Visible()
		}
	}
	return false
}

// key handles Escape (cancel) and Enter (confirm, when the dialog's button
// is enabled); it reports whether it took the key.
func (k *fileDialogKeys) key(ev *fyne.KeyEvent) bool {
	switch ev.Name {
	case fyne.KeyEscape:
		k.dismiss()
		return true
	case fyne.KeyReturn, fyne.KeyEnter:
		if !k.confirm.Disabled() {
			k.confirm.OnTapped()
		}
		return true
	}
	return false
}

// acceptsTab lets a Tab move the focus on. The catcher first hands the
// focus to the widget it stands in for, so that Tab moves on from there;
// the holder then takes the focus at the next widget.
func (k *fileDialogKeys) acceptsTab() bool {
	k.tabbing = true
	if k.c.Focused() == k.catcher && k.target != nil {
		k.c.Focus(k.target)
	}
	return false
}

// lost is called when a holder loses the focus. Once the click (or Tab)
// that took it is handled: our name field keeps a focus given to it; a
// click on the files grid, the favourites or the background gives the
// focus back to the name field of a save dialog; anything else gets the
// catcher standing in for it.
func (k *fileDialogKeys) lost() {
	tabbed := k.tabbing
	k.tabbing = false
	afterEvent(func() {
		if !k.open() || k.c.Overlays().Top() != k.top {
			return
		}
		now := k.c.Focused()
		if now == k.catcher || k.name != nil && now == fyne.Focusable(k.name) {
			return
		}
		if k.name != nil && !tabbed {
			switch now.(type) {
			case nil, *widget.GridWrap, *widget.List:
				k.c.Focus(k.name)
				return
			}
		}
		k.focusCatcher(now)
	})
}

// fileNameEntry replaces the name field of Fyne's save dialog: Escape
// cancels the dialog, Enter saves, and its text is kept in step with the
// dialog's own field (which the dialog reads and fills when a file is
// clicked).
type fileNameEntry struct {
	widget.Entry
	keys *fileDialogKeys
}

func newFileNameEntry(k *fileDialogKeys, fyneName *widget.Entry) *fileNameEntry {
	e := &fileNameEntry{keys: k}
	e.ExtendBaseWidget(e)
	e.PlaceHolder = fyneName.PlaceHolder
	e.SetText(fyneName.Text)
	e.CursorColumn = len([]rune(fyneName.Text))
	e.OnChanged = func(s string) {
		if fyneName.Text != s {
			fyneName.SetText(s) // its OnChanged enables the Save button
		}
	}
	changed := fyneName.OnChanged
	fyneName.OnChanged = func(s string) {
		if changed != nil {
			changed(s)
		}
		if e.Text != s { // the dialog filled in a clicked file's name
			e.SetText(s)
		}
	}
	return e
}

// TypedKey gives Escape and Enter to the dialog.
func (e *fileNameEntry) TypedKey(ev *fyne.KeyEvent) {
	if e.keys.key(ev) {
		return
	}
	e.Entry.TypedKey(ev)
}

// AcceptsTab lets Tab move the focus on.
func (e *fileNameEntry) AcceptsTab() bool { return e.keys.acceptsTab() }

// FocusLost takes the focus back after a click elsewhere in the dialog.
func (e *fileNameEntry) FocusLost() {
	e.Entry.FocusLost()
	e.keys.lost()
}

// keyCatcher holds the focus for a widget of a file dialog: Escape cancels,
// Enter confirms, other keys go to the widget (arrows move the files view's
// cursor, Space selects or presses a button).
type keyCatcher struct {
	widget.BaseWidget
	keys     *fileDialogKeys
	focusing bool // fileDialogKeys is giving it the focus
}

// Disabled keeps the catcher out of the Tab order: only fileDialogKeys
// gives it the focus.
func (kc *keyCatcher) Disabled() bool { return !kc.focusing }

// Enable does nothing (see Disabled).
func (kc *keyCatcher) Enable() {}

// Disable does nothing (see Disabled).
func (kc *keyCatcher) Disable() {}

// CreateRenderer draws nothing.
func (kc *keyCatcher) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewWithoutLayout())
}

// FocusGained does nothing: the catcher draws no focus.
func (kc *keyCatcher) FocusGained() {}

// FocusLost takes the focus back after a click on the files or favourites.
func (kc *keyCatcher) FocusLost() {
	if t := kc.keys.target; t != nil {
		t.FocusLost()
		kc.keys.target = nil
	}
	kc.keys.lost()
}

// TypedRune passes runes to the files view.
func (kc *keyCatcher) TypedRune(r rune) {
	if t := kc.keys.target; t != nil {
		t.TypedRune(r)
	}
}

// TypedKey gives Escape and Enter to the dialog, other keys to the files view.
func (kc *keyCatcher) TypedKey(ev *fyne.KeyEvent) {
	if kc.keys.key(ev) {
		return
	}
	if t := kc.keys.target; t != nil {
		t.TypedKey(ev)
	}
}

// AcceptsTab lets Tab move the focus on.
func (kc *keyCatcher) AcceptsTab() bool { return kc.keys.acceptsTab() }
