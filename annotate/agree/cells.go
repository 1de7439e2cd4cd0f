package agree

import (
	"cmp"
	"slices"
)

// interval is [s, e) in code points.
type interval struct{ s, e int }

// cell is one label in one document: every compared annotator's spans.
type cell struct {
	doc   int
	n     int          // the document's length
	raw   [][]interval // per annotator: distinct spans, sorted by (start, end)
	units [][]interval // per annotator: overlapping spans merged, sorted
}

// group is one label over the documents in scope.
type group struct {
	cells  []cell // the documents where a compared annotator used the label
	units  []int  // per annotator: units after the union rule
	merged []int  // per annotator: spans absorbed by the union rule
}

// build sorts spans into one group per label of p.
func build(p *prepared, docs []Document, spans []ispan) []group {
	R := len(p.annotators)
	sorted := sortSpans(spans, len(p.labels), len(docs))
	groups := make([]group, len(p.labels))
	for l := range groups {
		groups[l] = group{units: make([]int, R), merged: make([]int, R)}
	}
	// Every interval and every per-annotator list lives in a few shared
	// arrays, carved with full slice expressions so appends never spill.
	raws := make([]interval, 0, len(sorted))
	units := make([]interval, 0, len(sorted))
	var lists [][]interval
	for i := 0; i < len(sorted); {
		j := i
		for j < len(sorted) && sorted[j].label == sorted[i].label && sorted[j].doc == sorted[i].doc {
			j++
		}
		g := &groups[sorted[i].label]
		if len(lists)+2*R > cap(lists) {
			lists = make([][]interval, 0, max(1024, 4*R))
		}
		lists = lists[:len(lists)+2*R]
		headers := lists[len(lists)-2*R:]
		c := cell{doc: sorted[i].doc, n: docs[sorted[i].doc].Length,
			raw: headers[:R:R], units: headers[R:]}
		for k := i; k < j; {
			a := sorted[k].ann
			r0, u0 := len(raws), len(units)
			for ; k < j && sorted[k].ann == a; k++ {
				iv := interval{sorted[k].s, sorted[k].e}
				if len(raws) == r0 || raws[len(raws)-1] != iv {
					raws = append(raws, iv)
				}
				if len(units) > u0 && iv.s < units[len(units)-1].e {
					units[len(units)-1].e = max(units[len(units)-1].e, iv.e)
					g.merged[a]++
					continue
				}
				units = append(units, iv)
			}
			c.raw[a] = raws[r0:len(raws):len(raws)]
			c.units[a] = units[u0:len(units):len(units)]
			g.units[a] += len(c.units[a])
		}
		g.cells = append(g.cells, c)
		i = j
	}
	return groups
}

// sortSpans orders spans by label, document, annotator, start and end: two
// stable counting sorts (by document, then by label) and a small sort of
// each (label, document) group.
func sortSpans(spans []ispan, labels, docs int) []ispan {
	byDoc := scatter(spans, docs, func(sp ispan) int { return sp.doc })
	sorted := scatter(byDoc, labels, func(sp ispan) int { return sp.label })
	for i := 0; i < len(sorted); {
		j := i + 1
		for j < len(sorted) && sorted[j].label == sorted[i].label && sorted[j].doc == sorted[i].doc {
			j++
		}
		slices.SortFunc(sorted[i:j], func(a, b ispan) int {
			return cmp.Or(cmp.Compare(a.ann, b.ann), cmp.Compare(a.s, b.s), cmp.Compare(a.e, b.e))
		})
		i = j
	}
	return sorted
}

// scatter is a stable counting sort of spans by key, in [0, n).
func scatter(spans []ispan, n int, key func(ispan) int) []ispan {
	start := make([]int, n+1)
	for _, sp := range spans {
		start[key(sp)+1]++
	}
	for k := 1; k <= n; k++ {
		start[k] += start[k-1]
	}
	out := make([]ispan, len(spans))
	for _, sp := range spans {
		k := key(sp)
		out[start[k]] = sp
		start[k]++
	}
	return out
}

// coverage is the number of code points in disjoint sorted intervals.
func coverage(u []interval) int {
	n := 0
	for _, iv := range u {
		n += iv.e - iv.s
	}
	return n
}

// intersection is the number of code points two disjoint sorted interval
// lists share.
func intersection(a, b []interval) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		if lo, hi := max(a[i].s, b[j].s), min(a[i].e, b[j].e); lo < hi {
			n += hi - lo
		}
		if a[i].e < b[j].e {
			i++
		} else {
			j++
		}
	}
	return n
}

// overlapsAny reports whether [s, e) shares a code point with one of the
// disjoint sorted intervals u.
func overlapsAny(u []interval, s, e int) bool {
	k, _ := slices.BinarySearchFunc(u, s, func(iv interval, s int) int {
		if iv.e <= s {
			return -1
		}
		return 1
	})
	return k < len(u) && u[k].s < e
}
