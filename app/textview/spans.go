package textview

import (
	"image/color"
	"slices"
	"sort"
	"strconv"

	"gloss/annotate"
)

// spanIndex keeps spans sorted by start (longer first) with the running
// maximum of their ends, so the spans overlapping a range are found by two
// binary searches and a short scan.
type spanIndex struct {
	sorted []*annotate.Span
	maxEnd []int // maxEnd[i]: largest End of sorted[:i+1]
}

// fewNew is how many spans out of order at the end of a list are inserted
// one by one into the sorted rest instead of sorting the whole list: the
// common case of an edit, which appends one span to the spans shown.
const fewNew = 32

func (si *spanIndex) set(spans []*annotate.Span) {
	si.sorted = append(si.sorted[:0], spans...)
	si.sorted = slices.DeleteFunc(si.sorted, func(s *annotate.Span) bool { return s == nil })
	sortSpans(si.sorted)
	si.maxEnd = slices.Grow(si.maxEnd[:0], len(si.sorted))[:len(si.sorted)]
	m := 0
	for i, s := range si.sorted {
		m = max(m, s.End)
		si.maxEnd[i] = m
	}
}

// sortSpans puts spans in spanOrder. A list that is sorted but for a few
// spans at its end (an edit) is mended by binary insertion in linear time;
// anything else is sorted.
func sortSpans(s []*annotate.Span) {
	p := 1
	for p < len(s) && spanOrder(s[p-1], s[p]) <= 0 {
		p++
	}
	if p >= len(s) {
		return
	}
	if len(s)-p > fewNew {
		slices.SortFunc(s, spanOrder)
		return
	}
	for i := p; i < len(s); i++ {
		x := s[i]
		j := sort.Search(i, func(k int) bool { return spanOrder(s[k], x) > 0 })
		copy(s[j+1:i+1], s[j:i])
		s[j] = x
	}
}

// spanOrder is annotate.SortSpans' order: by start, enclosing spans first.
func spanOrder(a, b *annotate.Span) int {
	switch {
	case a.Start != b.Start:
		return a.Start - b.Start
	case a.End != b.End:
		return b.End - a.End
	case a.ID < b.ID:
		return -1
	case a.ID > b.ID:
		return 1
	}
	return 0
}

// overlapping calls fn, in sorted order, for every span with code points in
// [lo, hi).
func (si *spanIndex) overlapping(lo, hi int, fn func(*annotate.Span)) {
	i := sort.Search(len(si.maxEnd), func(i int) bool { return si.maxEnd[i] > lo })
	for ; i < len(si.sorted) && si.sorted[i].Start < hi; i++ {
		if s := si.sorted[i]; s.End > lo && s.Start < s.End {
			fn(s)
		}
	}
}

// visSpan is a span on screen with its underline row.
type visSpan struct {
	span  *annotate.Span
	depth int
	color color.NRGBA
}

// visible returns the spans overlapping [lo, hi) with an overlap depth each:
// a span gets the lowest row not taken by an earlier span it overlaps, so
// enclosing spans sit above the spans they contain.
func (v *TextView) visibleSpans(lo, hi int, out []visSpan) []visSpan {
	out = out[:0]
	var rowEnds [8]int
	rows := rowEnds[:0]
	v.spans.overlapping(lo, hi, func(s *annotate.Span) {
		depth := -1
		for r, end := range rows {
			if end <= s.Start {
				depth = r
				break
			}
		}
		if depth < 0 {
			rows = append(rows, 0)
			depth = len(rows) - 1
		}
		rows[depth] = s.End
		out = append(out, visSpan{span: s, depth: depth, color: v.labelColor(s.LabelID)})
	})
	return out
}

// labelColor returns the colour of label id, grey for an unknown label.
func (v *TextView) labelColor(id string) color.NRGBA {
	if c, ok := v.colors[id]; ok {
		return c
	}
	return color.NRGBA{R: 0x99, G: 0x99, B: 0x99, A: 0xff}
}

// parseColor reads "#RRGGBB"; anything else is grey.
func parseColor(s string) color.NRGBA {
	if len(s) == 7 && s[0] == '#' {
		if n, err := strconv.ParseUint(s[1:], 16, 32); err == nil {
			return color.NRGBA{R: uint8(n >> 16), G: uint8(n >> 8), B: uint8(n), A: 0xff}
		}
	}
	return color.NRGBA{R: 0x99, G: 0x99, B: 0x99, A: 0xff}
}

// LabelsAt returns the labels of the spans covering code point cp, outermost
// first, each label once. It returns nil when no span covers cp.
func (v *TextView) LabelsAt(cp int) []annotate.Label {
	if cp < 0 {
		return nil
	}
	var labels []annotate.Label
	v.spans.overlapping(cp, cp+1, func(s *annotate.Span) {
		for _, l := range labels {
			if l.ID == s.LabelID {
				return
			}
		}
		if l, ok := v.labels[s.LabelID]; ok {
			labels = append(labels, *l)
		} else {
			labels = append(labels, annotate.Label{ID: s.LabelID, Name: "?", Color: "#999999"})
		}
	})
	return labels
}

// SpansAt returns the spans covering code point cp, outermost first.
func (v *TextView) SpansAt(cp int) []*annotate.Span {
	var spans []*annotate.Span
	v.spans.overlapping(cp, cp+1, func(s *annotate.Span) { spans = append(spans, s) })
	return spans
}
