package teamrules

import (
	"fmt"

	"gloss/annotate"
	"gloss/annotate/agree"
	"gloss/store/records"
)

// CheckCurate checks a curation run's strategy and named annotators before
// anything is read: an unknown strategy, or the gold layer among the
// compared annotators, is an EINVALID error.
func CheckCurate(strategy string, annotators []string) (agree.Strategy, error) {
	st, err := agree.ParseStrategy(strategy)
	if err != nil {
		return "", annotate.Errorf(annotate.EINVALID, "%v", err)
	}
	for _, a := range annotators {
		if a == annotate.Gold {
			return "", annotate.Errorf(annotate.EINVALID, "the gold layer cannot be one of the compared annotators")
		}
	}
	return st, nil
}

// Plan is what a curation run adds to the gold layer, and its summary.
type Plan struct {
	Summary annotate.CurateSummary
	// Add are the new gold spans (annotator annotate.Gold, new IDs), in
	// the order of the accepted tuples.
	Add []*annotate.Span
}

// PlanCuration applies the strategy to the compared annotators' spans
// (with label IDs as labels) and returns the gold spans to add: every
// accepted tuple that gold does not have and that was not rejected (a gold
// span deleted or changed by hand: Rejected), so that curating again
// adds nothing.
func PlanCuration(spans []agree.Span, anns []string, strategy agree.Strategy, gold, rejected map[agree.Tuple]bool) (Plan, error) {
	p := Plan{Summary: annotate.CurateSummary{Annotators: anns}}
	c, err := agree.Curate(spans, anns, strategy)
	if err != nil {
		return p, err
	}
	p.Summary.Accepted, p.Summary.Open = len(c.Accepted), c.Disagreements()
	for _, cand := range c.Accepted {
		t := cand.Tuple
		switch {
		case gold[t]:
			p.Summary.Present++
			continue
		case rejected[t]:
			p.Summary.Rejected++
			continue
		}
		sp := annotate.NewSpan(t.Document, t.Start, t.End, t.Label) // Label holds the label ID here
		sp.Annotator = annotate.Gold
		p.Add = append(p.Add, sp)
		p.Summary.Added++
	}
	return p, nil
}

// Rejected reads the befores of delete-span and update-span edits still in
// effect (RejectedSQL): the tuples (label IDs as labels) of the gold spans
// among them are the ones a curator took out of gold. An unreadable entry
// rejects nothing.
func Rejected(befores []string) map[agree.Tuple]bool {
	out := map[agree.Tuple]bool{}
	for _, b := range befores {
		sp, err := records.DecodeSpan(b)
		if err != nil || sp == nil || sp.Annotator != annotate.Gold {
			continue
		}
		out[agree.Tuple{Document: sp.DocumentID, Start: sp.Start, End: sp.End, Label: sp.LabelID}] = true
	}
	return out
}

// RejectedSQL selects the befores that Rejected reads (the same
// statement in both stores' dialects: no placeholders).
const RejectedSQL = `SELECT before FROM events WHERE action IN ('delete-span', 'update-span') AND undone = 0 AND before <> ''`

// Detail is the edit log's text of a curation run (action "curate").
func Detail(strategy agree.Strategy, s annotate.CurateSummary) string {
	return fmt.Sprintf("%s of %d annotators: %d accepted, %d added, %d already in gold, %d rejected before, %d open",
		strategy, len(s.Annotators), s.Accepted, s.Added, s.Present, s.Rejected, s.Open)
}
