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
func (r *tipRichText) truncated() bool {
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
	return w > r.Size().Width-1 // a text that fits exactly is cut off too
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
