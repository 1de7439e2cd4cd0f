// Package agree computes inter-annotator agreement over spans of text:
// Krippendorff's unitizing alpha (alpha_u), Cohen's and Fleiss' kappa over
// code points, exact and overlap F1 per pair of annotators, and the
// curation rules (unanimous, majority) that build a gold standard.
//
// The package is pure: it takes documents (an ID and a length in code
// points) and spans, and returns figures. docs/agreement.md defines every
// figure.
package agree

import (
	"fmt"
	"sort"
)

// Document is one text in the scope of a study.
type Document struct {
	ID     string
	Length int // in code points
}

// Span is one annotator's labelled stretch [Start, End) of a document, in
// code points.
type Span struct {
	ID        string // optional; named in error messages
	Document  string
	Start     int
	End       int
	Label     string
	Annotator string
}

// Study is what agreement is computed over.
type Study struct {
	// Annotators are the compared annotators, in the order of the output.
	// Nil means every annotator with a span in scope, sorted by name.
	Annotators []string
	// Labels are the labels in scope. Nil means every label a compared
	// annotator used in scope, sorted by name.
	Labels []string
	// Documents are the scope. Each one is its own stretch of the
	// continuum.
	Documents []Document
	// Spans may include spans outside the scope (another document,
	// annotator or label): those are ignored. A span in scope that does not
	// fit its document is an error.
	Spans []Span
}

// ispan is a span in scope, by indices.
type ispan struct {
	doc, ann, label int
	s, e            int
}

// prepared is a validated study with names replaced by indices.
type prepared struct {
	annotators []string
	labels     []string
	docs       []Document
	spans      []ispan
}

// prepare validates s and resolves names to indices.
func prepare(s Study) (*prepared, error) {
	docIdx := make(map[string]int, len(s.Documents))
	for i, d := range s.Documents {
		if _, dup := docIdx[d.ID]; dup {
			return nil, fmt.Errorf("agree: document %q is listed twice", d.ID)
		}
		if d.Length < 0 {
			return nil, fmt.Errorf("agree: document %q has a negative length %d", d.ID, d.Length)
		}
		docIdx[d.ID] = i
	}
	annotators := s.Annotators
	if annotators == nil {
		annotators = collect(s.Spans, func(sp Span) (string, bool) {
			_, inDoc := docIdx[sp.Document]
			return sp.Annotator, inDoc
		})
	}
	annIdx, err := index("annotator", annotators)
	if err != nil {
		return nil, err
	}
	labels := s.Labels
	if labels == nil {
		labels = collect(s.Spans, func(sp Span) (string, bool) {
			_, inDoc := docIdx[sp.Document]
			_, inAnn := annIdx[sp.Annotator]
			return sp.Label, inDoc && inAnn
		})
	}
	labelIdx, err := index("label", labels)
	if err != nil {
		return nil, err
	}
	p := &prepared{annotators: annotators, labels: labels, docs: s.Documents,
		spans: make([]ispan, 0, len(s.Spans))}
	for i, sp := range s.Spans {
		d, okD := docIdx[sp.Document]
		a, okA := annIdx[sp.Annotator]
		l, okL := labelIdx[sp.Label]
		if !okD || !okA || !okL {
			continue
		}
		if n := s.Documents[d].Length; sp.Start < 0 || sp.End <= sp.Start || sp.End > n {
			return nil, fmt.Errorf("agree: span %s [%d, %d) of annotator %q, label %q does not fit document %q of length %d",
				spanName(i, sp), sp.Start, sp.End, sp.Annotator, sp.Label, sp.Document, n)
		}
		p.spans = append(p.spans, ispan{doc: d, ann: a, label: l, s: sp.Start, e: sp.End})
	}
	return p, nil
}

// spanName names a span in an error: its ID, or its position in the input.
func spanName(i int, sp Span) string {
	if sp.ID != "" {
		return fmt.Sprintf("%q", sp.ID)
	}
	return fmt.Sprintf("#%d", i+1)
}

// collect returns the distinct names keep accepts, sorted.
func collect(spans []Span, keep func(Span) (string, bool)) []string {
	seen := map[string]bool{}
	out := []string{}
	for _, sp := range spans {
		if name, ok := keep(sp); ok && !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// index maps each name to its position, refusing duplicates.
func index(what string, names []string) (map[string]int, error) {
	m := make(map[string]int, len(names))
	for i, n := range names {
		if _, dup := m[n]; dup {
			return nil, fmt.Errorf("agree: %s %q is listed twice", what, n)
		}
		m[n] = i
	}
	return m, nil
}

// errUnknownDocument is the error for a document not in the study.
func errUnknownDocument(id string) error {
	return fmt.Errorf("agree: document %q is not in the study", id)
}
