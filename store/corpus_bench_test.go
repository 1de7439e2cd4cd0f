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

// BenchmarkCorpusOpenSameContent: open a project whose file changed
// since its newest backup (an import that added nothing, logged) but
// whose content did not, with the rolling backup on, then read the first
// page: Open tells by the content tokens that no backup is due
// (OpenSameContent), or by fingerprinting the content of the project and
// of the backup, as before tokens (OpenSameContentFingerprint, the
// baseline).
func BenchmarkCorpusOpenSameContent(b *testing.B) {
	for _, c := range corpusCases() {
		path := corpusProject(b, c[0], c[1])
		if err := backupWithToken(path); err != nil { // the newest backup holds this content
			b.Fatal(err)
		}
		for _, fp := range []bool{false, true} {
			name := "OpenSameContent"
			if fp {
				name = "OpenSameContentFingerprint"
			}
			b.Run(fmt.Sprintf("%s/docs=%d", name, c[0]), func(b *testing.B) {
				defer func(v bool) { fingerprintOnly = v }(fingerprintOnly)
				fingerprintOnly = fp
				for i := 0; i < b.N; i++ {
					b.StopTimer()
					s, err := Open(path, Options{NoBackup: true})
					if err != nil {
						b.Fatal(err)
					}
					if _, err := s.Import(&annotate.Batch{}); err != nil { // logged: the file changes
						b.Fatal(err)
					}
					s.Close()
					b.StartTimer()
					s, err = Open(path, Options{})
					if err != nil {
						b.Fatal(err)
					}
					if bk, err := s.OpenBackup(); bk.Path != "" || err != nil {
						b.Fatalf("unchanged content backed up: %s %v", bk.Path, err)
					}
					page, _, err := s.DocumentsPage(annotate.Cursor{}, 100, annotate.DocFilter{}, annotate.DocSort{By: annotate.SortTitle})
					if err != nil || len(page) != 100 {
						b.Fatal(len(page), err)
					}
					b.StopTimer()
					s.Close()
					b.StartTimer()
				}
			})
		}
	}
}

// backupWithToken opens the project so that its newest backup holds its
// content, and makes that backup again when it predates content tokens
// (a corpus generated before migration 006, whose backup Open made
// before upgrading it).
func backupWithToken(path string) error {
	for try := 0; try < 2; try++ {
		s, err := Open(path, Options{})
		if err != nil {
			return err
		}
		s.Close()
		list, err := Backups(path)
		if err != nil || len(list) == 0 {
			return fmt.Errorf("no backup of %s: %v", path, err)
		}
		if _, err := fileContentToken(list[0].Path); err == nil {
			return nil
		}
		for _, bk := range list {
			os.Remove(bk.Path)
		}
	}
	return fmt.Errorf("the backup of %s has no content token", path)
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
