package textview

import (
	"gloss/annotate/unitext"
)

// Selection returns the selected code points [start, end); start == end
// means nothing is selected (the caret is at start).
func (v *TextView) Selection() (start, end int) { return v.selStart, v.selEnd }

// SelectedText returns the selected text.
func (v *TextView) SelectedText() string { return string(v.doc.runes[v.selStart:v.selEnd]) }

// SetSelection selects [start, end), widened to whole grapheme clusters
// (never to words), and scrolls nothing. OnSelectionChanged is called when
// the selection changes.
func (v *TextView) SetSelection(start, end int) {
	s, e := unitext.SnapToGraphemes(v.doc.runes, start, end)
	v.setSelection(s, e, s, e)
}

// ClearSelection collapses the selection to its start.
func (v *TextView) ClearSelection() {
	v.setSelection(v.selStart, v.selStart, v.selStart, v.selStart)
}

// setSelection sets the selection [s, e) with its fixed and moving ends,
// repaints and notifies.
func (v *TextView) setSelection(s, e, anchor, head int) {
	v.anchor, v.head = anchor, head
	if s == v.selStart && e == v.selEnd {
		v.Refresh()
		return
	}
	v.selStart, v.selEnd = s, e
	v.Refresh()
	if v.OnSelectionChanged != nil {
		v.OnSelectionChanged(s, e)
	}
}

// selectRange selects between two caret offsets given in either order,
// snapped to words when word snapping is on and snap is set, else to
// grapheme clusters. from stays fixed; to is the moving end.
func (v *TextView) selectRange(from, to int, snap bool) {
	runes := v.doc.runes
	lo, hi := min(from, to), max(from, to)
	var s, e int
	if snap && v.snapWords && lo < hi {
		s, e = unitext.SnapToWords(runes, lo, hi)
	} else {
		s, e = unitext.SnapToGraphemes(runes, lo, hi)
	}
	if to < from {
		v.setSelection(s, e, e, s)
	} else {
		v.setSelection(s, e, s, e)
	}
}

// moveHead moves the moving end of the selection to cp, extending the
// selection when extend is set (snapped to words when snap is set and word
// snapping is on) and collapsing it to a caret otherwise, and keeps cp in
// view.
func (v *TextView) moveHead(cp int, extend, snap bool) {
	cp = unitext.PrevGraphemeBreak(v.doc.runes, cp)
	if extend {
		v.selectRange(v.anchor, cp, snap)
	} else {
		v.setSelection(cp, cp, cp, cp)
	}
	v.ScrollToOffset(cp)
}
