package agree

import (
	"cmp"
	"fmt"
	"slices"
)

// Strategy is a curation rule: which tuples enter the gold standard.
type Strategy string

// The curation rules.
const (
	// Unanimous accepts a tuple every compared annotator marked.
	Unanimous Strategy = "unanimous"
	// Majority accepts a tuple more than half of the compared annotators
	// marked.
	Majority Strategy = "majority"
)

// ParseStrategy returns the strategy named s.
func ParseStrategy(s string) (Strategy, error) {
	switch st := Strategy(s); st {
	case Unanimous, Majority:
		return st, nil
	}
	return "", fmt.Errorf("agree: unknown curation strategy %q (want %q or %q)", s, Unanimous, Majority)
}

// Tuple is what curation compares: a span's document, offsets and label.
type Tuple struct {
	Document string
	Start    int
	End      int
	Label    string
}

// Candidate is a tuple and the compared annotators who marked it, in the
// order the annotators were given.
type Candidate struct {
	Tuple
	Annotators []string
}

// Curation is the outcome of a curation rule.
type Curation struct {
	// Accepted are the tuples the rule accepts, sorted by document, start,
	// end and label.
	Accepted []Candidate
	// Open are the disagreements: every distinct tuple at least one
	// compared annotator marked that the rule does not accept, sorted
	// likewise.
	Open []Candidate
}

// Disagreements is the number of tuples left open.
func (c Curation) Disagreements() int { return len(c.Open) }

// Curate applies a rule to the spans of the compared annotators (at least
// one, e.g. not the gold layer itself). Spans of other annotators are
// ignored, and an annotator who marked a tuple twice counts once.
func Curate(spans []Span, annotators []string, strategy Strategy) (Curation, error) {
	if _, err := ParseStrategy(string(strategy)); err != nil {
		return Curation{}, err
	}
	if len(annotators) == 0 {
		return Curation{}, fmt.Errorf("agree: curation needs at least one annotator")
	}
	idx, err := index("annotator", annotators)
	if err != nil {
		return Curation{}, err
	}
	marked := map[Tuple][]bool{}
	for i, sp := range spans {
		a, ok := idx[sp.Annotator]
		if !ok {
			continue
		}
		if sp.Start < 0 || sp.End <= sp.Start {
			return Curation{}, fmt.Errorf("agree: span %s [%d, %d) of annotator %q in document %q is empty or negative",
				spanName(i, sp), sp.Start, sp.End, sp.Annotator, sp.Document)
		}
		t := Tuple{sp.Document, sp.Start, sp.End, sp.Label}
		if marked[t] == nil {
			marked[t] = make([]bool, len(annotators))
		}
		marked[t][a] = true
	}
	var out Curation
	for t, by := range marked {
		c := Candidate{Tuple: t}
		for a, yes := range by {
			if yes {
				c.Annotators = append(c.Annotators, annotators[a])
			}
		}
		n := len(c.Annotators)
		if strategy == Unanimous && n == len(annotators) || strategy == Majority && 2*n > len(annotators) {
			out.Accepted = append(out.Accepted, c)
		} else {
			out.Open = append(out.Open, c)
		}
	}
	order := func(a, b Candidate) int {
		return cmp.Or(cmp.Compare(a.Document, b.Document), cmp.Compare(a.Start, b.Start),
			cmp.Compare(a.End, b.End), cmp.Compare(a.Label, b.Label))
	}
	slices.SortFunc(out.Accepted, order)
	slices.SortFunc(out.Open, order)
	return out, nil
}
