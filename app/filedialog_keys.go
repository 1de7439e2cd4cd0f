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
// fileDialogKeys therefore puts a key holder of ours into the dialog, which
// keeps the focus: in a save dialog a fileNameEntry that replaces Fyne's
// name field (its text kept in step with Fyne's, which the dialog reads),
// in the others a keyCatcher that passes arrow keys and Space on to the
// files view last clicked. When a click moves the focus to a list or grid of
// the dialog (or nowhere), the holder takes it back. Tab still moves the
// focus on as Fyne does (the holder notices Tab through AcceptsTab).
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
	holder  fyne.Focusable    // our name field or key catcher
	target  fyne.Focusable    // open dialogs: the files view that clicks focused
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
	switch name := nameScroll.Content.(type) {
	case *widget.Entry:
		e := newFileNameEntry(k, name)
		k.holder = e
		nameScroll.Content = e
	case *widget.Label:
		kc := &keyCatcher{keys: k}
		kc.ExtendBaseWidget(kc)
		k.holder = kc
		nameScroll.Content = container.NewStack(name, container.NewWithoutLayout(kc)) // kc stays 0×0: no clicks land on it
	}
	nameScroll.Refresh()
	c.Focus(k.holder)
	return true
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

// acceptsTab lets a Tab move the focus on. From a save dialog's name field
// the focus goes on as Fyne moves it, and stays there. An open dialog's key
// catcher hands the focus to the files view or button it stands in for, so
// that Tab moves on from there, and then takes it back.
func (k *fileDialogKeys) acceptsTab() bool {
	if _, catcher := k.holder.(*keyCatcher); catcher {
		if t := k.target; t != nil {
			k.c.Focus(t)
		}
		return false
	}
	k.tabbing = true
	return false
}

// lost is called when the holder loses the focus: once the click (or Tab)
// that took it is handled, the holder takes the focus back. The name field
// of a save dialog takes it back from the files grid, the favourites list or
// nowhere (a click on the background), not from where Tab moved it; the
// key catcher of an open dialog takes it back from anything in the dialog,
// and passes keys on to it.
func (k *fileDialogKeys) lost() {
	if k.tabbing {
		k.tabbing = false
		return
	}
	afterEvent(func() {
		if !k.open() || k.c.Overlays().Top() != k.top {
			return
		}
		now := k.c.Focused()
		if now == k.holder {
			return
		}
		_, catcher := k.holder.(*keyCatcher)
		switch now.(type) {
		case nil, *widget.GridWrap, *widget.List:
		default:
			if !catcher {
				return
			}
		}
		k.c.Focus(k.holder)
		if catcher && now != nil {
			k.target = now
			now.FocusGained() // keeps its focus drawn; the catcher passes it our keys
		}
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

// keyCatcher holds the focus in Fyne's open and folder dialogs: Escape
// cancels, Enter opens what is selected, other keys go to the files view
// that was clicked last (arrows move its cursor, Space selects).
type keyCatcher struct {
	widget.BaseWidget
	keys *fileDialogKeys
}

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
