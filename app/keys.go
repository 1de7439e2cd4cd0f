package app

import (
	"fyne.io/fyne/v2"
)

// keyboard routes the keys that no focused widget takes: label hotkeys,
// Delete, Escape and F1 reach it both from the text view (which forwards
// the keys it does not use) and from the canvas when nothing has focus.
type keyboard struct {
	win  fyne.Window
	view fyne.Focusable

	onRune   func(r rune) // a label hotkey, perhaps
	onDelete func()
	onEscape func()
	onHelp   func()
	onFind   func(back bool) // F3, Shift+F3: next or previous hit of the find bar
	onEnter  func()          // Return or Enter: confirm a relation's target
}

// install takes the canvas's keys.
func (k *keyboard) install() {
	c := k.win.Canvas()
	c.SetOnTypedRune(k.typedRune)
	c.SetOnTypedKey(k.typedKey)
}

// typedRune passes a typed character on: the label with that hotkey
// applies, unless a dialog is open.
func (k *keyboard) typedRune(r rune) {
	if !dialogOpen(k.win) {
		k.onRune(r)
	}
}

// typedKey handles Delete/Backspace (delete the selected span), Escape
// (clear the selection) and F1 (shortcut help). While a dialog is open the
// keys go to it instead (Escape closes, Enter confirms).
func (k *keyboard) typedKey(ev *fyne.KeyEvent) {
	if dialogKey(k.win, ev) {
		return
	}
	switch ev.Name {
	case fyne.KeyDelete, fyne.KeyBackspace:
		k.onDelete()
	case fyne.KeyEscape:
		k.onEscape()
	case fyne.KeyF1:
		k.onHelp()
	case fyne.KeyReturn, fyne.KeyEnter:
		if k.onEnter != nil {
			k.onEnter()
		}
	case fyne.KeyF3:
		if k.onFind != nil {
			k.onFind(shiftHeld())
		}
	}
}

// undoer is a text field with its own undo history (widget.Entry).
type undoer interface {
	Undo()
	Redo()
}

// shortcutOr gives an undo or redo shortcut to a focused text field, which
// undoes its own typing; anywhere else it runs the window's action.
func (k *keyboard) shortcutOr(sc fyne.Shortcut, action func()) {
	if f := k.win.Canvas().Focused(); f != nil && f != k.view {
		if u, ok := f.(undoer); ok {
			if _, redo := sc.(*fyne.ShortcutRedo); redo {
				u.Redo()
			} else {
				u.Undo()
			}
			return
		}
	}
	action()
}

// addAltShortcuts registers second shortcuts for menu actions (a menu item
// shows one). They reach the canvas when nothing has focus and from the text
// view, which passes on the shortcuts it does not use; a text field keeps
// Ctrl+Y for its own redo.
func (k *keyboard) addAltShortcuts(redo, zoomIn func()) {
	c := k.win.Canvas()
	redo, zoomIn = guarded(k.win, redo), guarded(k.win, zoomIn)
	c.AddShortcut(&fyne.ShortcutRedo{}, func(fyne.Shortcut) { redo() })
	in := func(fyne.Shortcut) { zoomIn() }
	c.AddShortcut(shortcut(fyne.KeyEqual, fyne.KeyModifierShift), in) // Ctrl++ on US keyboards
	c.AddShortcut(shortcut(fyne.KeyPlus, 0), in)                      // keypad +
	c.AddShortcut(shortcut(fyne.KeyPlus, fyne.KeyModifierShift), in)
}
