package main

import (
	"fmt"
	"path/filepath"
	"testing"

	"gloss/annotate/find"
	"gloss/store"
)

// TestSearchIndexEqualsScan: on a generated corpus (Cyrillic, Chinese,
// Arabic, emoji, typographic quotes), search through the full-text index
// gives exactly the hits, contexts and order of the scan of every text
// (scanCorpus, the reference), for each option and with a limit.
func TestSearchIndexEqualsScan(t *testing.T) {
	p := filepath.Join(t.TempDir(), "gen.gloss")
	mustGC(t, "gen", "--docs", "400", "--size", "700", "--spans-per-doc", "0", p)
	s, err := store.Open(p, store.Options{NoCreate: true, NoBackup: true, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	docs, err := s.Documents()
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, q := range []string{"Москва", "МОСКВА", "北京", "الصين", "zürich", "ZÜRICH", "🤝", "“gradual", "stabilizing factor",
		"Moreover, the", "in Geneva.", "xyz never", "es"} {
		for _, opts := range []find.Options{{}, {CaseSensitive: true}, {WholeWord: true}} {
			for _, limit := range []int{0, 5} {
				m, err := find.NewLiteral(q, opts)
				if err != nil {
					t.Fatal(err)
				}
				var want, got []corpusHit
				if err := scanCorpus(s, docs, m, limit, func(h corpusHit) bool { want = append(want, h); return true }); err != nil {
					t.Fatal(err)
				}
				if err := indexedSearch(s, q, opts, limit, func(h corpusHit) bool { got = append(got, h); return true }); err != nil {
					t.Fatal(err)
				}
				if fmt.Sprint(got) != fmt.Sprint(want) {
					t.Errorf("%q %+v limit %d: index gives %d hits, scan %d\n%v\n%v", q, opts, limit, len(got), len(want), got, want)
				}
				total += len(want)
			}
		}
	}
	if total < 500 {
		t.Fatalf("%d hits in all: the corpus does not exercise the search", total)
	}
}
