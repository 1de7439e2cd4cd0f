package textview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"gloss/annotate/unitext"
)

var (
	_ fyne.Focusable    = (*TextView)(nil)
	_ desktop.Keyable   = (*TextView)(nil)
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
	v.shiftDown, v.altDown = false, false
	v.Refresh()
}

// KeyDown tracks the shift keys, which make arrows and clicks extend the
// selection, and the Alt keys, which with shift move its start instead.
func (v *TextView) KeyDown(ev *fyne.KeyEvent) {
	switch ev.Name {
	case desktop.KeyShiftLeft, desktop.KeyShiftRight:
		v.shiftDown = true
	case desktop.KeyAltLeft, desktop.KeyAltRight:
		v.altDown = true
	}
}

// KeyUp tracks the shift and Alt keys.
func (v *TextView) KeyUp(ev *fyne.KeyEvent) {
	switch ev.Name {
	case desktop.KeyShiftLeft, desktop.KeyShiftRight:
		v.shiftDown = false
	case desktop.KeyAltLeft, desktop.KeyAltRight:
		v.altDown = false
	}
}

// TypedKey moves the caret (arrows, Home, End; with shift they extend the
// selection), scrolls (Page Up, Page Down) and clears the selection
// (Escape). Every other key goes to OnTypedKey, as does Escape when nothing
// is selected.
func (v *TextView) TypedKey(ev *fyne.KeyEvent) {
	runes := v.doc.runes
	shift := v.shift()
	if shift && v.alt() && (ev.Name == fyne.KeyLeft || ev.Name == fyne.KeyRight) {
		v.moveStart(ev.Name)
		return
	}
	switch ev.Name {
	case fyne.KeyLeft:
		if !shift && v.selStart != v.selEnd {
			v.moveHead(v.selStart, false)
		} else {
			v.moveHead(unitext.GraphemeBefore(runes, v.head), shift)
		}
	case fyne.KeyRight:
		if !shift && v.selStart != v.selEnd {
			v.moveHead(v.selEnd, false)
		} else {
			v.moveHead(unitext.GraphemeAfter(runes, v.head), shift)
		}
	case fyne.KeyUp:
		v.moveLines(-1, shift)
	case fyne.KeyDown:
		v.moveLines(1, shift)
	case fyne.KeyHome:
		v.moveToLineEdge(false, shift)
	case fyne.KeyEnd:
		v.moveToLineEdge(true, shift)
	case fyne.KeyPageUp:
		v.pageBy(-1)
	case fyne.KeyPageDown:
		v.pageBy(1)
	case fyne.KeyEscape:
		if v.selStart != v.selEnd {
			v.ClearSelection()
			return
		}
		fallthrough
	default:
		if v.OnTypedKey != nil {
			v.OnTypedKey(ev)
		}
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
		// The desktop driver delivers Alt+Shift+arrows as a shortcut.
		if sc.Modifier == fyne.KeyModifierAlt|fyne.KeyModifierShift && (sc.KeyName == fyne.KeyLeft || sc.KeyName == fyne.KeyRight) {
			v.moveStart(sc.KeyName)
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

// shift reports whether a shift key is down: as the desktop driver says,
// or as tracked through KeyDown and KeyUp.
// moveStart moves the start of the selection by one character left or
// right, keeping its end (and so resizes a selected span from its start).
func (v *TextView) moveStart(key fyne.KeyName) {
	if v.selStart != v.selEnd && v.head == v.selEnd {
		v.anchor, v.head = v.selEnd, v.selStart // the caret goes to the start
	}
	if key == fyne.KeyLeft {
		v.moveHead(unitext.GraphemeBefore(v.doc.runes, v.head), true)
	} else {
		v.moveHead(unitext.GraphemeAfter(v.doc.runes, v.head), true)
	}
}

// alt reports whether an Alt key is held.
func (v *TextView) alt() bool {
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok && d.CurrentKeyModifiers()&fyne.KeyModifierAlt != 0 {
		return true
	}
	return v.altDown
}

func (v *TextView) shift() bool {
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok && d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0 {
		return true
	}
	return v.shiftDown
}

// moveLines moves the caret up or down by n lines, keeping its x, and
// extends the selection with it when extend is set.
func (v *TextView) moveLines(n int, extend bool) {
	if !v.prepare() {
		return
	}
	pos := v.PositionOf(v.head)
	pos.Y += float32(n)*v.lay.m.lineH + v.lay.m.lineH/2
	v.moveHead(v.OffsetAt(pos), extend)
}

// moveToLineEdge moves the caret to the start or end of its line.
func (v *TextView) moveToLineEdge(end, extend bool) {
	if !v.prepare() {
		return
	}
	pos := v.PositionOf(v.head)
	pos.Y += v.lay.m.lineH / 2
	if end {
		pos.X = v.Size().Width
	} else {
		pos.X = 0
	}
	v.moveHead(v.OffsetAt(pos), extend)
}
