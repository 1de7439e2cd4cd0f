package app

import (
	"sort"

	"gloss/annotate/agree"
)

// agreementCells lays out an agreement result as the Agreement window's
// table: a header, one row per label (alpha_u, Cohen's kappa of each pair,
// Fleiss' kappa with more than two annotators), the overall alpha_u, then
// one row per pair with its F1 scores. Undefined figures read "n/a".
func agreementCells(r agree.Result) [][]string {
	labels := make([]string, 0, len(r.Labels))
	for l := range r.Labels {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	fleiss := len(r.Annotators) > 2
	head := []string{"Label", "alpha_u"}
	for _, p := range r.Pairs {
		head = append(head, "kappa "+p.A+"·"+p.B)
	}
	if fleiss {
		head = append(head, "Fleiss kappa")
	}
	rows := [][]string{head}
	for _, l := range labels {
		row := []string{l, r.Labels[l].AlphaU.String()}
		for _, p := range r.Pairs {
			row = append(row, p.Kappa[l].String())
		}
		if fleiss {
			row = append(row, r.Fleiss[l].String())
		}
		rows = append(rows, row)
	}
	rows = append(rows, pad([]string{"All labels", r.AlphaU.String()}, len(head)))
	rows = append(rows, pad(nil, len(head)), pad([]string{"Pair", "F1 exact", "F1 overlap"}, len(head)))
	for _, p := range r.Pairs {
		rows = append(rows, pad([]string{p.A + " · " + p.B, p.F1Exact.String(), p.F1Overlap.String()}, len(head)))
	}
	return rows
}

// pad extends row with empty cells to n.
func pad(row []string, n int) []string {
	for len(row) < n {
		row = append(row, "")
	}
	return row
}

// chartBars are the chart's bars: alpha_u per label, in name order.
func chartBars(r agree.Result) []alphaBar {
	var bars []alphaBar
	for l, lr := range r.Labels {
		bars = append(bars, alphaBar{label: l, value: lr.AlphaU})
	}
	sort.Slice(bars, func(i, j int) bool { return bars[i].label < bars[j].label })
	return bars
}
