package textview

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// arcStyle is the style of the relation names drawn on the arcs.
var arcStyle = fyne.TextStyle{Italic: true}

// arcEnd is where one end of an arc is on screen: the top middle of its
// span's first piece on a visible line.
type arcEnd struct {
	x, y float32 // top of the text at the span's middle
	line int     // index into the renderer's visible lines
	ok   bool
}

// relationArcs draws the relations with an end on a visible line: lines in
// the background layer, the names (on a patch of background) in front and
// in the text layer. An arc whose ends are on one line is a bracket over
// it; otherwise each visible end runs to the margin towards the other.
func (r *renderer) relationArcs(lo, hi int, maxX float32, bg color.Color) {
	v, m := r.v, r.v.lay.m
	if !m.arcs || len(r.lines) == 0 {
		return
	}
	sel := v.selectedSpan
	for i := range v.resolveArcs() {
		a := &v.rels.arcs[i]
		mine := sel != "" && (a.from.ID == sel || a.to.ID == sel)
		if !v.rels.showAll && !mine {
			continue
		}
		fIn := a.from.Start < hi && a.from.Start >= lo
		tIn := a.to.Start < hi && a.to.Start >= lo
		if !fIn && !tIn {
			continue
		}
		c := r.fg
		if a.hasColor {
			c = a.color
		}
		width := float32(1)
		if mine {
			width = 2
		}
		f, t := r.arcEnd(a.from.Start, a.from.End, fIn), r.arcEnd(a.to.Start, a.to.End, tIn)
		forward := a.from.Start <= a.to.Start
		name := a.rel.Name
		switch {
		case f.ok && t.ok && f.line == t.line:
			r.arcPiece(f, t.x, c, width)
			r.arcPiece(t, f.x, c, width)
			r.arcName(name, (f.x+t.x)/2, f.line, c, bg, maxX)
		default:
			if f.ok {
				edge := maxX
				if !forward {
					edge = m.padX
				}
				r.arcPiece(f, edge, c, width)
				r.arcName(name, (f.x+edge)/2, f.line, c, bg, maxX)
			}
			if t.ok {
				edge := m.padX
				if !forward {
					edge = maxX
				}
				r.arcPiece(t, edge, c, width)
				if !f.ok {
					r.arcName(name, (t.x+edge)/2, t.line, c, bg, maxX)
				}
			}
		}
		if t.ok && a.rel.Directed {
			h := m.arcH / 3
			r.line(t.x, t.y, t.x-h*0.7, t.y-h, c, width)
			r.line(t.x, t.y, t.x+h*0.7, t.y-h, c, width)
		}
	}
}

// arcEnd finds the visible line holding code point start and the middle of
// the span's piece on it.
func (r *renderer) arcEnd(start, end int, visible bool) arcEnd {
	if !visible {
		return arcEnd{}
	}
	v, m := r.v, r.v.lay.m
	for i, vl := range r.lines {
		pl := v.lay.paras[vl.p]
		ln := pl.lines[vl.li]
		if start < ln.start || start >= ln.end && !(start == ln.start && ln.start == ln.end) {
			continue
		}
		r.xs = v.ranges(pl, vl.li, start, max(start+1, min(end, ln.end)), r.xs)
		if len(r.xs) == 0 {
			return arcEnd{}
		}
		x := m.padX + (r.xs[0].x1+r.xs[0].x2)/2
		return arcEnd{x: x, y: vl.y + m.top, line: i, ok: true}
	}
	return arcEnd{}
}

// arcPiece draws from end e up to the arc's rail and along it to x.
func (r *renderer) arcPiece(e arcEnd, x float32, c color.Color, width float32) {
	rail := r.lines[e.line].y + r.v.lay.m.arcH/2
	r.line(e.x, e.y, e.x, rail, c, width)
	r.line(e.x, rail, x, rail, c, width)
}

// arcName writes a relation's name centred at x in the arc row of a line,
// on a patch of background that hides the rail behind it.
func (r *renderer) arcName(name string, x float32, line int, c, bg color.Color, maxX float32) {
	m := r.v.lay.m
	w := r.arcWidth(name) + 2*tagPad
	x = min(max(x-w/2, m.padX), maxX-w)
	y := r.lines[line].y + 1
	r.rect(&r.front, x, y, w, m.arcH-2, bg)
	t := r.tagText()
	t.Text, t.TextSize, t.TextStyle, t.Color = name, m.tagSize, arcStyle, c
	t.Move(fyne.NewPos(r.snap(x+tagPad), r.snap(y)))
	t.Resize(fyne.NewSize(w-2*tagPad, m.arcH-2))
	r.words = append(r.words, t)
}

// arcWidth returns the width of a relation's name.
func (r *renderer) arcWidth(name string) float32 {
	size := r.v.lay.m.tagSize
	if r.arcWidths == nil || r.arcWidthsSize != size {
		r.arcWidths, r.arcWidthsSize = map[string]float32{}, size
	}
	w, ok := r.arcWidths[name]
	if !ok {
		w = fyne.MeasureText(name, size, arcStyle).Width
		r.arcWidths[name] = w
	}
	return w
}

// line draws a line in the background layer from the pool.
func (r *renderer) line(x1, y1, x2, y2 float32, c color.Color, width float32) {
	if r.nLine == len(r.linePool) {
		r.linePool = append(r.linePool, &canvas.Line{})
	}
	o := r.linePool[r.nLine]
	r.nLine++
	o.StrokeColor, o.StrokeWidth = c, width
	o.Position1, o.Position2 = fyne.NewPos(x1, y1), fyne.NewPos(x2, y2)
	r.back = append(r.back, o)
}
