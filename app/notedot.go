package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// noteDot is the mark of a span with a note in the Spans list: a small
// dot in the label's colour, like the one the text view draws at the end
// of the span.
type noteDot struct {
	widget.BaseWidget
	dot *canvas.Circle
}

func newNoteDot() *noteDot {
	d := &noteDot{dot: canvas.NewCircle(parseColor("#999999"))}
	d.ExtendBaseWidget(d)
	return d
}

// set colours the dot.
func (d *noteDot) set(hex string) {
	d.dot.FillColor = parseColor(hex)
	d.dot.Refresh()
}

// MinSize is a little wider than the dot, for space around it.
func (d *noteDot) MinSize() fyne.Size { return fyne.NewSquareSize(theme.TextSize()) }

// CreateRenderer draws the dot in the middle of the widget.
func (d *noteDot) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewCenter(container.New(atLeast{w: theme.TextSize() / 2, h: theme.TextSize() / 2}, d.dot)))
}
