package agree

import (
	"slices"
	"sort"
)

// seg is one stretch of an annotator's segmentation of a document for one
// label: a unit of the label, or a gap between units (or a document end).
type seg struct {
	s, e int
	unit bool
}

// segments cuts [0, n) into u's units and the gaps around them.
func segments(u []interval, n int, out []seg) []seg {
	out = out[:0]
	pos := 0
	for _, iv := range u {
		if iv.s > pos {
			out = append(out, seg{pos, iv.s, false})
		}
		out = append(out, seg{iv.s, iv.e, true})
		pos = iv.e
	}
	if pos < n {
		out = append(out, seg{pos, n, false})
	}
	return out
}

// distance is Krippendorff's (1995) squared distance between two
// overlapping segments of two annotators: the squared differences of their
// starts and ends for two units; a unit's squared length when it lies inside
// the other annotator's gap; zero otherwise.
func distance(a, b seg) int64 {
	switch {
	case a.unit && b.unit:
		ds, de := int64(a.s-b.s), int64(a.e-b.e)
		return ds*ds + de*de
	case a.unit && b.s <= a.s && a.e <= b.e:
		l := int64(a.e - a.s)
		return l * l
	case b.unit && a.s <= b.s && b.e <= a.e:
		l := int64(b.e - b.s)
		return l * l
	}
	return 0
}

// observedSum is the sum of distances between every overlapping pair of
// segments of every pair of annotators in one cell, found by one sweep per
// pair.
func observedSum(segs [][]seg) int64 {
	var sum int64
	for r1 := range segs {
		for r2 := r1 + 1; r2 < len(segs); r2++ {
			a, b := segs[r1], segs[r2]
			i, j := 0, 0
			for i < len(a) && j < len(b) {
				sum += distance(a[i], b[j])
				switch {
				case a[i].e < b[j].e:
					i++
				case a[i].e > b[j].e:
					j++
				default:
					i, j = i+1, j+1
				}
			}
		}
	}
	return sum
}

// disagreement holds D_o and D_e of one label; den == 0 means undefined.
type disagreement struct {
	do, de float64
	used   bool // some annotator has a unit of the label
}

// unitizing computes D_o(c) and D_e(c) of Krippendorff's alpha_u for one
// label, as Krippendorff (2004: 251-254) defines them and DKPro statistics'
// KrippendorffAlphaUnitizingAgreement computes them, each document being
// its own stretch of the continuum. L is the total length, R the number of
// compared annotators, docs the documents in scope.
func unitizing(g group, docs []Document, R int, L int64) disagreement {
	var observed int64
	units := 0
	for _, u := range g.units {
		units += u
	}
	lengths := make([]int64, 0, units)
	gaps := make([]int64, 0, units+R*len(docs))
	touched := make([]bool, len(docs))
	segs := make([][]seg, R)
	for _, c := range g.cells {
		touched[c.doc] = true
		for r := range R {
			segs[r] = segments(c.units[r], c.n, segs[r])
			for _, sg := range segs[r] {
				if sg.unit {
					lengths = append(lengths, int64(sg.e-sg.s))
				} else {
					gaps = append(gaps, int64(sg.e-sg.s))
				}
			}
		}
		observed += observedSum(segs)
	}
	if len(lengths) == 0 || R < 2 || L == 0 {
		return disagreement{used: len(lengths) > 0}
	}
	for d, doc := range docs {
		if !touched[d] && doc.Length > 0 {
			for range R {
				gaps = append(gaps, int64(doc.Length))
			}
		}
	}
	fR, fL := float64(R), float64(L)
	do := 2 * float64(observed) / (fR * (fR - 1) * fL * fL)
	return disagreement{do: do, de: expected(lengths, gaps, R, L), used: true}
}

// expected is D_e(c):
//
//	2/L · Σ_u [ (N_c−1)(2l³−3l²+l)/3 + l² Σ_{gaps g ≥ l} (g−l+1) ]
//	  / ( R·L(R·L−1) − Σ_u l(l−1) )
//
// over the lengths l of every annotator's units and the lengths g of every
// annotator's gaps. The inner sum over gaps comes from the gaps sorted by
// length and their suffix sums, so the whole costs O((units+gaps) log gaps).
func expected(lengths, gaps []int64, R int, L int64) float64 {
	slices.Sort(gaps)
	suffix := make([]int64, len(gaps)+1) // suffix[i] = Σ gaps[i:]
	for i := len(gaps) - 1; i >= 0; i-- {
		suffix[i] = suffix[i+1] + gaps[i]
	}
	nc := float64(len(lengths))
	var num float64
	var squares int64
	for _, l := range lengths {
		fl := float64(l)
		squares += l * (l - 1)
		num += (nc - 1) * fl * (fl - 1) * (2*fl - 1) / 3
		k := sort.Search(len(gaps), func(i int) bool { return gaps[i] >= l })
		count := int64(len(gaps) - k)
		num += fl * fl * float64(suffix[k]-(l-1)*count)
	}
	rl := float64(R) * float64(L)
	return 2 / float64(L) * num / (rl*(rl-1) - float64(squares))
}
