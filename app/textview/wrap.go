package textview

import (
	"math"
	"slices"

	"gloss/annotate/unitext"
)

// nextLine lays out one more line of paragraph p.
func (l *layout) nextLine(p int, pl *paraLayout) {
	pr := l.doc.paras[p]
	i, start := 0, pr.start
	if n := len(pl.lines); n > 0 {
		i, start = pl.lines[n-1].t1, pl.lines[n-1].end
	}
	have := func(k int) bool {
		for k >= len(pl.toks) {
			if !l.tokenize(p, pl) {
				return false
			}
		}
		return true
	}
	maxW := l.wrapW
	x := float32(0)
	j := i
place:
	for have(j) {
		t := &pl.toks[j]
		switch t.kind {
		case tokSpace, tokHidden:
			t.x = x
			x += t.w
			j++
			continue
		case tokTab:
			t.x = x
			t.w = float32(math.Floor(float64(x/l.m.tabW))+1)*l.m.tabW - x
			x += t.w
			j++
			continue
		}
		k, gw := j+1, t.w
		for have(k) && pl.toks[k].text() && !pl.toks[k].brk {
			gw += pl.toks[k].w
			k++
		}
		if x+gw <= maxW {
			for ; j < k; j++ {
				pl.toks[j].x = x
				x += pl.toks[j].w
			}
			continue
		}
		if x > 0 {
			break
		}
		// A word wider than the line: place what fits and split the rest.
		for ; j < k; j++ {
			tk := pl.toks[j]
			if x+tk.w <= maxW {
				pl.toks[j].x = x
				x += tk.w
				continue
			}
			cut := l.fit(&tk, maxW-x, x == 0)
			if cut == int(tk.end) {
				pl.toks[j].x = x
				x += tk.w
				j++
			} else if cut > int(tk.start) {
				first, rest := tk, tk
				first.end, rest.start, rest.brk = int32(cut), int32(cut), false
				first.x, first.w = x, l.widthOf(l.doc.runes[first.start:first.end])
				rest.w = l.widthOf(l.doc.runes[rest.start:rest.end])
				pl.toks[j] = first
				pl.toks = slices.Insert(pl.toks, j+1, rest)
				x += first.w
				j++
			}
			break place
		}
	}
	end := pl.tokEnd // the tokens so far cover [pr.start, tokEnd)
	if j < len(pl.toks) {
		end = int(pl.toks[j].start)
	}
	pl.lines = append(pl.lines, line{start: start, end: end, t0: i, t1: j, w: x})
	if lineNeedsBidi(pl.toks[i:j], pl.rtl) {
		l.reorder(pl, len(pl.lines)-1)
	}
	if j >= len(pl.toks) && pl.tokEnd >= pr.end {
		pl.done = true
	}
}

// fit returns the end of the longest run of whole grapheme clusters at the
// start of t that is at most avail wide; at least one cluster when force.
func (l *layout) fit(t *token, avail float32, force bool) int {
	runes := l.doc.runes
	b := int(t.start)
	for b < int(t.end) {
		nb := min(unitext.GraphemeAfter(runes, b), int(t.end))
		if l.widthOf(runes[t.start:nb]) > avail {
			break
		}
		b = nb
	}
	if b == int(t.start) && force {
		b = min(unitext.GraphemeAfter(runes, b), int(t.end))
	}
	return b
}
