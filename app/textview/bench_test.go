package textview

import (
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"gloss/annotate"
)

var words = strings.Fields(`the of and to in a is that for on with as by at from
	officials said partnership stable agreement ministers talks coordination
	Moscow Beijing analysts expect gradual convergence sanctions energy trade
	security council summit delegation statement policy pipeline economic
	café naïve Москва 北京 Zürich résumé façade Kraków São “quoted” 🤝 don't
	however although meanwhile president government strategic cooperation`)

// vocabulary returns the real words above and 6,000 made-up ones, so that
// like real prose the text keeps bringing words not measured yet.
func vocabulary(rng *rand.Rand) []string {
	syllables := strings.Fields("ka ri to mu sen dal or vi ne quo stra ble ment tion ex pre ac bo lu ga ha ze")
	vocab := append([]string(nil), words...)
	for len(vocab) < len(words)+6000 {
		var w strings.Builder
		for n := 1 + rng.Intn(4); n > 0; n-- {
			w.WriteString(syllables[rng.Intn(len(syllables))])
		}
		vocab = append(vocab, w.String())
	}
	return vocab
}

// benchDoc returns a deterministic document of about size bytes, in
// paragraphs of sentences with some non-ASCII text and CRLF line ends, and
// n spans over it in three labels.
func benchDoc(size, n int) (string, []*annotate.Span, []*annotate.Label) {
	rng := rand.New(rand.NewSource(1))
	vocab := vocabulary(rng)
	zipf := rand.NewZipf(rng, 1.1, 2, uint64(len(vocab)-1))
	var b strings.Builder
	b.Grow(size + 1024)
	for b.Len() < size {
		sentences := 3 + rng.Intn(7)
		for s := 0; s < sentences; s++ {
			length := 6 + rng.Intn(15)
			for w := 0; w < length; w++ {
				word := vocab[zipf.Uint64()]
				if w == 0 {
					r := []rune(word)
					r[0] = unicode.ToUpper(r[0])
					word = string(r)
				} else {
					b.WriteByte(' ')
				}
				b.WriteString(word)
			}
			b.WriteString(". ")
		}
		if rng.Intn(5) == 0 {
			b.WriteString("\r\n\r\n")
		} else {
			b.WriteString("\n\n")
		}
	}
	text := b.String()
	runes := []rune(text)
	var starts []int
	for i := 1; i < len(runes); i++ {
		if runes[i-1] == ' ' && runes[i] != ' ' {
			starts = append(starts, i)
		}
	}
	labels := []*annotate.Label{
		{ID: "actor", Name: "actor", Color: "#56B4E9"},
		{ID: "claim", Name: "claim", Color: "#E69F00"},
		{ID: "prediction", Name: "prediction", Color: "#009E73"},
	}
	spans := make([]*annotate.Span, 0, n)
	for i := 0; i < n; i++ {
		k := rng.Intn(len(starts) - 5)
		end := starts[k+1+rng.Intn(4)] - 1
		spans = append(spans, &annotate.Span{
			ID: fmt.Sprintf("span-%05d", i), Start: starts[k], End: end, LabelID: labels[i%len(labels)].ID,
		})
	}
	slices.SortFunc(spans, spanOrder) // in text order, as the project file returns them
	return text, spans, labels
}

var (
	benchOnce   sync.Once
	benchText   string
	benchSpans  []*annotate.Span
	benchLabels []*annotate.Label
)

// benchInput makes the benchmarks' document once.
func benchInput() {
	benchOnce.Do(func() { benchText, benchSpans, benchLabels = benchDoc(1<<20, 10000) })
}

// BenchmarkFirstPaint opens the 1 MB document in a fresh view in a 900x700
// window, from a fresh app (so no word has been measured yet), up to the
// first frame's objects.
func BenchmarkFirstPaint(b *testing.B) {
	benchInput()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		test.NewTempApp(b)
		fyne.MeasureText("warm up the font", 14, fyne.TextStyle{}) // loading the font is app start-up
		w := test.NewWindow(nil)
		b.StartTimer()
		v := New()
		v.SetDocument(benchText, benchSpans, benchLabels)
		w.SetContent(v)
		w.Resize(fyne.NewSize(900, 700))
		if len(test.WidgetRenderer(v).Objects()) == 0 {
			b.Fatal("nothing drawn")
		}
		b.StopTimer()
		w.Close()
		b.StartTimer()
	}
}

// BenchmarkApplySpan adds one span to the 10,000 and repaints.
func BenchmarkApplySpan(b *testing.B) {
	benchInput()
	v, _ := newView(b, benchText, benchSpans, benchLabels)
	v.ScrollToOffset(len(v.Runes()) / 2)
	top := v.OffsetAt(fyne.NewPos(0, 0))
	spans := benchSpans[:len(benchSpans):len(benchSpans)]
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s := &annotate.Span{ID: "new", Start: top + i%50, End: top + i%50 + 12, LabelID: benchLabels[i%3].ID}
		v.SetSpans(append(spans, s))
	}
}

// BenchmarkScrollPage pages down through text never laid out before, with
// words not measured before, repainting each page. At the end of the
// document it starts again in a fresh app.
func BenchmarkScrollPage(b *testing.B) {
	benchInput()
	v, _ := newView(b, benchText, benchSpans, benchLabels)
	b.ReportAllocs()
	b.ResetTimer()
	last := -1
	for i := 0; i < b.N; i++ {
		v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
		if top := v.topOffset(); top != last {
			last = top
			continue
		}
		b.StopTimer()
		v, _ = newView(b, benchText, benchSpans, benchLabels)
		last = -1
		b.StartTimer()
	}
}

// BenchmarkScrollWheel scrolls by small wheel steps over laid-out text.
func BenchmarkScrollWheel(b *testing.B) {
	benchInput()
	v, _ := newView(b, benchText, benchSpans, benchLabels)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		dy := float32(-40)
		if i/200%2 == 1 {
			dy = 40
		}
		v.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DY: dy}})
	}
}

// BenchmarkFyneLabelBaseline shows 100 kB of the same text in a wrapping
// widget.Label in a vertical scroll container, for comparison.
func BenchmarkFyneLabelBaseline(b *testing.B) {
	benchInput()
	text := benchText[:100<<10]
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		test.NewTempApp(b)
		fyne.MeasureText("warm up the font", 14, fyne.TextStyle{})
		w := test.NewWindow(nil)
		b.StartTimer()
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		w.SetContent(container.NewVScroll(l))
		w.Resize(fyne.NewSize(900, 700))
		b.StopTimer()
		w.Close()
		b.StartTimer()
	}
}
