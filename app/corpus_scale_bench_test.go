package app_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"gloss/annotate"
	"gloss/app"
	"gloss/store"
)

// benchProjects are the projects of the window benchmarks, by size,
// written once per process.
var benchProjects = map[int]string{}

// benchProject returns a project of n documents with short texts and its
// full-text index built, in a directory TestMain removes after the run
// (os.MkdirTemp: b.TempDir would go with the first benchmark using it).
func benchProject(b *testing.B, n int) string {
	if p, ok := benchProjects[n]; ok {
		return p
	}
	dir, err := os.MkdirTemp("", "gloss-win-bench")
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(dir, "p.gloss")
	s, err := store.Open(path, store.Options{Annotator: "tester"})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for start := 0; start < n; start += 20000 {
		batch := &annotate.Batch{}
		for i := start; i < min(n, start+20000); i++ {
			batch.Documents = append(batch.Documents, annotate.NewDocument(scaleTitle(i), scaleText(i), ""))
		}
		if _, err := s.Import(batch); err != nil {
			b.Fatal(err)
		}
	}
	if err := s.BuildIndex(b.Context(), nil); err != nil {
		b.Fatal(err)
	}
	benchProjects[n] = path
	return path
}

// benchSizes are the corpus sizes of the window benchmarks.
var benchSizes = benchSizesFromEnv()

// BenchmarkPagedWindowOpen: open a project and paint the whole window
// (documents panel paged from the store, the first document shown). The
// background check and index build are left out: they run beside the
// window in use, and do not hold up its first paint.
func BenchmarkPagedWindowOpen(b *testing.B) { benchWindowOpen(b, 0) }

// BenchmarkWholeListWindowOpen is the baseline: the same with the whole
// document list read, as a small project still is.
func BenchmarkWholeListWindowOpen(b *testing.B) { benchWindowOpen(b, 1<<40) }

// benchWindowOpen opens and paints windows, listing page by page projects
// of pagedFrom documents or more.
func benchWindowOpen(b *testing.B, pagedFrom int) {
	defer app.SkipBackground()()
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("docs=%d", n), func(b *testing.B) {
			path := benchProject(b, n)
			defer app.SetPagedFrom(pagedFrom)()
			a := test.NewTempApp(b)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				s, err := store.Open(path, store.Options{Annotator: "tester", NoBackup: true})
				if err != nil {
					b.Fatal(err)
				}
				g := app.NewProbe(app.New(a, s, openStore))
				g.Window().Resize(fyne.NewSize(1200, 800))
				g.Window().Canvas().(test.WindowlessCanvas).Capture()
				if g.DocsRowCount() != n {
					b.Fatalf("%d rows, want %d", g.DocsRowCount(), n)
				}
				g.Close()
				g.Window().Close()
			}
		})
	}
}

// BenchmarkPagedTitleKeystroke: one keystroke of a title search in the
// documents panel, cycling through the keys of "report 04217 elections",
// timed from the key to the list's rows showing the new matches (title
// index candidates, sahilm/fuzzy ranking, the visible rows updated). The
// search runs inline here (the window runs it off the UI goroutine), so
// each key waits for its own search: the time of one key typed alone.
// What the real window adds is one GL frame, drawing cached textures.
func BenchmarkPagedTitleKeystroke(b *testing.B) { benchTitleKeystroke(b, false) }

// BenchmarkPagedTitleKeystrokePainted is the same, then the test driver's
// software painter rasterises the whole 1200x800 window (every text
// shaped and drawn again): a cost of the test driver, not of the search,
// shown so that the two are not confused.
func BenchmarkPagedTitleKeystrokePainted(b *testing.B) { benchTitleKeystroke(b, true) }

func benchTitleKeystroke(b *testing.B, paint bool) {
	defer app.SkipBackground()()
	const typed = "report 04217 elections"
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("docs=%d", n), func(b *testing.B) {
			path := benchProject(b, n)
			defer app.SetPagedFrom(0)()
			s, err := store.Open(path, store.Options{Annotator: "tester", NoBackup: true})
			if err != nil {
				b.Fatal(err)
			}
			g := app.NewProbe(app.New(test.NewTempApp(b), s, openStore))
			defer g.Close()
			g.Window().Resize(fyne.NewSize(1200, 800))
			c := g.Window().Canvas().(test.WindowlessCanvas)
			c.Capture()
			search := g.DocsSearch()
			b.ResetTimer()
			cpu := processCPU()
			for i := 0; i < b.N; i++ {
				search.SetText(typed[:1+i%len(typed)])
				if paint {
					c.Capture()
				}
			}
			b.StopTimer()
			// CPU time per key: the wall time on a loaded machine is
			// mostly the wait for a core.
			b.ReportMetric(float64(processCPU()-cpu)/float64(b.N)/1e6, "cpu-ms/op")
			search.SetText("00424 elect")
			if g.DocsRowCount() == 0 || !strings.Contains(g.DocsRowTitle(0), "00424 on elections") {
				b.Fatalf("the list shows %d rows, the first %q, for \"00424 elect\"", g.DocsRowCount(), g.DocsRowTitle(0))
			}
		})
	}
}

// benchSizesFromEnv is 1,000 and 100,000 documents, or only 1,000 with
// GLOSS_BENCH_100K=0.
func benchSizesFromEnv() []int {
	if os.Getenv("GLOSS_BENCH_100K") == "0" {
		return []int{1000}
	}
	return []int{1000, 100000}
}
