package app

import (
	"fmt"
	"math/rand"
	"testing"

	"gloss/annotate"
)

// benchBrowseRows builds 100,000 spans over 10,000 documents in memory:
// five labels, three annotators, covered texts with accents, some notes.
func benchBrowseRows() []browseRow {
	rng := rand.New(rand.NewSource(14))
	words := []string{"Лавров", "Sergei Lavrov", "Wang Yi", "Zürich", "São Paulo", "the summit", "central bank", "sanctions", "Kraków", "énergie", "trade deal", "Beijing"}
	labels := make([]*annotate.Label, 5)
	for i := range labels {
		labels[i] = &annotate.Label{ID: fmt.Sprint("L", i), Name: fmt.Sprint("label", i), Color: "#336699"}
	}
	who := []string{"ana", "ben", "chen"}
	statuses := []annotate.Status{annotate.StatusTodo, annotate.StatusInProgress, annotate.StatusDone}
	rows := make([]browseRow, 0, 100000)
	for i := 0; i < 100000; i++ {
		text := []rune(words[rng.Intn(len(words))] + " " + words[rng.Intn(len(words))])
		sp := &annotate.Span{ID: fmt.Sprint(i), DocumentID: fmt.Sprint(i / 10), Start: 0, End: len(text),
			LabelID: labels[rng.Intn(5)].ID, Annotator: who[rng.Intn(3)]}
		if rng.Intn(10) == 0 {
			sp.Note = "check this " + words[rng.Intn(len(words))]
		}
		l := labels[rng.Intn(5)]
		rows = append(rows, newBrowseRow(sp, text, fmt.Sprintf("Article %d", i/10), statuses[rng.Intn(3)], l))
	}
	return rows
}

// BenchmarkSpanBrowserFilter is one keystroke in the span browser's text
// filter over 100,000 spans (typing "zurich ba", one query per key, with
// the label filter set on every other one). Target: under 50 ms.
func BenchmarkSpanBrowserFilter(b *testing.B) {
	rows := benchBrowseRows()
	typed := "zurich ba"
	var out []int32
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := 1 + i%len(typed)
		f := browseFilter{text: typed[:k]}
		if i%2 == 1 {
			f.label = "label2"
		}
		out = filterBrowse(rows, f, out)
	}
}
