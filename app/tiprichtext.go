package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// tipRichText is a one-line rich text (a document title with its search
// matches highlighted) that ends in an ellipsis when it does not fit and
// then shows its whole text in a tooltip while the mouse rests on it.
type tipRichText struct {
	widget.RichText
	tip  string // the whole text
	tips *tooltips
}

var _ desktop.Hoverable = (*tipRichText)(nil)

func newTipRichText(tips *tooltips) *tipRichText {
	r := &tipRichText{tips: tips}
	r.Truncation = fyne.TextTruncateEllipsis
	r.ExtendBaseWidget(r)
	return r
}

// truncated reports whether the text is wider than the room it has, so
// that it is drawn cut off with an ellipsis.
func (r *tipRichText) truncated() bool { return r.widerThan(r.Size().Width) }

// widerThan reports whether the text does not fit in width (measured with
// fyne.MeasureText, whose sizes are cached).
func (r *tipRichText) widerThan(width float32) bool {
	w := theme.InnerPadding() * 2
	for _, s := range r.Segments {
		ts, ok := s.(*widget.TextSegment)
		if !ok {
			continue
		}
		size := theme.TextSize()
		if ts.Style.SizeName != "" {
			size = theme.Size(ts.Style.SizeName)
		}
		w += fyne.MeasureText(ts.Text, size, ts.Style.TextStyle).Width
	}
	return w > width-1 // a text that fits exactly is cut off too
}

// setText shows segs, a refresh only when they differ from those shown.
// The ellipsis is only asked for when the text does not fit: Fyne's
// truncation shapes every segment again at each refresh (a new shaper
// each time), which made it most of the cost of redrawing a list row.
func (r *tipRichText) setText(segs []widget.RichTextSegment) {
	if sameSegments(r.Segments, segs) {
		return
	}
	r.Segments = segs
	r.fitTruncation(r.Size().Width)
	r.Refresh()
}

// fitTruncation asks for the ellipsis when the text is wider than width
// (or not laid out yet), and reports whether that changed.
func (r *tipRichText) fitTruncation(width float32) bool {
	t := fyne.TextTruncateOff
	if width <= 0 || r.widerThan(width) {
		t = fyne.TextTruncateEllipsis
	}
	changed := t != r.Truncation
	r.Truncation = t
	return changed
}

// Resize lays the text out in size, with the ellipsis when it no longer
// fits (or without, when it now does).
func (r *tipRichText) Resize(size fyne.Size) {
	if r.fitTruncation(size.Width) {
		r.RichText.Resize(size)
		r.Refresh()
		return
	}
	r.RichText.Resize(size)
}

// sameSegments reports whether a and b are text segments of the same
// texts and styles.
func sameSegments(a, b []widget.RichTextSegment) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, ok1 := a[i].(*widget.TextSegment)
		y, ok2 := b[i].(*widget.TextSegment)
		if !ok1 || !ok2 || x.Text != y.Text || x.Style != y.Style {
			return false
		}
	}
	return true
}

// MouseIn schedules the tooltip when the text is cut off.
func (r *tipRichText) MouseIn(*desktop.MouseEvent) {
	if r.tips != nil && r.truncated() {
		r.tips.show(r, r.tip)
	}
}

// MouseMoved does nothing: the tooltip stays where it opened.
func (r *tipRichText) MouseMoved(*desktop.MouseEvent) {}

// MouseOut hides the tooltip.
func (r *tipRichText) MouseOut() {
	if r.tips != nil {
		r.tips.hide()
	}
}
