package textview

import (
	"math"

	"fyne.io/fyne/v2"

	"gloss/annotate/unitext"
)

// lineAt returns the line at y (view coordinates), laying out paragraphs
// as needed; points above or below the text give its first or last line.
func (v *TextView) lineAt(y float32) (p, li int) {
	l := &v.lay
	lh := l.m.lineH
	// A little slack so that the y PositionOf returns maps back to its line
	// despite rounding.
	yy := y + v.top.off + 0.25
	p = v.top.p
	for yy < 0 {
		if p == 0 {
			return 0, 0
		}
		p--
		l.ensureAll(p)
		yy += float32(l.height(p)) * lh
	}
	last := len(v.doc.paras) - 1
	for {
		li = int(yy / lh)
		pl := l.ensureLines(p, li+1)
		if li < len(pl.lines) {
			return p, li
		}
		if p == last {
			return p, len(pl.lines) - 1
		}
		yy -= float32(len(pl.lines)) * lh
		p++
	}
}

// OffsetAt returns the caret offset nearest to pos (in the view's
// coordinates): the code point under pos when pos is on its left half, the
// next one when on its right half. The result is always on a grapheme
// cluster boundary; points beyond a line's end give the end of that line
// (before a hidden '\r').
func (v *TextView) OffsetAt(pos fyne.Position) int {
	if !v.prepare() {
		return 0
	}
	p, li := v.lineAt(pos.Y)
	return v.offsetInLine(p, li, pos.X-v.lay.m.padX, false)
}

// runeAt returns the start of the grapheme cluster drawn under pos, or -1
// when pos is not over text.
func (v *TextView) runeAt(pos fyne.Position) int {
	if !v.prepare() || pos.Y < 0 || pos.Y >= v.Size().Height {
		return -1
	}
	p, li := v.lineAt(pos.Y)
	if y := v.lineTop(p, li); pos.Y < y || pos.Y >= y+v.lay.m.lineH {
		return -1
	}
	return v.offsetInLine(p, li, pos.X-v.lay.m.padX, true)
}

// offsetInLine maps x (relative to the text's left edge) on line li of
// paragraph p to a code point: the nearest caret position, or with under the
// cluster under x (-1 for none).
func (v *TextView) offsetInLine(p, li int, x float32, under bool) int {
	pl := v.lay.paras[p]
	ln := pl.lines[li]
	if ln.bidi {
		return v.offsetInBidiLine(p, li, x, under)
	}
	if x < 0 {
		if under {
			return -1
		}
		return ln.start
	}
	for k := ln.t0; k < ln.t1; k++ {
		t := &pl.toks[k]
		if t.w <= 0 || x >= t.x+t.w {
			continue
		}
		if under {
			b, _ := v.offsetInToken(t, x-t.x, true)
			return b
		}
		// Shaped text can have prefixes wider than the whole word, so
		// look at the neighbouring tokens too.
		best, bestD := v.offsetInToken(t, x-t.x, false)
		for _, j := range [2]int{k - 1, k + 1} {
			if j >= ln.t0 && j < ln.t1 && pl.toks[j].w > 0 {
				if b, d := v.offsetInToken(&pl.toks[j], x-pl.toks[j].x, false); d < bestD || d == bestD && b < best {
					best, bestD = b, d
				}
			}
		}
		return best
	}
	if under {
		return -1
	}
	return v.lineEnd(p, li)
}

// lineEnd returns the caret offset at the end of line li of paragraph p:
// before the '\r' of a CRLF on a paragraph's last line.
func (v *TextView) lineEnd(p, li int) int {
	pl := v.lay.paras[p]
	ln := pl.lines[li]
	end := ln.end
	if li == len(pl.lines)-1 && pl.done {
		end = v.doc.paras[p].end
		for end > ln.start && v.doc.runes[end-1] == '\r' {
			end--
		}
	}
	return end
}

// PositionOf returns the top-left corner of the caret before code point cp
// in the view's coordinates (the top of the text, below any label tags). Points above or below the view have negative
// or large y; far away from the view the y is an estimate.
func (v *TextView) PositionOf(cp int) fyne.Position {
	if !v.prepare() {
		return fyne.Position{}
	}
	cp = v.doc.clamp(cp)
	p := v.doc.paraOf(cp)
	pl, li := v.lay.ensureCP(p, cp)
	return fyne.NewPos(v.lay.m.padX+v.xOf(pl, li, cp), v.lineTop(p, li)+v.lay.m.top)
}

// xOf returns the x of code point cp on line li, relative to the text's left
// edge; cp past the line's end gives the line's width.
func (v *TextView) xOf(pl *paraLayout, li, cp int) float32 {
	ln := pl.lines[li]
	if ln.bidi {
		return v.xOfBidi(pl, li, cp)
	}
	if cp <= ln.start || ln.t0 == ln.t1 {
		return 0
	}
	if cp >= ln.end {
		return ln.w
	}
	lo, hi := ln.t0, ln.t1-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if int(pl.toks[mid].start) <= cp {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	t := &pl.toks[lo]
	return t.x + v.lay.tokenWidth(t, cp)
}

// offsetInToken maps x (relative to the token) to a grapheme boundary of
// token t and its distance from x: the nearest boundary, or with under the
// start of the cluster under x. Prefix widths are compared one by one
// rather than assumed to grow, since shaped right-to-left text need not.
func (v *TextView) offsetInToken(t *token, x float32, under bool) (int, float32) {
	runes := v.doc.runes
	best, bestD := int(t.start), float32(math.MaxFloat32)
	prevX := float32(0)
	for b := int(t.start); b < int(t.end); {
		nb := min(unitext.GraphemeAfter(runes, b), int(t.end))
		nx := v.lay.tokenWidth(t, nb)
		if under {
			if x >= min(prevX, nx) && x < max(prevX, nx) {
				return b, 0
			}
			if d := abs(x - (prevX+nx)/2); d < bestD {
				best, bestD = b, d
			}
		} else {
			if d := abs(x - prevX); d < bestD {
				best, bestD = b, d
			}
			if d := abs(x - nx); d < bestD {
				best, bestD = nb, d
			}
		}
		prevX, b = nx, nb
	}
	return best, bestD
}

func abs(x float32) float32 {
	if x < 0 {
		return -x
	}
	return x
}
