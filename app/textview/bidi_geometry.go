package textview

import "slices"

// tokenAt returns the index of the token of line ln holding code point cp
// (tokens are kept in logical order), or -1.
func tokenAt(pl *paraLayout, ln line, cp int) int {
	i, _ := slices.BinarySearchFunc(pl.toks[ln.t0:ln.t1], cp, func(t token, cp int) int {
		switch {
		case int(t.end) <= cp:
			return -1
		case int(t.start) > cp:
			return 1
		}
		return 0
	})
	if k := ln.t0 + i; k < ln.t1 && int(pl.toks[k].start) <= cp && cp < int(pl.toks[k].end) {
		return k
	}
	return -1
}

// xOfBidi is xOf for a bidi line: the caret before cp sits at the start
// edge of cp's character, the right edge for right-to-left text.
func (v *TextView) xOfBidi(pl *paraLayout, li, cp int) float32 {
	ln := pl.lines[li]
	if cp >= ln.end || ln.t0 == ln.t1 {
		return v.lineEndX(pl, ln)
	}
	cp = max(cp, ln.start)
	k := tokenAt(pl, ln, cp)
	if k < 0 {
		return ln.x0
	}
	t := &pl.toks[k]
	if t.rtl {
		return t.x + t.w - v.lay.tokenWidth(t, cp)
	}
	return t.x + v.lay.tokenWidth(t, cp)
}

// lineEndX returns the x of the caret at the end of a bidi line: its left
// edge in a right-to-left paragraph, its right edge otherwise.
func (v *TextView) lineEndX(pl *paraLayout, ln line) float32 {
	if pl.rtl {
		return ln.x0
	}
	return ln.x0 + ln.w
}

// offsetInBidiLine is offsetInLine for a bidi line.
func (v *TextView) offsetInBidiLine(p, li int, x float32, under bool) int {
	pl := v.lay.paras[p]
	ln := pl.lines[li]
	for k := ln.t0; k < ln.t1; k++ {
		t := &pl.toks[k]
		if t.w <= 0 || x < t.x || x >= t.x+t.w {
			continue
		}
		rx := x - t.x
		if t.rtl {
			rx = t.w - rx
		}
		b, _ := v.offsetInToken(t, rx, under)
		return b
	}
	if under {
		return -1
	}
	// Beyond the text: the visual left end is the logical start of a
	// left-to-right paragraph and the end of a right-to-left one.
	if (x < ln.x0) != pl.rtl {
		return ln.start
	}
	return v.lineEnd(p, li)
}

// xSpan is a horizontal stretch of a line, relative to the text's left edge.
type xSpan struct{ x1, x2 float32 }

// ranges returns where code points [a, b) of line li are drawn: one stretch
// on a left-to-right line, on a bidi line as many as the range has visual
// pieces, left to right, touching pieces merged.
func (v *TextView) ranges(pl *paraLayout, li, a, b int, out []xSpan) []xSpan {
	out = out[:0]
	ln := pl.lines[li]
	if !ln.bidi {
		return append(out, xSpan{v.xOf(pl, li, a), v.xOf(pl, li, b)})
	}
	for k := ln.t0; k < ln.t1; k++ {
		t := &pl.toks[k]
		lo, hi := max(a, int(t.start)), min(b, int(t.end))
		if lo >= hi || t.w <= 0 {
			continue
		}
		w1, w2 := v.lay.tokenWidth(t, lo), v.lay.tokenWidth(t, hi)
		s := xSpan{t.x + w1, t.x + w2}
		if t.rtl {
			s = xSpan{t.x + t.w - w2, t.x + t.w - w1}
		}
		out = append(out, s)
	}
	slices.SortFunc(out, func(p, q xSpan) int {
		switch {
		case p.x1 < q.x1:
			return -1
		case p.x1 > q.x1:
			return 1
		}
		return 0
	})
	n := 0
	for _, s := range out {
		if n > 0 && s.x1 <= out[n-1].x2+0.5 {
			out[n-1].x2 = max(out[n-1].x2, s.x2)
			continue
		}
		out[n] = s
		n++
	}
	return out[:n]
}
