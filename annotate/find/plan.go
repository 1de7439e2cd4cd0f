package find

import (
	"fmt"
	"strings"
)

// Span is a labelled range of a document for planning: document ID, code
// points [Start, End), label (by whatever name the caller uses for labels).
type Span struct {
	Doc        string
	Start, End int
	Label      string
}

// DocCount counts the planned spans of one document.
type DocCount struct {
	Doc     string
	New     int // spans to add
	Present int // hits already labelled so
}

// Plan sorts the hits of a bulk annotation into the spans to add and the
// ones already present. Give it the existing spans of the annotator who
// will own the new ones; a hit equal to one of them (same document, start,
// end and label), or to a hit offered before, is counted as present and not
// added again.
type Plan struct {
	New     []Span     // spans to add, in the order offered
	Present int        // hits already present
	Docs    []DocCount // per document offered, in the order offered
	Preview []Row      // the first new spans in context (see NewPlan)

	have     map[Span]bool
	preview  int
	width    int
	docIndex map[string]int
}

// NewPlan returns an empty plan against the existing spans. The plan keeps
// the first preview new spans (every one when preview < 0) with width code
// points of context on each side in Preview.
func NewPlan(existing []Span, preview, width int) *Plan {
	p := &Plan{have: make(map[Span]bool, len(existing)), preview: preview, width: width, docIndex: map[string]int{}}
	for _, s := range existing {
		p.have[s] = true
	}
	return p
}

// Offer adds the hits found in document doc, whose text is text. A hit
// without a label gets label.
func (p *Plan) Offer(doc, text string, hits []Hit, label string) {
	di, ok := p.docIndex[doc]
	if !ok {
		di = len(p.Docs)
		p.docIndex[doc] = di
		p.Docs = append(p.Docs, DocCount{Doc: doc})
	}
	var shown []Hit
	for _, h := range hits {
		s := Span{Doc: doc, Start: h.Start, End: h.End, Label: h.Label}
		if s.Label == "" {
			s.Label = label
		}
		if p.have[s] {
			p.Present++
			p.Docs[di].Present++
			continue
		}
		p.have[s] = true
		p.New = append(p.New, s)
		p.Docs[di].New++
		if p.preview < 0 || len(p.Preview)+len(shown) < p.preview {
			shown = append(shown, Hit{Start: s.Start, End: s.End, Label: s.Label})
		}
	}
	if len(shown) > 0 {
		var c Concordance
		c.Add(doc, text, shown, p.width)
		p.Preview = append(p.Preview, c.Rows...)
	}
}

// Summary describes the plan for a dry run: one line per document with
// hits, a total, then the previewed spans in context. name gives a
// document's display name (its title); nil shows document IDs.
func (p *Plan) Summary(name func(doc string) string) string {
	if name == nil {
		name = func(doc string) string { return doc }
	}
	var b strings.Builder
	docs := 0
	for _, d := range p.Docs {
		if d.New == 0 && d.Present == 0 {
			continue
		}
		docs++
		fmt.Fprintf(&b, "%s: %d to add", name(d.Doc), d.New)
		if d.Present > 0 {
			fmt.Fprintf(&b, ", %d already present", d.Present)
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "%d %s to add in %d %s, %d already present\n",
		len(p.New), plural(len(p.New), "span", "spans"), docs, plural(docs, "document", "documents"), p.Present)
	for _, r := range p.Preview {
		fmt.Fprintf(&b, "  %s [%d,%d) %s: …%s[%s]%s…\n", name(r.Doc), r.Start, r.End, r.Label, r.Left, r.Hit, r.Right)
	}
	return b.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
