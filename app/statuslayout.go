package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// statusLine lays out the status bar's middle part on one line: the first
// object (the labels under the mouse) takes the room left over on the
// left; the others sit at the right at their minimum width, except the
// message, which gets the width of its whole text while that fits and is
// cut off (with an ellipsis) when it does not. So a long message never
// makes the window wider.
type statusLine struct {
	message *tipLabel
}

// natural is the width of the message's whole text.
func (l *statusLine) natural() float32 {
	if l.message.Text == "" {
		return 0
	}
	size := theme.TextSize()
	if l.message.SizeName != "" {
		size = theme.Size(l.message.SizeName)
	}
	return fyne.MeasureText(l.message.Text, size, l.message.TextStyle).Width + 2*theme.InnerPadding() + 1 // +1: the label cuts off a text that fits exactly
}

// MinSize is the sum of the minimum widths; the message counts with its
// minimum (an ellipsis), not its text.
func (l *statusLine) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var w, h float32
	n := 0
	for _, o := range objects {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		w += m.Width
		h = max(h, m.Height)
		n++
	}
	if n > 1 {
		w += theme.Padding() * float32(n-1)
	}
	return fyne.NewSize(w, h)
}

// Layout places the objects from the right; the message is as wide as its
// text allows, the first object fills what is left.
func (l *statusLine) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	if len(objects) == 0 {
		return
	}
	pad := theme.Padding()
	fixed := float32(0) // the minimum widths of everything but the first object and the message
	for _, o := range objects[1:] {
		if o.Visible() && o != fyne.CanvasObject(l.message) {
			fixed += o.MinSize().Width + pad
		}
	}
	first := objects[0].MinSize().Width
	room := size.Width - fixed - first - pad
	msg := max(l.message.MinSize().Width, min(l.natural(), room))
	x := size.Width
	for i := len(objects) - 1; i >= 1; i-- {
		o := objects[i]
		if !o.Visible() {
			continue
		}
		w := o.MinSize().Width
		if o == fyne.CanvasObject(l.message) {
			w = msg
		}
		x -= w
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x -= pad
	}
	objects[0].Move(fyne.NewPos(0, 0))
	objects[0].Resize(fyne.NewSize(max(0, x), size.Height))
}
