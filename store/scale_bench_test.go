package store

import (
	"fmt"
	"io"
	"path/filepath"
	"testing"

	"gloss/annotate/formats"
	"gloss/annotate/gen"
)

// scaleProject builds (once per process) a project of n 1 kB documents with
// 5 spans each, for the growth table of docs/performance.md.
func scaleProject(b *testing.B, n int) string {
	p := filepath.Join(benchTemp(b), fmt.Sprintf("scale-%d.gloss", n))
	if scaleBuilt[p] {
		return p
	}
	s, err := Open(p, Options{})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.Import(gen.Corpus(gen.Options{Docs: n, Size: 1000, SpansPerDoc: 5, Seed: int64(n)})); err != nil {
		b.Fatal(err)
	}
	s.Close()
	scaleBuilt[p] = true
	return p
}

var scaleBuilt = map[string]bool{}

// BenchmarkScale measures how opening, listing and exporting grow with the
// number of documents: 1,000, 10,000 and 100,000.
func BenchmarkScale(b *testing.B) {
	for _, n := range []int{1000, 10000, 100000} {
		path := scaleProject(b, n)
		b.Run(fmt.Sprintf("OpenList/docs=%d", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				s, err := Open(path, Options{})
				if err != nil {
					b.Fatal(err)
				}
				if docs, err := s.Documents(); err != nil || len(docs) != n {
					b.Fatal(len(docs), err)
				}
				b.StopTimer()
				s.Close()
				b.StartTimer()
			}
		})
		b.Run(fmt.Sprintf("Export/docs=%d", n), func(b *testing.B) {
			s, err := Open(path, Options{})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			f, _ := formats.Lookup("gloss")
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := f.Write(io.Discard, s); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
