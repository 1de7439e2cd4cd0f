package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// tipButton is a button that shows a tooltip while the mouse rests on it,
// for buttons with only an icon (the label bar's magnifier).
type tipButton struct {
	widget.Button
	tips *tooltips
	tip  string
}

func newTipButton(icon fyne.Resource, tip string, tips *tooltips, tapped func()) *tipButton {
	b := &tipButton{tips: tips, tip: tip}
	b.Icon, b.OnTapped = icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// MouseIn schedules the tooltip.
func (b *tipButton) MouseIn(ev *desktop.MouseEvent) {
	b.Button.MouseIn(ev)
	b.tips.show(b, b.tip)
}

// MouseOut hides it.
func (b *tipButton) MouseOut() {
	b.Button.MouseOut()
	b.tips.hide()
}

// Tapped hides the tooltip and taps the button.
func (b *tipButton) Tapped(ev *fyne.PointEvent) {
	b.tips.hide()
	b.Button.Tapped(ev)
}
