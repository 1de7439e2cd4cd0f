package app

import (
	"fmt"
	"math/rand"
	"testing"

	"github.com/sahilm/fuzzy"

	"gloss/annotate"
)

// benchTitles returns 10,000 news-like titles, some with accents.
func benchTitles() []annotate.DocumentInfo {
	rng := rand.New(rand.NewSource(5))
	places := []string{"Moscow", "Beijing", "Zürich", "São Paulo", "Kraków", "Geneva", "Busan", "Ankara"}
	topics := []string{"summit", "trade talks", "central bank briefing", "health council", "energy deal", "sanctions", "election"}
	docs := make([]annotate.DocumentInfo, 10000)
	for i := range docs {
		docs[i] = annotate.DocumentInfo{ID: fmt.Sprint(i), Title: fmt.Sprintf("%s %s %d-%02d #%d",
			places[rng.Intn(len(places))], topics[rng.Intn(len(topics))], 2020+rng.Intn(6), 1+rng.Intn(12), i)}
	}
	return docs
}

// keystrokes is someone typing "zurich council", one query per key.
var keystrokes = func() []string {
	var qs []string
	for i := 1; i <= len("zurich council"); i++ {
		qs = append(qs, "zurich council"[:i])
	}
	return qs
}()

// BenchmarkFuzzyFilter: the documents search over 10,000 titles, per
// keystroke (accent folding, rune-offset highlights and rows included).
func BenchmarkFuzzyFilter(b *testing.B) {
	docs := benchTitles()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		filterDocs(keystrokes[i%len(keystrokes)], docs, nil)
	}
}

// BenchmarkFuzzyFilterBaseline: sahilm/fuzzy alone on the same titles.
func BenchmarkFuzzyFilterBaseline(b *testing.B) {
	docs := benchTitles()
	titles := make([]string, len(docs))
	for i, d := range docs {
		titles[i] = d.Title
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		fuzzy.Find(keystrokes[i%len(keystrokes)], titles)
	}
}
