package agree

import (
	"cmp"
	"fmt"
	"slices"
)

// CohenKappa is Cohen's (1960) kappa of a square confusion table of two
// raters: table[i][j] counts the items the first rater put in category i
// and the second in category j. It is (p_o − p_e)/(1 − p_e), undefined when
// the table is empty or p_e = 1 (both raters used one and the same category
// throughout).
func CohenKappa(table [][]float64) Value {
	k := len(table)
	rows, cols := make([]float64, k), make([]float64, k)
	var n, diag float64
	for i, row := range table {
		for j, x := range row {
			if j >= k {
				return Value{}
			}
			rows[i] += x
			cols[j] += x
			n += x
			if i == j {
				diag += x
			}
		}
	}
	var chance float64 // n² p_e
	for i := range k {
		chance += rows[i] * cols[i]
	}
	return ratio(n*diag-chance, n*n-chance)
}

// FleissKappa is Fleiss' (1971) kappa: counts[i][j] is how many raters put
// item i in category j, every item having the same number of raters (at
// least two). It is (P̄ − P̄_e)/(1 − P̄_e), undefined when there are no items
// or P̄_e = 1.
func FleissKappa(counts [][]int) (Value, error) {
	rows := make([][]float64, len(counts))
	for i, row := range counts {
		rows[i] = make([]float64, len(row))
		for j, x := range row {
			if x < 0 {
				return Value{}, fmt.Errorf("agree: item %d has a negative count", i+1)
			}
			rows[i][j] = float64(x)
		}
	}
	return fleiss(rows, nil)
}

// fleiss is Fleiss' kappa with weights: weight[i] items are like rows[i]
// (nil weights mean one each).
func fleiss(rows [][]float64, weight []float64) (Value, error) {
	m := -1.0
	var n, squares float64 // items, Σ w Σ_j n_ij²
	var totals []float64   // Σ w n_ij per category
	for i, row := range rows {
		w := 1.0
		if weight != nil {
			w = weight[i]
		}
		var r float64
		for j, x := range row {
			r += x
			for len(totals) <= j {
				totals = append(totals, 0)
			}
			totals[j] += w * x
			squares += w * x * x
		}
		if m >= 0 && r != m {
			return Value{}, fmt.Errorf("agree: item %d has %g ratings, item 1 has %g", i+1, r, m)
		}
		m = r
		n += w
	}
	if n == 0 {
		return Value{}, nil
	}
	if m < 2 {
		return Value{}, fmt.Errorf("agree: Fleiss' kappa needs at least two raters per item, not %g", m)
	}
	nm := n * m
	var chance float64 // (n m)² P̄_e
	for _, t := range totals {
		chance += t * t
	}
	observed := (squares - nm) * nm / (m - 1) // (n m)² P̄
	return ratio(observed-chance, nm*nm-chance), nil
}

// codePointKappa is Cohen's kappa of two annotators for one label over L
// code points, given how many each covers and how many both cover.
func codePointKappa(L, a, b, both int64) Value {
	n11 := float64(both)
	n10, n01 := float64(a-both), float64(b-both)
	n00 := float64(L - a - b + both)
	return CohenKappa([][]float64{{n11, n10}, {n01, n00}})
}

// coverageHistogram adds to hist[k] the number of code points of one cell
// that exactly k annotators cover with the label (k ≥ 1).
func coverageHistogram(c cell, hist []int64) {
	type event struct{ pos, delta int }
	var ev []event
	for _, u := range c.units {
		for _, iv := range u {
			ev = append(ev, event{iv.s, +1}, event{iv.e, -1})
		}
	}
	// Ends before starts at one position, so k never exceeds the annotators.
	slices.SortFunc(ev, func(a, b event) int { return cmp.Or(a.pos-b.pos, a.delta-b.delta) })
	k, last := 0, 0
	for _, e := range ev {
		if k > 0 {
			hist[k] += int64(e.pos - last)
		}
		k += e.delta
		last = e.pos
	}
}

// codePointFleiss is Fleiss' kappa for one label over L code points, each
// code point an item rated "covered" or not by R annotators; hist[k] (k ≥ 1)
// counts the code points k annotators cover.
func codePointFleiss(hist []int64, R int, L int64) Value {
	rows := make([][]float64, R+1)
	weight := make([]float64, R+1)
	rest := L
	for k := 1; k <= R; k++ {
		rest -= hist[k]
		weight[k] = float64(hist[k])
	}
	weight[0] = float64(rest)
	for k := range rows {
		rows[k] = []float64{float64(R - k), float64(k)}
	}
	v, err := fleiss(rows, weight)
	if err != nil {
		return Value{}
	}
	return v
}
