package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// chip is a small rounded swatch in a label's colour with the label's name
// on it. It takes no input, so taps go to the list row it sits in.
type chip struct {
	widget.BaseWidget
	text  string
	color color.NRGBA
}

func newChip(text, hex string) *chip {
	c := &chip{text: text, color: parseColor(hex)}
	c.ExtendBaseWidget(c)
	return c
}

// labelChip is a chip that does something when tapped and shows a tooltip
// while the mouse rests on it: the label bar's chips, the colour swatches.
type labelChip struct {
	chip
	tip      string
	tips     *tooltips
	onTapped func()
}

var (
	_ fyne.Tappable     = (*labelChip)(nil)
	_ desktop.Hoverable = (*labelChip)(nil)
)

func newLabelChip(text, hex string, onTapped func()) *labelChip {
	c := &labelChip{onTapped: onTapped}
	c.text, c.color = text, parseColor(hex)
	c.ExtendBaseWidget(c)
	return c
}

// set changes the chip's text and colour.
func (c *chip) set(text, hex string) {
	c.text, c.color = text, parseColor(hex)
	c.Refresh()
}

func (c *chip) CreateRenderer() fyne.WidgetRenderer {
	c.ExtendBaseWidget(c)
	bg := canvas.NewRectangle(c.color)
	bg.CornerRadius = theme.InputRadiusSize()
	txt := canvas.NewText(c.text, textOn(c.color))
	txt.TextSize = theme.TextSize()
	return &chipRenderer{c: c, bg: bg, txt: txt}
}

// Tapped runs the chip's action.
func (c *labelChip) Tapped(*fyne.PointEvent) {
	if c.tips != nil {
		c.tips.hide()
	}
	if c.onTapped != nil {
		c.onTapped()
	}
}

// MouseIn schedules the tooltip.
func (c *labelChip) MouseIn(*desktop.MouseEvent) {
	if c.tips != nil {
		c.tips.show(c, c.tip)
	}
}

// MouseMoved does nothing: the tooltip stays while the mouse is on the chip.
func (c *labelChip) MouseMoved(*desktop.MouseEvent) {}

// MouseOut hides the tooltip.
func (c *labelChip) MouseOut() {
	if c.tips != nil {
		c.tips.hide()
	}
}

// Cursor shows a hand: the chip does something when tapped.
func (c *labelChip) Cursor() desktop.Cursor { return desktop.PointerCursor }

type chipRenderer struct {
	c   *chip
	bg  *canvas.Rectangle
	txt *canvas.Text
}

func (r *chipRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	ts := r.txt.MinSize()
	r.txt.Move(fyne.NewPos((size.Width-ts.Width)/2, (size.Height-ts.Height)/2))
	r.txt.Resize(ts)
}

func (r *chipRenderer) MinSize() fyne.Size {
	p := theme.InnerPadding()
	ts := r.txt.MinSize()
	if r.c.text == "" {
		return fyne.NewSize(ts.Height, ts.Height)
	}
	return fyne.NewSize(ts.Width+2*p, ts.Height+p/2)
}

func (r *chipRenderer) Refresh() {
	r.bg.FillColor = r.c.color
	r.bg.CornerRadius = theme.InputRadiusSize()
	r.txt.Text = r.c.text
	r.txt.Color = textOn(r.c.color)
	r.txt.TextSize = theme.TextSize()
	r.bg.Refresh()
	r.txt.Refresh()
}

func (r *chipRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.bg, r.txt} }
func (r *chipRenderer) Destroy()                     {}
