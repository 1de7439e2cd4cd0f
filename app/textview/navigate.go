package textview

import (
	"math"
	"unicode"

	"fyne.io/fyne/v2"

	"gloss/annotate"
	"gloss/annotate/unitext"
)

// navigate moves the caret for a navigation key with the modifiers held,
// and reports whether it did. With shift the selection is extended:
//
//   - Left/Right move by one grapheme cluster; with Ctrl by one word.
//     Shift+Left/Right extend by one word while word snapping is on, so that
//     what the keyboard selects is what a label is saved on (a press per
//     character would keep showing the same snapped selection), and by one
//     cluster when snapping is off or when the selection is the selected
//     span, which they resize a character at a time.
//   - Alt+Shift+Left/Right move the start of the selection instead of its
//     end, by one cluster.
//   - Up/Down move by one line; Home/End to the start or end of the line,
//     with Ctrl of the document.
//
// Keyboard selections snap to words like mouse drags unless they resize the
// selected span.
func (v *TextView) navigate(key fyne.KeyName, mods fyne.KeyModifier) bool {
	shift := mods&fyne.KeyModifierShift != 0
	ctrl := mods&fyne.KeyModifierControl != 0
	alt := mods&fyne.KeyModifierAlt != 0
	if mods&fyne.KeyModifierSuper != 0 {
		return false
	}
	runes := v.doc.runes
	snap := shift && !v.resizing()
	switch key {
	case fyne.KeyLeft, fyne.KeyRight:
		left := key == fyne.KeyLeft
		switch {
		case alt && shift && !ctrl:
			v.moveStart(left)
		case alt:
			return false
		case ctrl || snap && v.snapWords:
			v.moveHead(wordStep(runes, v.head, left), shift, snap)
		case !shift && v.selStart != v.selEnd:
			if left {
				v.moveHead(v.selStart, false, false)
			} else {
				v.moveHead(v.selEnd, false, false)
			}
		case left:
			v.moveHead(unitext.GraphemeBefore(runes, v.head), shift, snap)
		default:
			v.moveHead(unitext.GraphemeAfter(runes, v.head), shift, snap)
		}
	case fyne.KeyUp, fyne.KeyDown:
		if ctrl || alt {
			return false
		}
		n := 1
		if key == fyne.KeyUp {
			n = -1
		}
		v.moveLines(n, shift, snap)
	case fyne.KeyHome, fyne.KeyEnd:
		end := key == fyne.KeyEnd
		switch {
		case alt:
			return false
		case ctrl && end:
			v.moveHead(len(runes), shift, snap)
		case ctrl:
			v.moveHead(0, shift, snap)
		default:
			v.moveToLineEdge(end, shift, snap)
		}
	case fyne.KeyPageUp, fyne.KeyPageDown:
		if ctrl || alt {
			return false
		}
		if key == fyne.KeyPageUp {
			v.pageBy(-1)
		} else {
			v.pageBy(1)
		}
	default:
		return false
	}
	return true
}

// resizing reports whether the selection is the selected span, which
// shift+arrows then resize character by character.
func (v *TextView) resizing() bool {
	if v.selectedSpan == "" || v.selStart == v.selEnd {
		return false
	}
	found := false
	v.spans.overlapping(v.selStart, v.selEnd, func(s *annotate.Span) {
		if s.ID == v.selectedSpan && s.Start == v.selStart && s.End == v.selEnd {
			found = true
		}
	})
	return found
}

// wordStep returns the caret offset one word left or right of cp: past
// the whitespace next to cp, then over a word (or one other character such
// as punctuation).
func wordStep(runes []rune, cp int, left bool) int {
	n := len(runes)
	if left {
		for cp > 0 {
			b := unitext.GraphemeBefore(runes, cp)
			if !unicode.IsSpace(runes[b]) {
				s, _ := unitext.WordAt(runes, b)
				return s
			}
			cp = b
		}
		return 0
	}
	for cp < n && unicode.IsSpace(runes[cp]) {
		cp = unitext.GraphemeAfter(runes, cp)
	}
	if cp >= n {
		return n
	}
	_, e := unitext.WordAt(runes, cp)
	return e
}

// moveStart moves the start of the selection by one character left or
// right, keeping its end (and so resizes a selected span from its start).
func (v *TextView) moveStart(left bool) {
	if v.selStart != v.selEnd && v.head == v.selEnd {
		v.anchor, v.head = v.selEnd, v.selStart // the caret goes to the start
	}
	if left {
		v.moveHead(unitext.GraphemeBefore(v.doc.runes, v.head), true, false)
	} else {
		v.moveHead(unitext.GraphemeAfter(v.doc.runes, v.head), true, false)
	}
}

// moveLines moves the caret up or down by n lines, keeping its x, and
// extends the selection with it when extend is set.
func (v *TextView) moveLines(n int, extend, snap bool) {
	if !v.prepare() {
		return
	}
	pos := v.PositionOf(v.head)
	pos.Y += float32(n)*v.lay.m.lineH + v.lay.m.textH/2 // the middle of the text, below any tags
	v.moveHead(v.OffsetAt(pos), extend, snap)
}

// moveToLineEdge moves the caret to the start or end of its line.
func (v *TextView) moveToLineEdge(end, extend, snap bool) {
	if !v.prepare() {
		return
	}
	p := v.doc.paraOf(v.head)
	pl, li := v.lay.ensureCP(p, v.head)
	cp := pl.lines[li].start
	if end {
		cp = v.offsetInLine(p, li, math.MaxFloat32, false)
	}
	v.moveHead(cp, extend, snap)
}
