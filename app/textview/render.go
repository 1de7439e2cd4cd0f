package textview

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// renderer draws the visible lines only, from pools of canvas objects that
// are reused on every refresh.
type renderer struct {
	v       *TextView
	objects []fyne.CanvasObject

	rects  []*canvas.Rectangle // pool; the first nRect are in use
	nRect  int
	texts  map[int64]*canvas.Text // text objects in use, by token
	old    map[int64]*canvas.Text // those of the previous refresh
	spare  []*canvas.Text
	vers   int     // document version the text objects show
	scale  float32 // device pixels per unit, for snapping text to pixels
	lines  []visLine
	vspans []visSpan
	xs     []xSpan // scratch: the pieces of a range on one line
	fg     color.Color

	// label tags and note markers (tags.go)
	tagTexts      []*canvas.Text // pool; the first nTagText are in use
	nTagText      int
	tagWidths     map[string]float32
	tagWidthsSize float32
	tags          []labelTag
	notes         []noteMark

	// relation arcs (arcs.go)
	linePool      []*canvas.Line // pool; the first nLine are in use
	nLine         int
	arcWidths     map[string]float32
	arcWidthsSize float32

	// layers, painted in this order: every rectangle comes before any text,
	// so that no background, bar or outline covers the descenders of the
	// line above (issue 15, defect 4)
	back, marks, front, words []fyne.CanvasObject
}

func newRenderer(v *TextView) *renderer {
	return &renderer{v: v, texts: map[int64]*canvas.Text{}, old: map[int64]*canvas.Text{}}
}

// Destroy does nothing: the pools are garbage collected with the renderer.
func (r *renderer) Destroy() {}

// Objects returns the canvas objects of the visible lines.
func (r *renderer) Objects() []fyne.CanvasObject { return r.objects }

// MinSize is small: the view is meant to fill the space it is given.
func (r *renderer) MinSize() fyne.Size {
	s := r.v.textSize()
	return fyne.NewSize(s*10, s*4)
}

// Layout re-wraps the text for the new size and places the objects of the
// lines now visible. It does not refresh: whoever resized the view repaints
// the canvas.
func (r *renderer) Layout(size fyne.Size) {
	r.v.resized(size)
	r.build()
}

// Refresh rebuilds the objects of the visible lines.
func (r *renderer) Refresh() {
	r.build()
	canvas.Refresh(r.v)
}

func (r *renderer) rect(layer *[]fyne.CanvasObject, x, y, w, h float32, fill color.Color) *canvas.Rectangle {
	if r.nRect == len(r.rects) {
		r.rects = append(r.rects, &canvas.Rectangle{})
	}
	o := r.rects[r.nRect]
	r.nRect++
	o.FillColor, o.StrokeColor, o.StrokeWidth, o.CornerRadius = fill, nil, 0, 0
	o.Move(fyne.NewPos(x, y))
	o.Resize(fyne.NewSize(w, h))
	*layer = append(*layer, o)
	return o
}

func (r *renderer) text(t *token, x, y float32, fg color.Color) {
	key := int64(t.start)<<32 | int64(t.end)
	o, ok := r.old[key]
	if ok {
		delete(r.old, key)
	} else {
		if n := len(r.spare); n > 0 {
			o, r.spare = r.spare[n-1], r.spare[:n-1]
		} else {
			o = &canvas.Text{}
		}
		o.Text = string(r.v.doc.runes[t.start:t.end])
	}
	o.Color, o.TextSize = fg, r.v.lay.m.size
	if o.FontSource = emojiSource(r.v.doc.runes[t.start:t.end]); o.FontSource != nil {
		y += emojiShift(o.TextSize, o.FontSource)
	}
	// Text drawn at a fraction of a pixel is resampled and looks blurred and
	// dimmer than its neighbours: put each word on a whole device pixel.
	o.Move(fyne.NewPos(r.snap(x), r.snap(y)))
	o.Resize(fyne.NewSize(t.w, r.v.lay.m.textH))
	r.texts[key] = o
	r.words = append(r.words, o)
}

// snap rounds a coordinate to the nearest whole pixel of the canvas.
func (r *renderer) snap(v float32) float32 {
	return float32(math.Round(float64(v*r.scale))) / r.scale
}

// canvasScale returns how many device pixels one unit is on the view's canvas.
func (r *renderer) canvasScale() float32 {
	if c := fyne.CurrentApp().Driver().CanvasForObject(r.v); c != nil && c.Scale() > 0 {
		return c.Scale()
	}
	return 1
}

