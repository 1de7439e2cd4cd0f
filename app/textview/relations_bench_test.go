package textview

import (
	"fmt"
	"math/rand"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// benchRelations links 5,000 pairs of nearby spans of the benchmark document.
func benchRelations() []Relation {
	rng := rand.New(rand.NewSource(2))
	names := []string{"says", "holds", "about"}
	rs := make([]Relation, 0, 5000)
	for i := 0; i < 5000; i++ {
		a := rng.Intn(len(benchSpans) - 20)
		b := a + 1 + rng.Intn(19)
		rs = append(rs, Relation{ID: fmt.Sprintf("rel-%05d", i), From: benchSpans[a].ID, To: benchSpans[b].ID,
			Name: names[i%3], Directed: i%3 != 2})
	}
	return rs
}

// BenchmarkFirstPaintRelations opens the 1 MB document with 10,000 spans
// and 5,000 relations, every relation shown, in a fresh view in a 900x700
// window from a fresh app, up to the first frame's objects.
func BenchmarkFirstPaintRelations(b *testing.B) {
	benchInput()
	rels := benchRelations()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		test.NewTempApp(b)
		fyne.MeasureText("warm up the font", 14, fyne.TextStyle{})
		w := test.NewWindow(nil)
		b.StartTimer()
		v := New()
		v.SetDocument(benchText, benchSpans, benchLabels)
		v.SetRelations(rels)
		v.ShowAllRelations(true)
		w.SetContent(v)
		w.Resize(fyne.NewSize(900, 700))
		if lines, _ := arcObjects(v); len(lines) == 0 {
			b.Fatal("no arc drawn")
		}
		b.StopTimer()
		w.Close()
		b.StartTimer()
	}
}
