package textview

import (
	"math"

	"fyne.io/fyne/v2"
)

// anchor is the scroll position: off pixels below the top of paragraph p are
// at the top of the view. Anchoring to a paragraph keeps what is on screen
// still while estimated heights elsewhere are corrected.
type anchor struct {
	p   int
	off float32
}

// scrollbarWidth is the room kept at the right for the scrollbar.
func scrollbarWidth(m metrics) float32 { return max(6, m.size/2) }

// Scrolled scrolls the view by a mouse wheel or touchpad movement.
func (v *TextView) Scrolled(ev *fyne.ScrollEvent) {
	v.scrollBy(-ev.Scrolled.DY)
}

// scrollBy moves the view down by dy pixels (up when negative).
func (v *TextView) scrollBy(dy float32) {
	if !v.prepare() || dy == 0 {
		return
	}
	v.top.off += dy
	v.normalizeScroll()
	v.Refresh()
}

// normalizeScroll moves the anchor to the paragraph at the top of the view
// and keeps the view within the document.
func (v *TextView) normalizeScroll() {
	if !v.prepare() {
		return
	}
	l := &v.lay
	lh := l.m.lineH
	v.backUp()
	last := len(v.doc.paras) - 1
	for {
		l.ensureLines(v.top.p, int(v.top.off/lh)+1)
		h := float32(l.height(v.top.p)) * lh
		if v.top.off < h || v.top.p == last {
			break
		}
		v.top.off -= h
		v.top.p++
	}
	// Do not scroll past the end: lay out what fills the view.
	viewH := v.Size().Height
	y, p := -v.top.off, v.top.p
	for ; p <= last && y < viewH; p++ {
		l.ensureLines(p, int(math.Ceil(float64((viewH-y)/lh))))
		y += float32(l.height(p)) * lh
	}
	if p > last && y < viewH {
		v.top.off -= viewH - y
		v.backUp()
	}
}

// backUp moves the anchor up while its offset is negative, stopping at the
// top of the document.
func (v *TextView) backUp() {
	for v.top.off < 0 {
		if v.top.p == 0 {
			v.top.off = 0
			return
		}
		v.top.p--
		v.lay.ensureAll(v.top.p)
		v.top.off += float32(v.lay.height(v.top.p)) * v.lay.m.lineH
	}
}

// scrollY returns the scroll position in pixels from the top of the
// document, and the document's height; both use estimates for paragraphs not
// yet laid out.
func (v *TextView) scrollY() (y, total float32) {
	lh := v.lay.m.lineH
	return float32(v.lay.lineOfPara(v.top.p))*lh + v.top.off, float32(v.lay.total()) * lh
}

// setScrollY scrolls to y pixels from the top of the document.
func (v *TextView) setScrollY(y float32) {
	if !v.prepare() {
		return
	}
	lh := v.lay.m.lineH
	_, total := v.scrollY()
	y = max(0, min(y, total-v.Size().Height))
	p := min(v.lay.lines.search(int(y/lh)), len(v.doc.paras)-1)
	v.top = anchor{p: p, off: y - float32(v.lay.lineOfPara(p))*lh}
	v.normalizeScroll()
	v.Refresh()
}

// pageBy scrolls by pages (negative: up), keeping one line of overlap.
func (v *TextView) pageBy(pages float32) {
	if !v.prepare() {
		return
	}
	v.scrollBy(pages * max(v.lay.m.lineH, v.Size().Height-v.lay.m.lineH))
}

// ScrollToOffset scrolls so that code point cp is in view, about a third
// down from the top when the view has to move.
func (v *TextView) ScrollToOffset(cp int) {
	if !v.prepare() {
		return
	}
	cp = v.doc.clamp(cp)
	p := v.doc.paraOf(cp)
	_, li := v.lay.ensureCP(p, cp)
	lh := v.lay.m.lineH
	y := v.lineTop(p, li)
	if y >= 0 && y+lh <= v.Size().Height {
		return
	}
	v.top = anchor{p: p, off: float32(li)*lh - v.Size().Height/3}
	v.normalizeScroll()
	v.Refresh()
}

// topOffset returns the first code point of the line at the top of the view.
func (v *TextView) topOffset() int {
	if !v.layOK || len(v.lay.paras) == 0 {
		return 0
	}
	li := int(v.top.off / v.lay.m.lineH)
	pl := v.lay.ensureLines(v.top.p, li+1)
	return pl.lines[min(li, len(pl.lines)-1)].start
}

// scrollTopTo puts the line holding cp at the top of the view.
func (v *TextView) scrollTopTo(cp int) {
	if !v.prepare() {
		return
	}
	p := v.doc.paraOf(v.doc.clamp(cp))
	_, li := v.lay.ensureCP(p, cp)
	v.top = anchor{p: p, off: float32(li) * v.lay.m.lineH}
	v.normalizeScroll()
}

// lineTop returns the y of line li of paragraph p in view coordinates.
func (v *TextView) lineTop(p, li int) float32 {
	lh := v.lay.m.lineH
	return float32(v.lay.lineOfPara(p)-v.lay.lineOfPara(v.top.p)+li)*lh - v.top.off
}

// visLine is a line on screen.
type visLine struct {
	p, li int
	y     float32
}

// visibleLines lays out and returns the lines that intersect the view.
func (v *TextView) visibleLines(out []visLine) []visLine {
	out = out[:0]
	l := &v.lay
	lh, viewH := l.m.lineH, v.Size().Height
	y := -v.top.off
	for p := v.top.p; p < len(v.doc.paras) && y < viewH; p++ {
		pl := l.ensureLines(p, int(math.Ceil(float64((viewH-y)/lh))))
		first := 0
		if y < 0 {
			first = int(-y / lh)
		}
		for li := first; li < len(pl.lines); li++ {
			ly := y + float32(li)*lh
			if ly >= viewH {
				break
			}
			if ly+lh > 0 {
				out = append(out, visLine{p: p, li: li, y: ly})
			}
		}
		y += float32(len(pl.lines)) * lh
		if !pl.done {
			break
		}
	}
	return out
}
