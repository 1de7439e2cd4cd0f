package find

import (
	"math/rand"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// The benchmarks run over one corpus of 10,000 generated news-like
// articles of about 5 kB each (about 50 MB), the same on every run. The
// target from issue 14: a regular expression over the whole corpus in
// under 2 s (one op is the whole corpus).

var (
	corpusOnce sync.Once
	corpus     []string
	corpusSize int64
	vocabulary []string
)

var common = strings.Fields(`the of and to a in that is was he for it with as his on be at by
had not are but from or have an they which one you were her all she there would their we him
been has when who will more no if out so said what up its about into than them can only other
new some could time these two may then do first any my now such like our over man me even most
made after also did many before must through back years where much your way well down should
because each just those people how too little state good very make world still own see men work
long get here between both life being under never day same another know while last might us great
old year off come since against go came right used take three minister government president talks
foreign war peace sanctions ministry officials agreement meeting statement week`)

var names = []string{"Sergei Lavrov", "Antony Blinken", "Ursula von der Leyen", "Olaf Scholz",
	"Emmanuel Macron", "José Manuel Barroso", "Recep Tayyip Erdoğan", "Volodymyr Zelensky"}

// benchCorpus returns the corpus, generating it once.
func benchCorpus() []string {
	corpusOnce.Do(func() {
		rng := rand.New(rand.NewSource(42))
		syll := strings.Fields("ka lo ri ven sta mor ul pe tin dra gos ber an el con ter mi sa ru fal nor ex pro vid")
		vocabulary = append(vocabulary, common...)
		for len(vocabulary) < 5000 {
			var w strings.Builder
			for i := 1 + rng.Intn(3); i > 0; i-- {
				w.WriteString(syll[rng.Intn(len(syll))])
			}
			vocabulary = append(vocabulary, w.String())
		}
		zipf := rand.NewZipf(rng, 1.1, 2, uint64(len(vocabulary)-1))
		var b strings.Builder
		for a := 0; a < 10000; a++ {
			b.Reset()
			for b.Len() < 5000 {
				for i, n := 0, 8+rng.Intn(18); i < n; i++ {
					w := vocabulary[zipf.Uint64()]
					switch r := rng.Intn(100); {
					case r < 2:
						w = names[rng.Intn(len(names))]
					case r < 3:
						w = "“" + w + "”"
					case r < 4:
						w += ","
					}
					if i == 0 {
						w = strings.ToUpper(w[:1]) + w[1:]
					} else {
						b.WriteByte(' ')
					}
					b.WriteString(w)
				}
				if rng.Intn(6) == 0 {
					b.WriteString(". — ")
				} else if rng.Intn(5) == 0 {
					b.WriteString(".\n\n")
				} else {
					b.WriteString(". ")
				}
			}
			corpus = append(corpus, b.String())
			corpusSize += int64(b.Len())
		}
	})
	return corpus
}

// benchMatcher runs m over the whole corpus per op.
func benchMatcher(b *testing.B, m Matcher) {
	docs := benchCorpus()
	b.SetBytes(corpusSize)
	hits := 0
	cpu := cpuTime()
	for b.Loop() {
		hits = 0
		for _, d := range docs {
			hits += len(m.FindAll(d))
		}
	}
	// the machine is shared: CPU time per corpus says more than wall time
	b.ReportMetric((cpuTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(hits), "hits")
}

// cpuTime returns the CPU time this process has used (user and system).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func BenchmarkRegexCorpus(b *testing.B) {
	for _, tc := range []struct {
		name, expr string
		opt        Options
	}{
		{"names", `Sergei\s+Lavrov|Antony\s+Blinken`, Options{CaseSensitive: true}},
		{"names/nocase", `Sergei\s+Lavrov|Antony\s+Blinken`, Options{}},
		{"names/nocase/wholeword", `Sergei\s+Lavrov|Antony\s+Blinken`, Options{WholeWord: true}},
		{"title-case-pair", `[A-Z][a-z]+ (?:Lavrov|Blinken)`, Options{CaseSensitive: true}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			re, err := NewRegex(tc.expr, tc.opt)
			if err != nil {
				b.Fatal(err)
			}
			benchMatcher(b, re)
		})
	}
}

func BenchmarkLiteralCorpus(b *testing.B) {
	for _, tc := range []struct {
		name string
		opt  Options
	}{
		{"nocase", Options{}},
		{"exact", Options{CaseSensitive: true}},
		{"nocase/wholeword/accents", Options{WholeWord: true, IgnoreAccents: true}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			benchMatcher(b, mustLiteral(b, "Sergei Lavrov", tc.opt))
		})
	}
}

// BenchmarkDictionaryCorpus matches 1,000 terms: the names, then words and
// word pairs of the vocabulary.
func BenchmarkDictionaryCorpus(b *testing.B) {
	benchCorpus()
	rng := rand.New(rand.NewSource(9))
	var entries []Entry
	seen := map[string]bool{}
	add := func(t string) {
		if !seen[t] {
			seen[t] = true
			entries = append(entries, Entry{Term: t, Label: "l" + t[:1], Line: len(entries) + 1})
		}
	}
	for _, n := range names {
		add(n)
		add(n[strings.LastIndexByte(n, ' ')+1:])
	}
	for len(entries) < 1000 {
		w := vocabulary[100+rng.Intn(len(vocabulary)-100)]
		if rng.Intn(2) == 0 {
			w += " " + vocabulary[rng.Intn(len(vocabulary))]
		}
		add(w)
	}
	for _, opt := range []struct {
		name string
		opt  Options
	}{{"nocase/wholeword", Options{WholeWord: true}}, {"exact", Options{CaseSensitive: true}}} {
		b.Run(opt.name, func(b *testing.B) {
			d, err := NewDictionary("bench.tsv", entries, opt.opt)
			if err != nil {
				b.Fatal(err)
			}
			benchMatcher(b, d)
		})
	}
}
