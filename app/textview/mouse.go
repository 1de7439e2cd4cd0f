package textview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"gloss/annotate/unitext"
)

var (
	_ desktop.Mouseable   = (*TextView)(nil)
	_ desktop.Hoverable   = (*TextView)(nil)
	_ desktop.Cursorable  = (*TextView)(nil)
	_ fyne.Draggable      = (*TextView)(nil)
	_ fyne.Tappable       = (*TextView)(nil)
	_ fyne.DoubleTappable = (*TextView)(nil)
	_ fyne.Scrollable     = (*TextView)(nil)
)

// mouseState tracks a press of the primary button until its release.
type mouseState struct {
	down     bool // primary button pressed on the text
	selFrom  int  // caret offset where the selection drag started
	dragged  bool // the pointer moved with the button down
	handled  bool // MouseUp already acted on this click; Tapped must not
	thumb    bool // the press is dragging the scrollbar thumb
	thumbY   float32
	thumbPos float32       // scroll position when the thumb drag started
	link     string        // Alt+drag from this span: a relation, not a selection
	linkPos  fyne.Position // where that drag is now
}

// Cursor returns the text cursor for the mouse pointer.
func (v *TextView) Cursor() desktop.Cursor { return desktop.TextCursor }

// MouseDown starts a selection at the pointer, extends the current one when
// shift is held, or grabs the scrollbar.
func (v *TextView) MouseDown(ev *desktop.MouseEvent) {
	v.requestFocus()
	v.setHover(-1) // a press ends the hover: its tooltip must not cover the new selection
	v.mouse = mouseState{}
	if ev.Button != desktop.MouseButtonPrimary || !v.prepare() {
		return
	}
	if v.onScrollbar(ev.Position) {
		v.grabScrollbar(ev.Position)
		return
	}
	if v.linkStart(&fyneMouse{ev.Position, ev.Modifier}) {
		return
	}
	v.mouse.down = true
	cp := v.OffsetAt(ev.Position)
	// Only the event says whether shift is held: state tracked from key
	// events goes stale when a dialog takes the key-up.
	if ev.Modifier&fyne.KeyModifierShift != 0 {
		v.mouse.selFrom = v.anchor
		v.mouse.handled = true // a shift+click extends; it is no tap
		v.selectRange(v.anchor, cp, true)
		return
	}
	v.mouse.selFrom = cp
	v.setSelection(cp, cp, cp, cp)
}

// MouseUp finishes a click: without a drag it acts at once as a tap (the
// delayed Tapped that follows is then ignored).
func (v *TextView) MouseUp(ev *desktop.MouseEvent) {
	if v.mouse.link != "" {
		v.mouse.linkPos = ev.Position
		v.linkEnd()
		return
	}
	if !v.mouse.down || v.mouse.dragged || v.mouse.handled {
		v.mouse.down = false
		return
	}
	v.mouse.down = false
	v.mouse.handled = true
	v.click(ev.Position)
}

// Tapped handles a click that MouseUp did not already handle (as when a
// test taps the view).
func (v *TextView) Tapped(ev *fyne.PointEvent) {
	if v.mouse.handled {
		v.mouse.handled = false
		return
	}
	v.requestFocus()
	v.click(ev.Position)
}

// click places the caret at pos and reports the span tapped there: the
// innermost one, or the next one out when the same character is clicked
// again (see spanForClick).
func (v *TextView) click(pos fyne.Position) {
	if !v.prepare() || v.onScrollbar(pos) {
		return
	}
	id := v.spanForClick(v.runeAt(pos))
	v.selectedSpan = id
	cp := v.OffsetAt(pos)
	v.setSelection(cp, cp, cp, cp)
	if v.OnSpanTapped != nil {
		v.OnSpanTapped(id)
	}
}

// DoubleTapped selects the word under the pointer.
func (v *TextView) DoubleTapped(ev *fyne.PointEvent) {
	v.mouse.handled = false
	if !v.prepare() || v.onScrollbar(ev.Position) {
		return
	}
	cp := v.runeAt(ev.Position)
	if cp < 0 {
		cp = v.OffsetAt(ev.Position)
	}
	s, e := unitext.WordAt(v.doc.runes, cp)
	v.setSelection(s, e, s, e)
}

// Dragged extends the selection to the pointer, scrolling when it leaves
// the view, or moves the scrollbar thumb.
func (v *TextView) Dragged(ev *fyne.DragEvent) {
	if !v.prepare() {
		return
	}
	if v.mouse.thumb {
		v.dragThumb(ev.Position)
		return
	}
	if v.mouse.link != "" {
		v.mouse.linkPos = ev.Position
		return
	}
	if !v.mouse.down { // no MouseDown seen: start where the drag started
		v.mouse = mouseState{down: true, selFrom: v.OffsetAt(ev.Position.Subtract(ev.Dragged))}
	}
	v.mouse.dragged = true
	pos := ev.Position
	lh, h := v.lay.m.lineH, v.Size().Height
	if pos.Y < 0 {
		v.scrollBy(max(pos.Y, -lh))
	} else if pos.Y > h {
		v.scrollBy(min(pos.Y-h, lh))
	}
	v.selectRange(v.mouse.selFrom, v.OffsetAt(pos), true)
}

// DragEnd finishes a drag.
func (v *TextView) DragEnd() {
	v.linkEnd()
	v.mouse.thumb = false
	v.mouse.down = false
}

// MouseIn reports the labels under the pointer.
func (v *TextView) MouseIn(ev *desktop.MouseEvent) { v.hover(ev.Position) }

// MouseMoved reports the labels under the pointer when it moves to another
// character.
func (v *TextView) MouseMoved(ev *desktop.MouseEvent) { v.hover(ev.Position) }

// MouseOut reports that the pointer left the text.
func (v *TextView) MouseOut() { v.setHover(-1) }

func (v *TextView) hover(pos fyne.Position) {
	if v.mouse.down { // selecting: no hover until the button is released and the mouse moves
		return
	}
	if v.onScrollbar(pos) {
		v.setHover(-1)
		return
	}
	v.setHover(v.runeAt(pos))
}

func (v *TextView) setHover(cp int) {
	if cp == v.hoverCP {
		return
	}
	v.hoverCP = cp
	if v.OnHover != nil {
		v.OnHover(cp, v.LabelsAt(cp))
	}
}

func (v *TextView) requestFocus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil && c.Focused() != v {
		c.Focus(v)
	}
}
