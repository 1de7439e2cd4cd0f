// Package gen generates deterministic, realistic-looking corpora for
// benchmarks and tests: news-like sentences and paragraphs with some
// non-ASCII text, and spans aligned to words.
package gen

import (
	"fmt"
	"math/rand"
	"strings"

	"gloss/annotate"
)

// Options say what to generate.
type Options struct {
	Docs        int   // number of documents
	Size        int   // approximate size of each document in bytes
	SpansPerDoc int   // spans per document
	Seed        int64 // same seed, same corpus
}

var (
	subjects = []string{"Officials", "Analysts", "The ministry", "Senior diplomats", "Москва", "北京",
		"The central bank", "Researchers", "Local leaders", "The café owners", "Observers in Zürich", "الصين"}
	verbs = []string{"said", "warned", "expect", "argued", "predicted", "announced", "denied", "suggested",
		"reported", "confirmed"}
	objects = []string{"the partnership is stable", "trade will grow by 2027", "talks covered security and energy",
		"the agreement could act as a stabilizing factor", "sanctions would have little effect",
		"coordination drew attention this week", "the summit ended without a statement",
		"prices are likely to rise", "a “gradual convergence” is under way", "cooperation will deepen 🤝"}
	tails = []string{"on Monday", "amid international tensions", "according to state media", "in a statement",
		"after the meeting", "despite earlier doubts", "for the first time", "in Geneva"}
)

// Sentence returns one generated sentence.
func Sentence(r *rand.Rand) string {
	s := fmt.Sprintf("%s %s %s %s.", subjects[r.Intn(len(subjects))], verbs[r.Intn(len(verbs))],
		objects[r.Intn(len(objects))], tails[r.Intn(len(tails))])
	if r.Intn(5) == 0 {
		if s[0] < 0x80 {
			s = strings.ToLower(s[:1]) + s[1:]
		}
		s = "Moreover, " + s
	}
	return s
}

// Text returns a document of about size bytes: paragraphs of 3-7 sentences.
func Text(r *rand.Rand, size int) string {
	var b strings.Builder
	for b.Len() < size {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		n := 3 + r.Intn(5)
		for i := 0; i < n && b.Len() < size; i++ {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(Sentence(r))
		}
	}
	return b.String()
}

// Labels are the label names generated spans use.
var Labels = []string{"actor", "claim", "prediction"}

// Spans returns k word-aligned spans of 1-6 words over text, with labels
// from Labels; they may overlap and nest, as real annotations do.
func Spans(r *rand.Rand, docID, text string, k int) []*annotate.BatchSpan {
	runes := []rune(text)
	var starts []int // word starts in code points
	for i, c := range runes {
		if c != ' ' && c != '\n' && (i == 0 || runes[i-1] == ' ' || runes[i-1] == '\n') {
			starts = append(starts, i)
		}
	}
	if len(starts) == 0 {
		return nil
	}
	seen := map[[3]int]bool{}
	var out []*annotate.BatchSpan
	for tries := 0; len(out) < k && tries < 4*k+10; tries++ {
		w := r.Intn(len(starts))
		start := starts[w]
		end := len(runes)
		if last := w + 1 + r.Intn(6); last < len(starts) {
			end = starts[last] - 1
		}
		for end > start && (runes[end-1] == ' ' || runes[end-1] == '\n') {
			end--
		}
		li := r.Intn(len(Labels))
		key := [3]int{start, end, li}
		if end <= start || seen[key] {
			continue
		}
		seen[key] = true
		sp := annotate.NewSpan(docID, start, end, "")
		out = append(out, &annotate.BatchSpan{Span: *sp, LabelName: Labels[li]})
	}
	return out
}

// Corpus returns a batch of o.Docs documents with o.SpansPerDoc spans each.
func Corpus(o Options) *annotate.Batch {
	r := rand.New(rand.NewSource(o.Seed))
	b := &annotate.Batch{}
	for i := 0; i < o.Docs; i++ {
		d := annotate.NewDocument(fmt.Sprintf("article %05d", i+1), Text(r, o.Size), "")
		b.Documents = append(b.Documents, d)
		b.Spans = append(b.Spans, Spans(r, d.ID, d.Text, o.SpansPerDoc)...)
	}
	return b
}
