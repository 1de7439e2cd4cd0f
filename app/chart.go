package app

import (
	"fmt"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gloss/annotate/agree"
)

// alphaBar is one label's bar of the agreement chart.
type alphaBar struct {
	label string
	value agree.Value
}

// barGeom is where a bar is drawn: its label's slot and the bar itself
// (zero height for an undefined value, shown as "n/a").
type barGeom struct {
	label    string
	slot     fyne.Position // the slot's top left
	slotW    float32
	pos      fyne.Position // the bar's top left
	size     fyne.Size
	value    agree.Value
	negative bool
}

// Chart margins: room for the axis labels.
const (
	chartLeft   = 44
	chartBottom = 34
	chartTop    = 10
	chartRight  = 10
)

// chartScale is the alpha range the axis covers: [lo, 1], lo 0 unless a
// value is negative (then down to -1 at most).
func chartScale(bars []alphaBar) (lo float64) {
	for _, b := range bars {
		if b.value.Defined && b.value.X < lo {
			lo = math.Max(-1, math.Floor(b.value.X*4)/4)
		}
	}
	return lo
}

// chartLayout places one bar per label in a chart of size sz: each bar's
// height is proportional to its alpha (from the zero line up, or down for
// a negative alpha).
func chartLayout(bars []alphaBar, sz fyne.Size) (geoms []barGeom, zeroY, plotH float32, lo float64) {
	lo = chartScale(bars)
	plotH = sz.Height - chartTop - chartBottom
	plotW := sz.Width - chartLeft - chartRight
	if len(bars) == 0 || plotH <= 0 || plotW <= 0 {
		return nil, 0, plotH, lo
	}
	unit := plotH / float32(1-lo) // pixels per 1.0 of alpha
	zeroY = chartTop + float32(1)*unit
	slotW := plotW / float32(len(bars))
	barW := slotW * 0.6
	for i, b := range bars {
		g := barGeom{label: b.label, value: b.value, slotW: slotW}
		g.slot = fyne.NewPos(chartLeft+float32(i)*slotW, chartTop)
		x := g.slot.X + (slotW-barW)/2
		v := 0.0
		if b.value.Defined {
			v = math.Max(lo, math.Min(1, b.value.X))
		}
		h := float32(math.Abs(v)) * unit
		if v >= 0 {
			g.pos = fyne.NewPos(x, zeroY-h)
		} else {
			g.pos, g.negative = fyne.NewPos(x, zeroY), true
		}
		g.size = fyne.NewSize(barW, h)
		geoms = append(geoms, g)
	}
	return geoms, zeroY, plotH, lo
}

// alphaChart draws alpha_u per label as bars with a labelled axis.
type alphaChart struct {
	widget.BaseWidget
	bars []alphaBar
}

func newAlphaChart() *alphaChart {
	c := &alphaChart{}
	c.ExtendBaseWidget(c)
	return c
}

// setBars shows new values.
func (c *alphaChart) setBars(bars []alphaBar) {
	c.bars = bars
	c.Refresh()
}

func (c *alphaChart) CreateRenderer() fyne.WidgetRenderer {
	r := &chartRenderer{c: c}
	r.build(fyne.NewSize(400, 240))
	return r
}

type chartRenderer struct {
	c    *alphaChart
	objs []fyne.CanvasObject
	size fyne.Size
}

func (r *chartRenderer) Layout(sz fyne.Size)          { r.build(sz) }
func (r *chartRenderer) MinSize() fyne.Size           { return fyne.NewSize(320, 200) }
func (r *chartRenderer) Refresh()                     { r.build(r.size); canvas.Refresh(r.c) }
func (r *chartRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *chartRenderer) Destroy()                     {}

// chartBarColor is the bars' colour; undefined values get only their "n/a".
var chartBarColor = color.NRGBA{0x43, 0x63, 0xD8, 0xFF}

// build draws the axis, its ticks and labels, and the bars.
func (r *chartRenderer) build(sz fyne.Size) {
	r.size = sz
	fg := theme.Color(theme.ColorNameForeground)
	grid := theme.Color(theme.ColorNameSeparator)
	geoms, zeroY, plotH, lo := chartLayout(r.c.bars, sz)
	var objs []fyne.CanvasObject
	text := func(s string, x, y float32, align fyne.TextAlign, w float32) {
		t := canvas.NewText(s, fg)
		t.TextSize = 11
		t.Alignment = align
		t.Move(fyne.NewPos(x, y))
		t.Resize(fyne.NewSize(w, 14))
		objs = append(objs, t)
	}
	if plotH > 0 {
		for v := lo; v <= 1.0001; v += 0.25 {
			y := chartTop + float32(1-v)/float32(1-lo)*plotH
			l := canvas.NewLine(grid)
			l.Position1, l.Position2 = fyne.NewPos(chartLeft, y), fyne.NewPos(sz.Width-chartRight, y)
			objs = append(objs, l)
			text(fmt.Sprintf("%.2f", v), 0, y-7, fyne.TextAlignTrailing, chartLeft-4)
		}
		axis := canvas.NewLine(fg)
		axis.Position1, axis.Position2 = fyne.NewPos(chartLeft, chartTop), fyne.NewPos(chartLeft, chartTop+plotH)
		zero := canvas.NewLine(fg)
		zero.Position1, zero.Position2 = fyne.NewPos(chartLeft, zeroY), fyne.NewPos(sz.Width-chartRight, zeroY)
		objs = append(objs, axis, zero)
	}
	for _, g := range geoms {
		bar := canvas.NewRectangle(chartBarColor)
		bar.Move(g.pos)
		bar.Resize(g.size)
		objs = append(objs, bar)
		val := "n/a"
		if g.value.Defined {
			val = fmt.Sprintf("%.3f", g.value.X)
		}
		vy := g.pos.Y - 15
		if g.negative {
			vy = g.pos.Y + g.size.Height + 1
		}
		text(val, g.slot.X, vy, fyne.TextAlignCenter, g.slotW)
		text(g.label, g.slot.X, sz.Height-chartBottom+4, fyne.TextAlignCenter, g.slotW)
	}
	text("alpha_u per label", chartLeft, sz.Height-16, fyne.TextAlignLeading, sz.Width-chartLeft)
	r.objs = objs
}
