package textview

import "fyne.io/fyne/v2"

// thumb returns the scrollbar thumb's y and height, and false when the
// whole document fits in the view.
func (v *TextView) thumb() (y, h float32, ok bool) {
	viewH := v.Size().Height
	pos, total := v.scrollY()
	if total <= viewH || viewH <= 0 {
		return 0, 0, false
	}
	h = max(viewH*viewH/total, min(24, viewH/2))
	y = pos / (total - viewH) * (viewH - h)
	return max(0, min(y, viewH-h)), h, true
}

// onScrollbar reports whether pos is on the scrollbar strip.
func (v *TextView) onScrollbar(pos fyne.Position) bool {
	if !v.layOK {
		return false
	}
	_, _, ok := v.thumb()
	return ok && pos.X >= v.Size().Width-scrollbarWidth(v.lay.m)-2
}

// grabScrollbar starts dragging the thumb, first jumping a page towards the
// pointer when it is not on the thumb.
func (v *TextView) grabScrollbar(pos fyne.Position) {
	y, h, _ := v.thumb()
	if pos.Y < y {
		v.pageBy(-1)
	} else if pos.Y > y+h {
		v.pageBy(1)
	}
	v.mouse.thumb = true
	v.mouse.thumbY = pos.Y
	v.mouse.thumbPos, _ = v.scrollY()
}

// dragThumb scrolls in proportion to the thumb's movement.
func (v *TextView) dragThumb(pos fyne.Position) {
	_, h, ok := v.thumb()
	if !ok {
		return
	}
	viewH := v.Size().Height
	_, total := v.scrollY()
	dy := (pos.Y - v.mouse.thumbY) * (total - viewH) / max(1, viewH-h)
	v.setScrollY(v.mouse.thumbPos + dy)
}
