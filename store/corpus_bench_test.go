package store

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sahilm/fuzzy"

	"gloss/annotate"
	"gloss/annotate/find"
	"gloss/annotate/gen"
)

// The benchmarks of issue 17: how opening, the documents list, the title
// search and the full-text search grow with the corpus. Projects are
// generated once per process (annotate/gen, in batches of 10,000
// documents) into the shared benchmark folder, so -count=5 reuses them.

// rarePhrase is planted in every 10,000th document, so that a phrase
// search has few hits at any size (a phrase in most documents costs what
// reading them costs, index or not).
const rarePhrase = "the quinoa treaty of Reykjavík"

var corpusBuilt sync.Map // path -> error

// corpusProject returns a project of n documents of about size bytes each
// (no spans), with titles made of words and a number.
func corpusProject(b *testing.B, n, size int) string {
	p := filepath.Join(benchTemp(b), fmt.Sprintf("corpus-%d-%d.gloss", n, size))
	if v, ok := corpusBuilt.Load(p); ok {
		if v != nil {
			b.Fatal(v)
		}
		return p
	}
	if _, err := os.Stat(p); err == nil && benchKeep {
		corpusBuilt.Store(p, nil) // built by an earlier run (GLOSS_BENCH_DIR)
		return p
	}
	start := time.Now()
	tmp := p + ".building"
	os.Remove(tmp)
	err := buildCorpus(tmp, n, size)
	if err == nil {
		err = os.Rename(tmp, p)
	}
	corpusBuilt.Store(p, err)
	if err != nil {
		b.Fatal(err)
	}
	fi, _ := os.Stat(p)
	b.Logf("generated %d documents of %d bytes in %v: %.0f MB", n, size, time.Since(start).Round(time.Second), float64(fi.Size())/1e6)
	return p
}

func buildCorpus(p string, n, size int) error {
	s, err := Open(p, Options{NoBackup: true})
	if err != nil {
		return err
	}
	defer s.Close()
	r := rand.New(rand.NewSource(int64(n)))
	for done := 0; done < n; {
		var docs []*annotate.Document
		for ; done < n && len(docs) < 10000; done++ {
			text := gen.Text(r, size)
			if done%10000 == 5000 {
				text += " Officials praised " + rarePhrase + "."
			}
			words := strings.Fields(gen.Sentence(r))
			d := annotate.NewDocument(fmt.Sprintf("%s %d", strings.Join(words[:min(5, len(words))], " "), done), text, "")
			docs = append(docs, d)
		}
		if err := s.AddDocuments(docs); err != nil {
			return err
		}
	}
	return s.BuildIndex(context.Background(), nil)
}

var corpusSizes = benchCorpusSizes()

func benchCorpusSizes() []int {
	if v := os.Getenv("GLOSS_BENCH_SIZES"); v != "" {
		var out []int
		for _, f := range strings.Split(v, ",") {
			var n int
			fmt.Sscan(f, &n)
			out = append(out, n)
		}
		return out
	}
	return []int{1000, 10000, 100000}
}

// bigCorpusDocs is the largest size: 1,000,000 documents of 100 bytes
// (titles and the documents list do not depend on the texts' size; a
// million 1 kB texts take a long time to generate on a shared machine).
const bigCorpusDocs = 1000000

func corpusCases() [][2]int {
	var c [][2]int
	for _, n := range corpusSizes {
		c = append(c, [2]int{n, 1000})
	}
	if os.Getenv("GLOSS_BENCH_1M") != "0" {
		c = append(c, [2]int{bigCorpusDocs, 100})
	}
	return c
}

// BenchmarkCorpusOpen: open a project and read the first page of the
// documents list by title (what the window shows first), without the
// rolling backup; OpenFirstPageBackup with it (Open fingerprints the
// content to decide whether to make one, see fingerprint.go).
func BenchmarkCorpusOpen(b *testing.B) {
	for _, c := range corpusCases() {
		path := corpusProject(b, c[0], c[1])
		for _, backup := range []bool{false, true} {
			name := "OpenFirstPage"
			if backup {
				name = "OpenFirstPageBackup"
			}
			b.Run(fmt.Sprintf("%s/docs=%d", name, c[0]), func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					s, err := Open(path, Options{NoBackup: !backup})
					if err != nil {
						b.Fatal(err)
					}
					page, _, err := s.DocumentsPage(annotate.Cursor{}, 100, annotate.DocFilter{}, annotate.DocSort{By: annotate.SortTitle})
					if err != nil || len(page) != 100 {
						b.Fatal(len(page), err)
					}
					if n, err := s.Count(annotate.DocFilter{}); err != nil || n != c[0] {
						b.Fatal(n, err)
					}
					b.StopTimer()
					s.Close()
					b.StartTimer()
				}
			})
		}
	}
}

// BenchmarkCorpusTitleSearch: typing a title, one keystroke per search:
// the index's candidates (up to 200) ranked by sahilm/fuzzy, as the window
// does. The figure is the time per keystroke.
func BenchmarkCorpusTitleSearch(b *testing.B) {
	for _, c := range corpusCases() {
		path := corpusProject(b, c[0], c[1])
		b.Run(fmt.Sprintf("TitleKeystroke/docs=%d", c[0]), func(b *testing.B) {
			s, err := Open(path, Options{NoBackup: true, ReadOnly: true})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			page, _, err := s.DocumentsPage(annotate.Cursor{}, 1, annotate.DocFilter{}, annotate.DocSort{By: annotate.SortDate, Desc: true})
			if err != nil {
				b.Fatal(err)
			}
			target := []rune(page[0].Title)
			b.ResetTimer()
			keys := 0
			for i := 0; i < b.N; i++ {
				for k := 1; k <= len(target); k++ {
					q := string(target[:k])
					hits, err := s.SearchTitles(q, 200)
					if err != nil {
						b.Fatal(err)
					}
					titles := make([]string, len(hits))
					for j, h := range hits {
						titles[j] = h.Title
					}
					m := fuzzy.Find(q, titles)
					if k == len(target) && (len(m) == 0 || titles[m[0].Index] != string(target)) {
						b.Fatalf("%q not found first: %v", q, m)
					}
					keys++
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(keys)/1e6, "ms/keystroke")
		})
	}
}

// phraseDocs is the corpus size of the phrase search target.
const phraseDocs = 200000

// phrasePageDocs is the page of BenchmarkCorpusPhrase's PhrasePage: the
// documents (with all their hits) a window or gloss-cli shows at once.
const phrasePageDocs = 50

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
// index's count of candidates (PhraseCount), and every text read
// (PhraseScan, the baseline); and the index's size at 200,000.
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
				for i := 0; i < b.N; i++ {
					n, err := s.CountTextCandidates(q.text, find.Options{})
					if err != nil || n < want || n > size {
						b.Fatal(n, want, err)
					}
					b.ReportMetric(float64(n), "candidates")
				}
			})
			b.Run(fmt.Sprintf("PhraseScan/%s/docs=%d", q.name, size), func(b *testing.B) {
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
