// Command benchsummary reads `go test -bench` output on stdin and prints the
// Gloss performance table: each figure (median of its runs), its target,
// and its ratio to the baseline measured in the same run.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// row is one line of the table: a benchmark, the unit to read, a target,
// and optionally a baseline benchmark and a ratio target.
type row struct {
	what      string
	bench     string
	metric    string // "ns/op" or a custom metric such as "p99-ms"
	limit     float64
	limitUnit string // ms, MB
	baseline  string
	maxRatio  float64
	atLeast   bool // the target is a floor (throughput), not a ceiling
}

var table = []row{
	{"import 10,000 articles (~50 MB) from a folder", "ImportFolder", "ns/op", 5000, "ms", "ImportFolderBaseline", 1.5, false},
	{"export 10,000 docs / 100,000 spans as Gloss JSON", "ExportGloss", "ns/op", 2000, "ms", "ExportGlossBaseline", 1.5, false},
	{"open the project and list documents", "OpenList", "ns/op", 200, "ms", "", 0, false},
	{"fuzzy filter of 10,000 titles, per keystroke", "FuzzyFilter", "ns/op", 10, "ms", "FuzzyFilterBaseline", 0, false},
	{"add one span durably, p99", "AddSpan", "p99-ms", 2, "ms", "AddSpanBaseline", 0, false},
	{"text view: first paint, 1 MB / 10,000 spans", "FirstPaint", "ns/op", 300, "ms", "FyneLabelBaseline", 0, false},
	{"text view: first paint, 1 MB / 10,000 spans / 5,000 relations", "FirstPaintRelations", "ns/op", 300, "ms", "", 0, false},
	{"text view: apply a span and repaint", "ApplySpan", "ns/op", 16, "ms", "", 0, false},
	{"text view: scroll by one page", "ScrollPage", "ns/op", 16, "ms", "", 0, false},
	{"memory: 1 MB document with 10,000 spans open", "MemoryOpenDocument", "rss-MB", 150, "MB", "", 0, false},
	{"agreement: 3 annotators x 100,000 spans, 10,000 docs", "Agreement", "ns/op", 2000, "ms", "", 0, false},
	{"annotate --regex over 10,000 articles (50 MB)", "RegexCorpus/names/nocase", "ns/op", 2000, "ms", "", 0, false},
	{"span browser: filter 100,000 spans, per keystroke", "SpanBrowserFilter", "ns/op", 50, "ms", "", 0, false},
	{"HTML import (pages/s; baseline: the extractor alone)", "HTMLReader", "pages/s", 5, "pages/s", "TrafilaturaAlone", 0, true},
	// Corpus scale (issue 17): open and the documents list, title and
	// full-text search, the index's size, a streamed import. Each ratio
	// compares a large corpus with a small one, or the index with a scan.
	{"open + first page of the list, 100,000 docs (vs 1,000)", "CorpusOpen/OpenFirstPage/docs=100000", "ns/op", 50, "ms", "CorpusOpen/OpenFirstPage/docs=1000", 3, false},
	{"open + first page of the list, 1,000,000 docs (vs 1,000)", "CorpusOpen/OpenFirstPage/docs=1000000", "ns/op", 50, "ms", "CorpusOpen/OpenFirstPage/docs=1000", 3, false},
	{"title search, 1,000,000 titles, per keystroke", "CorpusTitleSearch/TitleKeystroke/docs=1000000", "ms/keystroke", 30, "ms", "CorpusTitleSearch/TitleKeystroke/docs=1000", 0, false},
	{"title search in the window (paged), 100,000 docs: key to rows (vs 1,000)", "PagedTitleKeystroke/docs=100000", "ns/op", 30, "ms", "PagedTitleKeystroke/docs=1000", 3, false},
	{"server: 20 annotator members under row-level security, p99 of an edit", "Load20Annotators", "p99-ms", 50, "ms", "", 0, false},
	{"phrase search, 200,000 docs (vs reading every text)", "CorpusPhrase/PhraseIndex/rare/docs=200000", "ns/op", 100, "ms", "CorpusPhrase/PhraseScan/rare/docs=200000", 0.1, false},
	{"phrase in 76% of 200,000 docs: first page of 50 docs (vs scan)", "CorpusPhrase/PhrasePage/common/docs=200000", "ns/op", 100, "ms", "CorpusPhrase/PhraseScan/common/docs=200000", 0.1, false},
	{"phrase in 76% of 200,000 docs: every hit (vs scan; returns 153,050 docs)", "CorpusPhrase/PhraseIndex/common/docs=200000", "ns/op", 60000, "ms", "CorpusPhrase/PhraseScan/common/docs=200000", 1.5, false},
	{"phrase in 76% of 200,000 docs: every hit, CPU (vs the same answer read without the index)", "CorpusPhrase/PhraseIndex/common/docs=200000", "cpu-ms/op", 60000, "ms", "CorpusPhrase/PhraseScanChecked/common/docs=200000", 1, false},
	{"phrase in 76% of 200,000 docs: candidates, up to 10,000", "CorpusPhrase/PhraseCountUpTo/common/docs=200000", "ns/op", 100, "ms", "", 0, false},
	{"open, file changed, same content, 100,000 docs (vs fingerprints)", "CorpusOpenSameContent/OpenSameContent/docs=100000", "ns/op", 50, "ms", "CorpusOpenSameContent/OpenSameContentFingerprint/docs=100000", 0, false},
	{"open, file changed, same content, 1,000,000 docs (vs 1,000)", "CorpusOpenSameContent/OpenSameContent/docs=1000000", "ns/op", 50, "ms", "CorpusOpenSameContent/OpenSameContent/docs=1000", 3, false},
	{"open with a backup due + first page, 1,000,000 docs (vs 1,000)", "CorpusOpenBackupDue/OpenFirstPageBackupDue/docs=1000000", "ns/op", 50, "ms", "CorpusOpenBackupDue/OpenFirstPageBackupDue/docs=1000", 3, false},
	{"open with a backup due + first page, 1,000,000 docs (vs backup first)", "CorpusOpenBackupDue/OpenFirstPageBackupDue/docs=1000000", "ns/op", 50, "ms", "CorpusOpenBackupDue/OpenFirstPageBackupSync/docs=1000000", 0, false},
	{"full-text index size, 200,000 docs of 1 kB", "CorpusPhrase/IndexSize/docs=200000", "index-MB", 400, "MB", "", 0, false},
	{"streamed JSONL import, 20,000 docs: peak RSS", "ImportStream/ImportStreamJSONL/docs=20000", "rss-MB", 500, "MB", "", 0, false},
	{"streamed JSONL import, 20,000 docs (vs bulk insert)", "ImportStream/ImportStreamJSONL/docs=20000", "import-s", 60, "s", "ImportStream/ImportStreamBaseline/docs=20000", 1.25, false},
	{"streamed JSONL import, 20,000 docs, CPU time (vs bulk insert)", "ImportStream/ImportStreamJSONL/docs=20000", "cpu-s", 60, "s", "ImportStream/ImportStreamBaseline/docs=20000", 1.25, false},
}

