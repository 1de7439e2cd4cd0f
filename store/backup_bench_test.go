package store

import (
	"os"
	"path/filepath"
	"testing"

	"gloss/annotate"
)

// The cost of what Open does for reliability, on a project of about 50 MB
// of text: the quick check alone (NoBackup), and the quick check plus the
// rolling backup of a project changed since its last one.
//
//	go test -run '^$' -bench 'Open.*50MB' -benchtime 5x ./store

func project50MB(b *testing.B) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "big.gloss")
	s, err := Open(path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	s.AddLabel(&annotate.Label{Name: "claim"})
	for i := 0; i < 5; i++ { // 5,500 documents of 5 KB, 55,000 spans: a 50 MB file
		batch := textBatch("doc", 1100, 5000)
		for _, d := range batch.Documents {
			for k := 0; k < 10; k++ {
				batch.Spans = append(batch.Spans, &annotate.BatchSpan{Span: *annotate.NewSpan(d.ID, k*10, k*10+5, ""), LabelName: "claim"})
			}
		}
		if _, err := s.Import(batch); err != nil {
			b.Fatal(err)
		}
	}
	return path
}

func benchmarkOpen(b *testing.B, opts Options) {
	path := project50MB(b)
	info, _ := os.Stat(path)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s, err := Open(path, Options{NoBackup: true})
		if err != nil {
			b.Fatal(err)
		}
		docs, _ := s.Documents()
		s.SetStatus(docs[i%len(docs)].ID, annotate.StatusDone) // changed since the last backup
		s.Close()
		b.StartTimer()
		s, err = Open(path, opts)
		if err != nil {
			b.Fatal(err)
		}
		if bk, err := s.OpenBackup(); err != nil || (!opts.NoBackup && bk.Path == "") {
			b.Fatalf("backup %+v: %v", bk, err)
		}
		s.Close()
	}
	b.ReportMetric(float64(info.Size())/(1<<20), "MB")
}

// BenchmarkOpenNoBackup50MB: Open with its quick check, no backup.
func BenchmarkOpenNoBackup50MB(b *testing.B) { benchmarkOpen(b, Options{NoBackup: true}) }

// BenchmarkOpenBackup50MB: Open with its quick check and rolling backup.
func BenchmarkOpenBackup50MB(b *testing.B) { benchmarkOpen(b, Options{}) }

// BenchmarkOpenSameContent50MB: Open of a project whose file changed (an
// import that added nothing, logged) but whose content is its newest
// backup's: the quick check and two content fingerprints, no backup.
func BenchmarkOpenSameContent50MB(b *testing.B) {
	path := project50MB(b)
	s, err := Open(path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	s.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s, err := Open(path, Options{NoBackup: true})
		if err != nil {
			b.Fatal(err)
		}
		s.Import(&annotate.Batch{})
		s.Close()
		b.StartTimer()
		s, err = Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if bk, err := s.OpenBackup(); err != nil || bk.Path != "" {
			b.Fatalf("backup %+v: %v", bk, err)
		}
		s.Close()
	}
}
