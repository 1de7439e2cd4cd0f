package store

import (
	"context"
	"encoding/json"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"
	"time"

	"gloss/annotate"
	"gloss/annotate/formats"
	"gloss/annotate/gen"
)

// The benchmarks of issue 6. Each figure has a baseline measured in the same
// run; `make bench` prints them side by side with their ratio.
//
// Corpora are generated once per process into a folder that lives until the
// process ends, so `-count=5` does not regenerate them.

var (
	benchDir     string
	benchKeep    bool
	benchDirOnce sync.Once
)

// benchTemp returns the shared benchmark folder: GLOSS_BENCH_DIR when set
// (kept after the process, so that large generated corpora serve several
// runs), else a temporary folder removed when the process ends.
func benchTemp(b *testing.B) string {
	benchDirOnce.Do(func() {
		if d := os.Getenv("GLOSS_BENCH_DIR"); d != "" {
			if err := os.MkdirAll(d, 0o755); err != nil {
				panic(err)
			}
			benchKeep, benchDir = true, d
			return
		}
		d, err := os.MkdirTemp("", "gloss-bench-")
		if err != nil {
			panic(err)
		}
		benchDir = d
	})
	return benchDir
}

// TestMain removes the shared benchmark folder.
func TestMain(m *testing.M) {
	code := m.Run()
	if benchDir != "" && !benchKeep {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

const (
	benchDocs     = 10000
	benchDocBytes = 5000
	benchSpans    = 10
)

var folderOnce, projectOnce sync.Once
var folderPath, projectPath string

// articleFolder writes 10,000 generated articles (~50 MB) as .txt files.
func articleFolder(b *testing.B) string {
	folderOnce.Do(func() {
		folderPath = filepath.Join(benchTemp(b), "articles")
		os.MkdirAll(folderPath, 0o755)
		for _, d := range gen.Corpus(gen.Options{Docs: benchDocs, Size: benchDocBytes, Seed: 1}).Documents {
			os.WriteFile(filepath.Join(folderPath, d.Title+".txt"), []byte(d.Text), 0o644)
		}
	})
	return folderPath
}

// bigProject builds a 10,000-document, 100,000-span project once.
func bigProject(b *testing.B) string {
	projectOnce.Do(func() {
		projectPath = filepath.Join(benchTemp(b), "big.gloss")
		s, err := Open(projectPath, Options{})
		if err != nil {
			panic(err)
		}
		if _, err := s.Import(gen.Corpus(gen.Options{Docs: benchDocs, Size: benchDocBytes, SpansPerDoc: benchSpans, Seed: 2})); err != nil {
			panic(err)
		}
		s.Close()
	})
	return projectPath
}

func freshPath(b *testing.B) string {
	return filepath.Join(b.TempDir(), "p.gloss")
}

// BenchmarkImportFolder: read, check and store 10,000 articles from a folder.
func BenchmarkImportFolder(b *testing.B) {
	dir := articleFolder(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s, err := Open(freshPath(b), Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		batch, err := formats.LoadPaths(context.Background(), []string{dir}, "auto")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Import(batch); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	b.SetBytes(benchDocs * benchDocBytes)
}

// BenchmarkImportFolderBaseline: the same files read and their rows inserted
// with one prepared statement in one transaction, no parsing or validation.
func BenchmarkImportFolderBaseline(b *testing.B) {
	dir := articleFolder(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s, err := Open(freshPath(b), Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		entries, _ := os.ReadDir(dir)
		tx, _ := s.db.Begin()
		stmt, err := tx.Prepare(insertDocumentSQL)
		if err != nil {
			b.Fatal(err)
		}
		ts := now()
		for _, e := range entries {
			text, _ := os.ReadFile(filepath.Join(dir, e.Name()))
			if _, err := stmt.Exec(annotate.NewID(), e.Name(), string(text), "", "", "todo", "{}", 0, ts, ts); err != nil {
				b.Fatal(err)
			}
		}
		stmt.Close()
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	b.SetBytes(benchDocs * benchDocBytes)
}

// BenchmarkExportGloss: the whole 10,000-document project as Gloss JSON.
func BenchmarkExportGloss(b *testing.B) {
	s, err := Open(bigProject(b), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	f, _ := formats.Lookup("gloss")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rep, err := f.Write(io.Discard, s)
		if err != nil || rep.Spans != benchDocs*benchSpans {
			b.Fatalf("export: %+v, %v", rep, err)
		}
	}
}

// BenchmarkExportGlossBaseline: selecting the same rows and encoding them
// with encoding/json, without offsets or the covered text.
func BenchmarkExportGlossBaseline(b *testing.B) {
	s, err := Open(bigProject(b), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		enc := json.NewEncoder(io.Discard)
		rows, err := s.rdb.Query(selectDocumentSQL + ` ORDER BY seq`)
		if err != nil {
			b.Fatal(err)
		}
		for rows.Next() {
			d, err := scanDocument(rows)
			if err != nil {
				b.Fatal(err)
			}
			enc.Encode(d)
		}
		rows.Close()
		rows, _ = s.rdb.Query(selectSpanSQL + ` ORDER BY document_id, start`)
		for rows.Next() {
			sp, err := scanSpan(rows)
			if err != nil {
				b.Fatal(err)
			}
			enc.Encode(sp)
		}
		rows.Close()
	}
}

// BenchmarkOpenList: open the big project and list its documents.
func BenchmarkOpenList(b *testing.B) {
	path := bigProject(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s, err := Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		docs, err := s.Documents()
		if err != nil || len(docs) != benchDocs {
			b.Fatalf("%d documents, %v", len(docs), err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

// BenchmarkAddSpan: one span added durably (commit included); reports p99.
func BenchmarkAddSpan(b *testing.B) {
	s, err := Open(freshPath(b), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	s.AddLabel(&annotate.Label{Name: "claim"})
	lab, _ := s.LabelByName("claim")
	d := annotate.NewDocument("d", gen.Text(newRand(), 1<<20), "")
	if err := s.AddDocuments([]*annotate.Document{d}); err != nil {
		b.Fatal(err)
	}
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		if err := s.AddSpan(annotate.NewSpan(d.ID, i, i+5, lab.ID)); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t0))
	}
	b.StopTimer()
	reportP99(b, lat)
}

// BenchmarkAddSpanBaseline: a bare INSERT in its own transaction.
func BenchmarkAddSpanBaseline(b *testing.B) {
	s, err := Open(freshPath(b), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	s.AddLabel(&annotate.Label{Name: "claim"})
	lab, _ := s.LabelByName("claim")
	d := annotate.NewDocument("d", gen.Text(newRand(), 1<<20), "")
	s.AddDocuments([]*annotate.Document{d})
	lat := make([]time.Duration, 0, b.N)
	ts := now()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		err := func() error {
			tx, err := s.db.Begin()
			if err != nil {
				return err
			}
			defer tx.Rollback()
			if _, err := tx.Exec(insertSpanSQL, annotate.NewID(), d.ID, i, i+5, lab.ID, "", "", "", ts, ts); err != nil {
				return err
			}
			return tx.Commit()
		}()
		if err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t0))
	}
	b.StopTimer()
	reportP99(b, lat)
}

func reportP99(b *testing.B, lat []time.Duration) {
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	if len(lat) > 0 {
		b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
	}
}

func newRand() *rand.Rand { return rand.New(rand.NewSource(42)) }
