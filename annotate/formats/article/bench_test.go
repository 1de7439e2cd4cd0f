package article

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/markusmobius/go-trafilatura"
)

// benchPages returns the saved news pages in testdata.
func benchPages(b *testing.B) [][]byte {
	b.Helper()
	var out [][]byte
	for _, p := range pages {
		data, err := os.ReadFile(filepath.Join("testdata", p.file))
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, data)
	}
	return out
}

// BenchmarkHTMLReader imports every saved page per iteration: decoding,
// extraction, text layout, metadata and document creation.
func BenchmarkHTMLReader(b *testing.B) {
	data := benchPages(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, page := range data {
			if _, err := ReadHTML("bench.html", page); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(data))/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkTrafilaturaAlone runs only go-trafilatura's Extract, with the same
// options, on the same pages.
func BenchmarkTrafilaturaAlone(b *testing.B) {
	data := benchPages(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, page := range data {
			if _, err := trafilatura.Extract(bytes.NewReader(page), ExtractOptions()); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(data))/b.Elapsed().Seconds(), "pages/s")
}
