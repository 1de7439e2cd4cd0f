package textview

import (
	"image/color"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// findHits are the hits of a find in the document, drawn apart from spans:
// an outline round every hit, a thicker one and a light fill on the current.
type findHits struct {
	hits    [][2]int // [start, end) code points, in text order, not overlapping
	current int      // index into hits, -1 for none
}

// SetFindHits shows the hits of a find: every [start, end) range (code
// points, in text order) gets an outline in the theme's primary colour and
// the hit at index current (-1 for none) a stronger one with a light fill.
// They are drawn under the text and do not change the selection. nil
// hides them.
func (v *TextView) SetFindHits(hits [][2]int, current int) {
	v.find = findHits{hits: hits, current: current}
	v.Refresh()
}

// FindHits returns the hits shown and the index of the current one.
func (v *TextView) FindHits() ([][2]int, int) { return v.find.hits, v.find.current }

// findMarks paints the find hits that fall on one line into the background
// layer: outlines (rectangles with a stroke and no fill) before any text.
func (r *renderer) findMarks(pl *paraLayout, vl visLine, ln line, maxX float32) {
	v, m := r.v, r.v.lay.m
	hits := v.find.hits
	if len(hits) == 0 {
		return
	}
	variant := fyne.CurrentApp().Settings().ThemeVariant()
	c := color.NRGBAModel.Convert(v.Theme().Color(theme.ColorNamePrimary, variant)).(color.NRGBA)
	y := vl.y + m.top
	i := sort.Search(len(hits), func(i int) bool { return hits[i][1] > ln.start })
	for ; i < len(hits) && hits[i][0] < ln.end; i++ {
		a, b := max(hits[i][0], ln.start), min(hits[i][1], ln.end)
		if a >= b {
			continue
		}
		cur := i == v.find.current
		r.xs = v.ranges(pl, vl.li, a, b, r.xs)
		for _, xs := range r.xs {
			x1, x2 := m.padX+xs.x1, min(m.padX+xs.x2, maxX)
			if x2 <= x1 {
				continue
			}
			fill, width := color.Color(color.Transparent), max(1, m.bar*0.5)
			if cur {
				f := c
				f.A = 0x40
				fill, width = f, max(2, m.bar)
			}
			o := r.rect(&r.back, x1-1, y-1, x2-x1+2, m.textH+2, fill)
			o.StrokeColor, o.StrokeWidth, o.CornerRadius = c, width, 2
		}
	}
}
