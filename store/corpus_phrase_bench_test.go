package store

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"gloss/annotate"
	"gloss/annotate/find"
)

// phraseDocs is the corpus size of the phrase search target.
const phraseDocs = 200000

// phrasePageDocs is the page of BenchmarkCorpusPhrase's PhrasePage: the
// documents (with all their hits) a window or gloss-cli shows at once.
const phrasePageDocs = 50

// countUpTo is PhraseCountUpTo's bound: "10,000 or more documents".
const countUpTo = 10000

// phraseSizes are the corpus sizes of BenchmarkCorpusPhrase: those of the
// other corpus benchmarks (1 kB documents) and 200,000.
func phraseSizes() []int {
	out := append([]int(nil), corpusSizes...)
	for _, n := range out {
		if n == phraseDocs {
			return out
		}
	}
	return append(out, phraseDocs)
}

// BenchmarkCorpusPhrase: a phrase over documents of 1 kB, for a rare
// phrase (in every 10,000th document) and one in about half the
// documents: every hit through the index (PhraseIndex, SearchText), the
// first page of phrasePageDocs documents through the index (PhrasePage,
// SearchTextPage, what a window or a paged listing shows first), the
// index's count of candidates (PhraseCount; PhraseCountUpTo stops at
// countUpTo), every document read and its hits checked as SearchText
// checks them, without the index (PhraseScanChecked: the same answer by
// a scan), and every text read and matched (PhraseScan, the baseline);
// and the index's size at 200,000.
func BenchmarkCorpusPhrase(b *testing.B) {
	for _, size := range phraseSizes() {
		path := corpusProject(b, size, 1000)
		s, err := Open(path, Options{NoBackup: true, ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		for _, q := range []struct{ name, text string }{{"rare", "Quinoa Treaty of Reykjavík"}, {"common", "stabilizing factor"}} {
			want := -1 // documents holding the phrase, from PhraseIndex
			b.Run(fmt.Sprintf("PhraseIndex/%s/docs=%d", q.name, size), func(b *testing.B) {
				defer reportCPU(b)()
				for i := 0; i < b.N; i++ {
					n := 0
					err := s.SearchText(q.text, find.Options{}, 0, func(*annotate.Document, []find.Hit) bool { n++; return true })
					if err != nil || (n == 0 && size >= 10000) {
						b.Fatal(n, err)
					}
					want = n
				}
			})
			b.Run(fmt.Sprintf("PhrasePage/%s/docs=%d", q.name, size), func(b *testing.B) {
				defer reportCPU(b)()
				for i := 0; i < b.N; i++ {
					page, err := s.SearchTextPage(q.text, find.Options{}, TextCursor{}, phrasePageDocs)
					if err != nil {
						b.Fatal(err)
					}
					if want >= 0 && len(page.Results) != min(want, phrasePageDocs) {
						b.Fatalf("first page: %d documents, of %d holding the phrase", len(page.Results), want)
					}
				}
			})
			b.Run(fmt.Sprintf("PhraseCount/%s/docs=%d", q.name, size), func(b *testing.B) {
				defer reportCPU(b)()
				for i := 0; i < b.N; i++ {
					n, err := s.CountTextCandidates(q.text, find.Options{}, 0)
					if err != nil || n < want || n > size {
						b.Fatal(n, want, err)
					}
					b.ReportMetric(float64(n), "candidates")
				}
			})
			b.Run(fmt.Sprintf("PhraseCountUpTo/%s/docs=%d", q.name, size), func(b *testing.B) {
				defer reportCPU(b)()
				for i := 0; i < b.N; i++ {
					n, err := s.CountTextCandidates(q.text, find.Options{}, countUpTo)
					if err != nil || n < min(want, countUpTo) || n > countUpTo {
						b.Fatal(n, want, err)
					}
				}
			})
			b.Run(fmt.Sprintf("PhraseScanChecked/%s/docs=%d", q.name, size), func(b *testing.B) {
				defer reportCPU(b)()
				for i := 0; i < b.N; i++ {
					ts, err := s.beginTextSearch(q.text, find.Options{})
					if err != nil {
						b.Fatal(err)
					}
					ts.match = "" // every document read, as without the index
					n := 0
					_, _, err = ts.each(0, 0, func(*annotate.Document, []find.Hit) bool { n++; return true })
					ts.tx.Rollback()
					if err != nil || (want >= 0 && n != want) {
						b.Fatalf("%d documents, the index %d: %v", n, want, err)
					}
				}
			})
			b.Run(fmt.Sprintf("PhraseScan/%s/docs=%d", q.name, size), func(b *testing.B) {
				defer reportCPU(b)()
				m, _ := find.NewLiteral(q.text, find.Options{})
				for i := 0; i < b.N; i++ {
					n := 0
					rows, err := s.rdb.Query(`SELECT text FROM documents ORDER BY seq`)
					if err != nil {
						b.Fatal(err)
					}
					for rows.Next() {
						var text string
						rows.Scan(&text)
						if len(m.FindAll(text)) > 0 {
							n++
						}
					}
					rows.Close()
					if want >= 0 && n != want {
						b.Fatalf("scan finds %d documents, the index %d", n, want)
					}
				}
			})
		}
		s.Close()
	}
	path := corpusProject(b, phraseDocs, 1000)
	b.Run(fmt.Sprintf("IndexSize/docs=%d", phraseDocs), func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			with, without, err := indexSize(b, path)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(with)/1e6, "file-MB")
			b.ReportMetric(float64(with-without)/1e6, "index-MB")
		}
	})
}

// indexSize returns the size of a copy of the project, and of the copy
// without the full-text index (emptied, then VACUUM).
func indexSize(b *testing.B, path string) (int64, int64, error) {
	cp := filepath.Join(b.TempDir(), "copy.gloss")
	if err := copyFile(path, cp); err != nil {
		return 0, 0, err
	}
	fi, _ := os.Stat(cp)
	s, err := Open(cp, Options{NoBackup: true})
	if err != nil {
		return 0, 0, err
	}
	defer s.Close()
	for _, q := range []string{`INSERT INTO text_index(text_index) VALUES ('delete-all')`, `DELETE FROM title_index`, `VACUUM`} {
		if _, err := s.db.Exec(q); err != nil {
			return 0, 0, err
		}
	}
	var pages, size int64
	s.db.QueryRow(`PRAGMA page_count`).Scan(&pages)
	s.db.QueryRow(`PRAGMA page_size`).Scan(&size)
	return fi.Size(), pages * size, nil
}

// reportCPU starts measuring the process's CPU time; the function it
// returns reports it per operation (cpu-ms/op), a figure steadier than
// the wall time on a machine shared with other work.
func reportCPU(b *testing.B) func() {
	start := processCPU()
	return func() {
		if end := processCPU(); start >= 0 && end >= 0 && b.N > 0 {
			b.ReportMetric(float64(end-start)/1e6/float64(b.N), "cpu-ms/op")
		}
	}
}