var lineRE = regexp.MustCompile(`^Benchmark(\S+?)(-\d+)?\s+\d+\s+(.*)$`)

// parse collects every value of every metric per benchmark name.
func parse(r io.Reader) map[string]map[string][]float64 {
	out := map[string]map[string][]float64{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		m := lineRE.FindStringSubmatch(strings.TrimSpace(sc.Text()))
		if m == nil {
			continue
		}
		name := m[1]
		f := strings.Fields(m[3])
		for i := 0; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				continue
			}
			if out[name] == nil {
				out[name] = map[string][]float64{}
			}
			out[name][f[i+1]] = append(out[name][f[i+1]], v)
		}
	}
	return out
}

// target prints the row's target: "<300 ms", or ">5 pages/s" for a floor.
func (r row) target() string {
	if r.atLeast {
		return fmt.Sprintf(">%g %s", r.limit, r.limitUnit)
	}
	return fmt.Sprintf("<%g %s", r.limit, r.limitUnit)
}

func median(v []float64) float64 {
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// value returns a benchmark's median in the row's unit, and the run count.
func value(res map[string]map[string][]float64, bench, metric, unit string) (float64, int, bool) {
	vs, ok := res[bench][metric]
	if !ok || len(vs) == 0 {
		return 0, 0, false
	}
	v := median(vs)
	if metric == "ns/op" {
		v /= 1e6 // to ms
	}
	return v, len(vs), true
}

func main() {
	res := parse(os.Stdin)
	fmt.Printf("%-50s %12s %10s %12s %8s  %s\n", "what", "median", "target", "baseline", "ratio", "verdict")
	failed := 0
	for _, r := range table {
		v, n, ok := value(res, r.bench, r.metric, r.limitUnit)
		if !ok {
			fmt.Printf("%-50s %12s %10s %12s %8s  %s\n", r.what, "-", r.target(), "", "", "NOT RUN")
			failed++
			continue
		}
		verdict := "ok"
		if r.atLeast && v < r.limit {
			verdict = "UNDER TARGET"
		} else if !r.atLeast && v >= r.limit {
			verdict = "OVER TARGET"
		}
		base, ratio := "", ""
		if r.baseline != "" {
			metric := r.metric
			if bv, _, ok := value(res, r.baseline, metric, r.limitUnit); ok && bv > 0 {
				base = fmt.Sprintf("%.3g %s", bv, r.limitUnit)
				ratio = fmt.Sprintf("%.3gx", v/bv)
				if r.maxRatio > 0 && v/bv > r.maxRatio {
					verdict = fmt.Sprintf("OVER %.1fx", r.maxRatio)
				}
			}
		}
		if verdict != "ok" {
			failed++
		}
		fmt.Printf("%-50s %12s %10s %12s %8s  %s (n=%d)\n", r.what, fmt.Sprintf("%.3g %s", v, r.limitUnit),
			r.target(), base, ratio, verdict, n)
	}
	fmt.Printf("\n%d of %d rows within target\n", len(table)-failed, len(table))
}
