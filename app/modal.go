package app

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// Every dialog of the window is shown through showDialog (or one of the
// helpers below), which lets the keyboard reach it: Escape closes it, Enter
// confirms it (issue 15, defect 2). The canvas gets the keys because nothing
// in a new dialog has focus (the overlay has its own focus); a text field
// inside a dialog gets the keys itself once it has the focus, so the
// dialogs' fields are dialogEntry (or keyEntry), which pass Escape on to the
// dialog. While any dialog is open, no window shortcut or hotkey acts on
// what is underneath (dialogOpen).

// dialogKeys are what Escape and Enter do in a dialog; nil: nothing.
type dialogKeys struct {
	escape, enter func()
}

// openDialogs maps the overlay of each dialog shown to its keys. Entries of
// closed dialogs are dropped when found.
var openDialogs = struct {
	sync.Mutex
	keys map[fyne.CanvasObject]dialogKeys
}{keys: map[fyne.CanvasObject]dialogKeys{}}

// showDialog shows d over win, with keys for Escape and Enter.
func showDialog(win fyne.Window, d dialog.Dialog, keys dialogKeys) {
	d.Show() // a new overlay has its own focus: unless the dialog focuses a field, keys reach the canvas
	top := win.Canvas().Overlays().Top()
	if top == nil {
		return
	}
	openDialogs.Lock()
	defer openDialogs.Unlock()
	for o := range openDialogs.keys {
		if !o.Visible() { // closed
			delete(openDialogs.keys, o)
		}
	}
	openDialogs.keys[top] = keys
}

// dialogOpen reports whether a dialog (or another modal overlay, like the
// label palette) covers win: the window's own shortcuts then do nothing.
func dialogOpen(win fyne.Window) bool {
	return win != nil && win.Canvas().Overlays().Top() != nil
}

// dialogKey gives a key to the dialog on top of win: Escape closes it,
// Enter (or Return) confirms it. It reports whether a dialog is open, in
// which case the key must not reach the window underneath.
func dialogKey(win fyne.Window, ev *fyne.KeyEvent) bool {
	return canvasDialogKey(win.Canvas(), ev)
}

// escapeDialog closes the dialog that holds obj, for a text field in a
// dialog, which gets Escape itself instead of the canvas. It reports
// whether obj is in a dialog.
func escapeDialog(obj fyne.CanvasObject) bool {
	c := fyne.CurrentApp().Driver().CanvasForObject(obj)
	if c == nil || c.Overlays().Top() == nil {
		return false
	}
	return canvasDialogKey(c, &fyne.KeyEvent{Name: fyne.KeyEscape})
}

// canvasDialogKey gives a key to the dialog on top of canvas c, as dialogKey.
func canvasDialogKey(c fyne.Canvas, ev *fyne.KeyEvent) bool {
	top := c.Overlays().Top()
	if top == nil {
		return false
	}
	openDialogs.Lock()
	keys, known := openDialogs.keys[top]
	openDialogs.Unlock()
	if !known {
		if p, ok := top.(*widget.PopUp); ok && ev.Name == fyne.KeyEscape {
			keys.escape = p.Hide
		}
	}
	var act func()
	switch ev.Name {
	case fyne.KeyEscape:
		act = keys.escape
	case fyne.KeyReturn, fyne.KeyEnter:
		act = keys.enter
	}
	if act != nil {
		act()
	}
	return true
}

// guarded returns action made to do nothing while a dialog is open over win.
func guarded(win fyne.Window, action func()) func() {
	if action == nil {
		return nil
	}
	return func() {
		if !dialogOpen(win) {
			action()
		}
	}
}

// showInformation shows a message with an OK button; Escape and Enter close it.
func showInformation(win fyne.Window, title, message string) {
	d := dialog.NewInformation(title, message, win)
	showDialog(win, d, dialogKeys{escape: d.Hide, enter: d.Hide})
}

// showConfirm asks a yes/no question; Enter answers yes, Escape no.
func showConfirm(win fyne.Window, title, message string, answer func(bool)) {
	showConfirmDialog(win, dialog.NewConfirm(title, message, answer, win))
}

// showConfirmDialog shows a confirm dialog; Enter confirms, Escape cancels.
func showConfirmDialog(win fyne.Window, d *dialog.ConfirmDialog) {
	showDialog(win, d, dialogKeys{escape: d.Dismiss, enter: d.Confirm})
}

// showCustom shows a dialog with one button that closes it, as Escape and
// Enter do.
func showCustom(win fyne.Window, d *dialog.CustomDialog) {
	showDialog(win, d, dialogKeys{escape: d.Hide, enter: d.Hide})
}