// build lays out what is on screen and fills the layers.
func (r *renderer) build() {
	v := r.v
	r.nRect, r.nTagText, r.nLine = 0, 0, 0
	r.tags, r.notes = r.tags[:0], r.notes[:0]
	r.back, r.marks, r.words, r.front = r.back[:0], r.marks[:0], r.words[:0], r.front[:0]
	if r.vers != v.version { // new text: no object can be reused as it is
		for k, o := range r.texts {
			r.spare = append(r.spare, o)
			delete(r.texts, k)
		}
		r.vers = v.version
	}
	r.old, r.texts = r.texts, r.old
	defer r.retire()
	if !v.prepare() || !v.Visible() {
		r.objects = r.objects[:0]
		return
	}
	v.normalizeScroll() // the layout may have been redone for a new text size
	m := v.lay.m
	th := v.Theme()
	variant := fyne.CurrentApp().Settings().ThemeVariant()
	fg := th.Color(theme.ColorNameForeground, variant)
	r.fg = fg

	r.scale = r.canvasScale()
	r.lines = v.visibleLines(r.lines)
	r.vspans = r.vspans[:0]
	lo, hi := 0, 0
	if len(r.lines) > 0 {
		first, last := r.lines[0], r.lines[len(r.lines)-1]
		lo = v.lay.paras[first.p].lines[first.li].start
		hi = v.lay.paras[last.p].lines[last.li].end + 1
		r.vspans = v.visibleSpans(lo, hi, r.vspans)
	}
	selCol := th.Color(theme.ColorNameSelection, variant)
	// A selected span selects its text too (so shift+arrows resize it); it is
	// shown by its own stronger colour and outline, not hidden under the
	// selection colour.
	showSel := true
	for _, vs := range r.vspans {
		if s := vs.span; s.ID != "" && s.ID == v.selectedSpan && s.Start == v.selStart && s.End == v.selEnd {
			showSel = false
		}
	}
	maxX := v.Size().Width - m.padX - scrollbarWidth(m)
	for _, vl := range r.lines {
		pl := v.lay.paras[vl.p]
		ln := pl.lines[vl.li]
		lastLine := vl.li == len(pl.lines)-1 && pl.done
		ty := vl.y + m.top // the top of the text, below the row of tags
		r.spanMarks(pl, vl, ln, maxX)
		r.findMarks(pl, vl, ln, maxX)
		r.tagsAndNotes(pl, vl, ln, maxX)
		if a, b := max(v.selStart, ln.start), min(v.selEnd, ln.end); showSel && a < b || showSel && lastLine && v.selStart <= ln.end && v.selEnd > ln.end {
			r.xs = v.ranges(pl, vl.li, a, b, r.xs)
			if lastLine && v.selEnd > ln.end { // show that the line break is selected
				switch {
				case !ln.bidi:
					r.xs[len(r.xs)-1].x2 += m.spaceW
				case pl.rtl:
					r.xs = append(r.xs, xSpan{max(0, ln.x0-m.spaceW), ln.x0})
				default:
					r.xs = append(r.xs, xSpan{ln.x0 + ln.w, ln.x0 + ln.w + m.spaceW})
				}
			}
			for _, xs := range r.xs {
				x1, x2 := m.padX+xs.x1, min(m.padX+xs.x2, maxX)
				r.rect(&r.marks, x1, ty, x2-x1, m.textH, selCol)
			}
		}
		for k := ln.t0; k < ln.t1; k++ {
			if t := &pl.toks[k]; t.text() {
				r.text(t, m.padX+t.x, ty, fg)
			}
		}
	}
	r.relationArcs(lo, hi, maxX, th.Color(theme.ColorNameBackground, variant))
	if v.focused {
		pos := v.PositionOf(v.head)
		if pos.Y+m.textH > 0 && pos.Y < v.Size().Height {
			r.rect(&r.front, pos.X-1, pos.Y, 2, m.textH, th.Color(theme.ColorNamePrimary, variant))
		}
	}
	if y, h, ok := v.thumb(); ok {
		w := scrollbarWidth(m)
		o := r.rect(&r.front, v.Size().Width-w-1, y, w, h, th.Color(theme.ColorNameScrollBar, variant))
		o.CornerRadius = w / 2
	}
	r.objects = append(append(append(append(r.objects[:0], r.back...), r.marks...), r.front...), r.words...)
}

// spanMarks paints the spans on one line: a translucent background per
// span, and an underline bar per span in the row of its overlap depth.
func (r *renderer) spanMarks(pl *paraLayout, vl visLine, ln line, maxX float32) {
	v, m := r.v, r.v.lay.m
	y := vl.y + m.top
	for _, vs := range r.vspans {
		s := vs.span
		a, b := max(s.Start, ln.start), min(s.End, ln.end)
		if a >= b {
			continue
		}
		c := vs.color
		selected := s.ID == v.selectedSpan && s.ID != ""
		bg := c
		bg.A = 0x48
		if selected {
			bg.A = 0x90
		}
		r.xs = v.ranges(pl, vl.li, a, b, r.xs)
		for _, xs := range r.xs {
			x1, x2 := m.padX+xs.x1, min(m.padX+xs.x2, maxX)
			if x2 <= x1 {
				continue
			}
			r.rect(&r.back, x1, y, x2-x1, m.textH, bg)
			if s.ID == v.flashID && v.flashLevel > 0 {
				fl := c
				fl.A = uint8(0xc0 * v.flashLevel)
				r.rect(&r.back, x1, y, x2-x1, m.textH, fl)
			}
			row := min(vs.depth, barRows-1)
			r.rect(&r.marks, x1, y+m.textH+float32(row)*m.barGap, x2-x1, m.bar, c)
			if selected {
				o := r.rect(&r.front, x1, y, x2-x1, m.textH, color.Transparent)
				o.StrokeColor, o.StrokeWidth = c, max(1, m.bar*0.75)
			}
		}
	}
}

// retire moves the text objects not used by this refresh to the spare pool.
func (r *renderer) retire() {
	for k, o := range r.old {
		r.spare = append(r.spare, o)
		delete(r.old, k)
	}
}
