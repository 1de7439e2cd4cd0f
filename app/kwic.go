package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// kwicRow is one keyword-in-context line: the left context right-aligned
// against the hit at a fixed point of the row, the hit in bold, the right
// context after it. Contexts are cut to the row (the left one from its
// start, the right one at its end), so nothing is drawn outside it. A tap
// reports the row, a double tap asks to open it.
type kwicRow struct {
	widget.BaseWidget
	left, hit, right *canvas.Text
	full             [3]string // the texts before cutting them to the row
	split            float32   // where the hit starts, as a fraction of the width
	id               int
	onTap, onOpen    func(id int)
}

func newKWICRow(split float32) *kwicRow {
	fg := theme.Color(theme.ColorNameForeground)
	r := &kwicRow{split: split, left: canvas.NewText("", fg), hit: canvas.NewText("", theme.Color(theme.ColorNamePrimary)), right: canvas.NewText("", fg)}
	r.hit.TextStyle.Bold = true
	r.ExtendBaseWidget(r)
	return r
}

// set shows one line.
func (r *kwicRow) set(id int, left, hit, right string) {
	r.id = id
	r.full = [3]string{left, hit, right}
	r.Refresh()
}

// Tapped reports the row.
func (r *kwicRow) Tapped(*fyne.PointEvent) {
	if r.onTap != nil {
		r.onTap(r.id)
	}
}

// DoubleTapped asks to open the row.
func (r *kwicRow) DoubleTapped(*fyne.PointEvent) {
	if r.onOpen != nil {
		r.onOpen(r.id)
	}
}

// CreateRenderer is a private method to Fyne which links this widget to its renderer.
func (r *kwicRow) CreateRenderer() fyne.WidgetRenderer {
	return &kwicRenderer{r: r, objects: []fyne.CanvasObject{r.left, r.hit, r.right}}
}

type kwicRenderer struct {
	r       *kwicRow
	objects []fyne.CanvasObject
}

func (k *kwicRenderer) Destroy()                     {}
func (k *kwicRenderer) Objects() []fyne.CanvasObject { return k.objects }

func (k *kwicRenderer) MinSize() fyne.Size {
	h := fyne.MeasureText("Mg", theme.TextSize(), fyne.TextStyle{}).Height
	return fyne.NewSize(100, h+2*theme.InnerPadding())
}

// Layout measures the texts so that the left context ends exactly where the
// hit begins and the right context starts where it ends.
func (k *kwicRenderer) Layout(size fyne.Size) {
	r := k.r
	ts := theme.TextSize()
	x := size.Width * r.split
	y := (size.Height - fyne.MeasureText("Mg", ts, fyne.TextStyle{}).Height) / 2
	const gap = 0 // the contexts carry their own spaces; a hit inside a word stays joined
	r.hit.Text = fitText(r.full[1], size.Width-x, ts, r.hit.TextStyle, false)
	hw := fyne.MeasureText(r.hit.Text, ts, r.hit.TextStyle).Width
	r.left.Text = fitText(r.full[0], x, ts, r.left.TextStyle, true)
	r.right.Text = fitText(r.full[2], size.Width-x-hw, ts, r.right.TextStyle, false)
	lw := fyne.MeasureText(r.left.Text, ts, r.left.TextStyle).Width
	rw := fyne.MeasureText(r.right.Text, ts, r.right.TextStyle).Width
	r.left.Move(fyne.NewPos(x-gap-lw, y))
	r.left.Resize(fyne.NewSize(lw, size.Height-2*y))
	r.hit.Move(fyne.NewPos(x, y))
	r.hit.Resize(fyne.NewSize(hw, size.Height-2*y))
	r.right.Move(fyne.NewPos(x+hw+gap, y))
	r.right.Resize(fyne.NewSize(rw, size.Height-2*y))
}

func (k *kwicRenderer) Refresh() {
	k.r.left.Color = theme.Color(theme.ColorNameForeground)
	k.r.right.Color = k.r.left.Color
	k.r.hit.Color = theme.Color(theme.ColorNamePrimary)
	k.Layout(k.r.Size())
	for _, o := range k.objects {
		o.Refresh()
	}
}

// fitText returns s, or as much of it as fits in width: its end when
// fromStart (cutting the start), else its start.
func fitText(s string, width, size float32, style fyne.TextStyle, fromStart bool) string {
	if width <= 0 {
		return ""
	}
	if fyne.MeasureText(s, size, style).Width <= width {
		return s
	}
	r := []rune(s)
	part := func(n int) string { // n runes kept
		if fromStart {
			return string(r[len(r)-n:])
		}
		return string(r[:n])
	}
	lo, hi := 0, len(r) // the longest n that fits is in [lo, hi)
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if fyne.MeasureText(part(mid), size, style).Width <= width {
			lo = mid
		} else {
			hi = mid
		}
	}
	return part(lo)
}
