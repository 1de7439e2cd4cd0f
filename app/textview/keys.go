package textview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"gloss/annotate"
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

// TypedKey moves the caret (arrows, Home, End; with shift they extend the
// selection), scrolls (Page Up, Page Down) and clears the selection
// (Escape). Every other key goes to OnTypedKey, as does Escape when nothing
// is selected.
func (v *TextView) TypedKey(ev *fyne.KeyEvent) {
	runes := v.doc.runes
	mods := v.keyModifiers()
	shift := mods&fyne.KeyModifierShift != 0
	if shift && mods&fyne.KeyModifierAlt != 0 && (ev.Name == fyne.KeyLeft || ev.Name == fyne.KeyRight) {
		v.moveStart(ev.Name)
		return
	}
	switch ev.Name {
	case fyne.KeyLeft:
		if !shift && v.selStart != v.selEnd {
			v.moveHead(v.selStart, false)
		} else {
			v.moveHead(annotate.GraphemeBefore(runes, v.head), shift)
		}
	case fyne.KeyRight:
		if !shift && v.selStart != v.selEnd {
			v.moveHead(v.selEnd, false)
		} else {
			v.moveHead(annotate.GraphemeAfter(runes, v.head), shift)
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

// moveStart moves the start of the selection by one character left or
// right, keeping its end (and so resizes a selected span from its start).
func (v *TextView) moveStart(key fyne.KeyName) {
	if v.selStart != v.selEnd && v.head == v.selEnd {
		v.anchor, v.head = v.selEnd, v.selStart // the caret goes to the start
	}
	if key == fyne.KeyLeft {
		v.moveHead(annotate.GraphemeBefore(v.doc.runes, v.head), true)
	} else {
		v.moveHead(annotate.GraphemeAfter(v.doc.runes, v.head), true)
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
