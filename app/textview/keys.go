package textview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

var (
	_ fyne.Focusable    = (*TextView)(nil)
	_ fyne.Shortcutable = (*TextView)(nil)
)

// FocusGained shows the caret.
func (v *TextView) FocusGained() {
	v.focused = true
	v.Refresh()
}

// FocusLost hides the caret.
func (v *TextView) FocusLost() {
	v.focused = false
	v.Refresh()
}

// TypedKey moves the caret and extends the selection (see navigate),
// scrolls (Page Up, Page Down), cycles through overlapping spans (Tab) and
// clears the selection (Escape). Every other key goes to OnTypedKey, as do
// Escape when nothing is selected and Tab when there is nothing to cycle.
func (v *TextView) TypedKey(ev *fyne.KeyEvent) {
	mods := v.keyModifiers()
	if v.navigate(ev.Name, mods) {
		return
	}
	switch ev.Name {
	case fyne.KeyTab:
		if v.TabWalksSpans && v.walkSpan(mods&fyne.KeyModifierShift != 0) {
			return
		}
		if v.cycleSpan(mods&fyne.KeyModifierShift != 0) {
			return
		}
	case fyne.KeyEscape:
		if v.selStart != v.selEnd {
			v.ClearSelection()
			return
		}
	}
	if v.OnTypedKey != nil {
		v.OnTypedKey(ev)
	}
}

// TypedRune passes typed characters to OnTypedRune.
func (v *TextView) TypedRune(r rune) {
	if v.OnTypedRune != nil {
		v.OnTypedRune(r)
	}
}

// TypedShortcut copies the selection and selects all; other shortcuts go
// to OnShortcut, or to the canvas when that is nil.
func (v *TextView) TypedShortcut(s fyne.Shortcut) {
	switch sc := s.(type) {
	case *fyne.ShortcutCopy:
		if v.selStart == v.selEnd {
			return
		}
		cb := sc.Clipboard
		if cb == nil {
			cb = fyne.CurrentApp().Clipboard()
		}
		if cb != nil {
			cb.SetContent(v.SelectedText())
		}
		return
	case *fyne.ShortcutSelectAll:
		v.SetSelection(0, len(v.doc.runes))
		return
	case *desktop.CustomShortcut:
		// The desktop driver delivers keys with Ctrl or Alt as shortcuts
		// (Ctrl+Left, Ctrl+Shift+End, Alt+Shift+Left, ...).
		if v.navigate(sc.KeyName, sc.Modifier) {
			return
		}
	}
	if v.OnShortcut != nil {
		v.OnShortcut(s)
		return
	}
	if c, ok := fyne.CurrentApp().Driver().CanvasForObject(v).(fyne.Shortcutable); ok {
		c.TypedShortcut(s)
	}
}

// keyModifiers returns the modifier keys held with the key event being
// handled. The desktop driver records them from that very event, so unlike
// state tracked through KeyDown and KeyUp it cannot be left stale by a
// dialog that received the key-up (issue 15, defect 1). Drivers without
// modifiers (mobile, the test driver) report none.
func (v *TextView) keyModifiers() fyne.KeyModifier {
	if v.modifiers != nil {
		return v.modifiers()
	}
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		return d.CurrentKeyModifiers()
	}
	return 0
}
