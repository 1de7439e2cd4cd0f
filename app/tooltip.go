package app

import (
	"strings"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// tooltipDelay is how long the mouse rests on an object before its tip shows.
const tooltipDelay = 500 * time.Millisecond

// tooltipWidth is the longest line of a tooltip, in characters.
const tooltipWidth = 60

// tooltips shows one small text box at a time near the object under the
// mouse (Fyne 2.7 has no tooltips). The box lives in a layer stacked over
// the window content rather than in a pop-up: it holds nothing tappable or
// hoverable, so clicks and mouse moves go through to what is below it.
type tooltips struct {
	layer *fyne.Container // stack this over the window content
	box   *fyne.Container
	bg    *canvas.Rectangle
	text  *widget.Label
	timer *time.Timer
	gen   int // bumps on every show/hide so a stale timer does nothing
	// now opens a tooltip at once, on the caller's goroutine, instead of
	// after tooltipDelay: for tests, whose driver would otherwise run the
	// delayed fyne.Do on the timer's goroutine.
	now bool
}

func newTooltips() *tooltips {
	t := &tooltips{text: widget.NewLabel("")}
	t.bg = canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	t.bg.StrokeColor = theme.Color(theme.ColorNameSeparator)
	t.bg.StrokeWidth = 1
	t.bg.CornerRadius = theme.InputRadiusSize()
	t.box = container.NewStack(t.bg, t.text)
	t.box.Hide()
	t.layer = container.NewWithoutLayout(t.box)
	return t
}

// show schedules tip below obj; an empty tip hides any tooltip.
func (t *tooltips) show(obj fyne.CanvasObject, tip string) {
	t.showAt(obj, fyne.NewPos(0, obj.Size().Height+2), tip)
}

// showAt schedules tip at pos relative to obj.
func (t *tooltips) showAt(obj fyne.CanvasObject, pos fyne.Position, tip string) {
	t.hide()
	if tip == "" {
		return
	}
	if t.now {
		t.open(obj, pos, tip)
		return
	}
	gen := t.gen
	t.timer = time.AfterFunc(tooltipDelay, func() {
		fyne.Do(func() {
			if gen == t.gen {
				t.open(obj, pos, tip)
			}
		})
	})
}

func (t *tooltips) open(obj fyne.CanvasObject, pos fyne.Position, tip string) {
	d := fyne.CurrentApp().Driver()
	if d.CanvasForObject(t.layer) == nil || d.CanvasForObject(obj) == nil {
		return
	}
	t.bg.FillColor = theme.Color(theme.ColorNameOverlayBackground)
	t.bg.StrokeColor = theme.Color(theme.ColorNameSeparator)
	t.text.SetText(wrapText(tip, tooltipWidth))
	size := t.box.MinSize()
	at := d.AbsolutePositionForObject(obj).Add(pos).Subtract(d.AbsolutePositionForObject(t.layer))
	room := t.layer.Size()
	at.X = max(0, min(at.X, room.Width-size.Width))
	if at.Y+size.Height > room.Height { // no room below: show it above
		at.Y = max(0, at.Y-size.Height-obj.Size().Height-4)
	}
	t.box.Move(at)
	t.box.Resize(size)
	t.box.Show()
	t.layer.Refresh()
}

// hide removes the tooltip and cancels a pending one.
func (t *tooltips) hide() {
	t.gen++
	if t.timer != nil {
		t.timer.Stop()
		t.timer = nil
	}
	if t.box.Visible() {
		t.box.Hide()
		t.layer.Refresh()
	}
}

// wrapText breaks text into lines of at most width characters at spaces,
// keeping its own line breaks.
func wrapText(text string, width int) string {
	var b strings.Builder
	for i, para := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		n := 0
		for j, w := range strings.Fields(para) {
			l := utf8.RuneCountInString(w)
			if j > 0 && n+1+l > width {
				b.WriteByte('\n')
				n = 0
			} else if j > 0 {
				b.WriteByte(' ')
				n++
			}
			b.WriteString(w)
			n += l
		}
	}
	return b.String()
}
