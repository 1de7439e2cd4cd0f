package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// barChart draws counts as horizontal bars, one row per label: the name,
// a bar in the label's colour as long as its share of the largest count,
// and the count.
type barChart struct {
	widget.BaseWidget
	counts []labelCount
}

func newBarChart() *barChart {
	c := &barChart{}
	c.ExtendBaseWidget(c)
	return c
}

// set shows new counts.
func (c *barChart) set(counts []labelCount) {
	c.counts = counts
	c.Refresh()
}

// CreateRenderer is a private method to Fyne which links this widget to its renderer.
func (c *barChart) CreateRenderer() fyne.WidgetRenderer { return &barRenderer{c: c} }

type barRenderer struct {
	c       *barChart
	objects []fyne.CanvasObject
	size    fyne.Size
}

func (r *barRenderer) Destroy()                     {}
func (r *barRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *barRenderer) rowHeight() float32 { return theme.CaptionTextSize() + theme.InnerPadding()/2 }

func (r *barRenderer) MinSize() fyne.Size {
	return fyne.NewSize(200, float32(max(1, len(r.c.counts)))*r.rowHeight())
}

func (r *barRenderer) Layout(size fyne.Size) {
	r.size = size
	r.Refresh()
}

// Refresh rebuilds the bars for the counts and the size.
func (r *barRenderer) Refresh() {
	r.objects = r.objects[:0]
	ts, h := theme.CaptionTextSize(), r.rowHeight()
	fg := theme.Color(theme.ColorNameForeground)
	nameW, most := float32(0), 0
	for _, k := range r.c.counts {
		nameW = max(nameW, fyne.MeasureText(k.name, ts, fyne.TextStyle{}).Width)
		most = max(most, k.n)
	}
	countW := fyne.MeasureText(fmt.Sprint(most), ts, fyne.TextStyle{}).Width
	pad := theme.InnerPadding() / 2
	barMax := r.size.Width - nameW - countW - 3*pad
	for i, k := range r.c.counts {
		y := float32(i) * h
		name := canvas.NewText(k.name, fg)
		name.TextSize = ts
		name.Move(fyne.NewPos(0, y))
		bw := float32(0)
		if most > 0 && barMax > 0 {
			bw = max(1, barMax*float32(k.n)/float32(most))
		}
		bar := canvas.NewRectangle(parseColor(k.color))
		bar.Move(fyne.NewPos(nameW+pad, y+h*0.2))
		bar.Resize(fyne.NewSize(bw, h*0.6))
		n := canvas.NewText(fmt.Sprint(k.n), fg)
		n.TextSize = ts
		n.Move(fyne.NewPos(nameW+2*pad+bw, y))
		r.objects = append(r.objects, name, bar, n)
	}
	canvas.Refresh(r.c)
}
