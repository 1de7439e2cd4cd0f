package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// tipLabel is a one-line label that ends in an ellipsis when its text does
// not fit, and shows its whole text (or tip, when set) in a tooltip while
// the mouse rests on it. Its minimum size does not depend on the text, so a
// long text never pushes the widgets around it.
type tipLabel struct {
	widget.Label
	tip  string // shown instead of Text when set
	tips *tooltips
}

var _ desktop.Hoverable = (*tipLabel)(nil)

func newTipLabel(text string) *tipLabel {
	l := &tipLabel{}
	l.Text = text
	l.Truncation = fyne.TextTruncateEllipsis
	l.ExtendBaseWidget(l)
	return l
}

// setText changes the text and the tooltip ("" shows the text itself).
func (l *tipLabel) setText(text, tip string) {
	l.tip = tip
	l.SetText(text)
}

// tipText is what the tooltip shows.
func (l *tipLabel) tipText() string {
	if l.tip != "" {
		return l.tip
	}
	return l.Text
}

// MouseIn schedules the tooltip.
func (l *tipLabel) MouseIn(*desktop.MouseEvent) {
	if l.tips != nil {
		l.tips.show(l, l.tipText())
	}
}

// MouseMoved does nothing: the tooltip stays where it opened.
func (l *tipLabel) MouseMoved(*desktop.MouseEvent) {}

// MouseOut hides the tooltip.
func (l *tipLabel) MouseOut() {
	if l.tips != nil {
		l.tips.hide()
	}
}
