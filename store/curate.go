package store

import (
	"database/sql"
	"fmt"

	"gloss/annotate"
	"gloss/annotate/agree"
	"gloss/store/records"
)

// CurateResult says what a curation run did.
type CurateResult struct {
	Annotators []string // the compared annotators
	Accepted   int      // tuples the rule accepts
	Added      int      // gold spans added for them
	Present    int      // accepted tuples the gold layer already had
	Rejected   int      // accepted tuples whose gold span was deleted or changed by hand: not added again
	Open       int      // disagreements left open: tuples marked but not accepted
}

// Curate fills the gold layer (spans of annotator annotate.Gold) with every
// (document, start, end, label) that the rule accepts among the compared
// annotators' spans, over every document, in one transaction. annotators
// nil (or empty) means every annotator with spans except gold; gold itself
// cannot be compared. Gold spans that exist are never changed or
// duplicated, and an accepted tuple whose gold span was deleted or moved by
// hand (an edit still in effect in the edit log) is not added again, so
// running Curate again adds nothing. Each gold span added is logged as an
// add-span edit by the annotator gold (undo works one span at a time, as
// annotator gold), and the run as one "curate" entry by the store's
// annotator.
func (s *Store) Curate(strategy agree.Strategy, annotators []string) (CurateResult, error) {
	var res CurateResult
	if _, err := agree.ParseStrategy(string(strategy)); err != nil {
		return res, annotate.Errorf(annotate.EINVALID, "%v", err)
	}
	for _, a := range annotators {
		if a == annotate.Gold {
			return res, annotate.Errorf(annotate.EINVALID, "the gold layer cannot be one of the compared annotators")
		}
	}
	err := s.write(func(tx *sql.Tx) error {
		res = CurateResult{}
		anns, err := comparedAnnotators(tx, annotators)
		if err != nil {
			return err
		}
		res.Annotators = anns
		spans, err := curationSpans(tx, anns)
		if err != nil {
			return err
		}
		c, err := agree.Curate(spans, anns, strategy)
		if err != nil {
			return err
		}
		res.Accepted, res.Open = len(c.Accepted), c.Disagreements()
		gold, err := goldTuples(tx)
		if err != nil {
			return err
		}
		rejected, err := rejectedGold(tx)
		if err != nil {
			return err
		}
		for _, cand := range c.Accepted {
			t := cand.Tuple
			switch {
			case gold[t]:
				res.Present++
				continue
			case rejected[t]:
				res.Rejected++
				continue
			}
			sp := annotate.NewSpan(t.Document, t.Start, t.End, t.Label) // Label holds the label ID here
			sp.Annotator = annotate.Gold
			if err := insertSpan(tx, sp); err != nil {
				return err
			}
			if err := logSpan(tx, annotate.Gold, annotate.ActionAddSpan, nil, sp); err != nil {
				return err
			}
			res.Added++
		}
		return logEvent(tx, s.annotator, annotate.ActionCurate, "", "", "", fmt.Sprintf(
			"%s of %d annotators: %d accepted, %d added, %d already in gold, %d rejected before, %d open",
			strategy, len(anns), res.Accepted, res.Added, res.Present, res.Rejected, res.Open))
	})
	return res, err
}

// curationSpans returns the annotators' spans with label IDs as labels.
func curationSpans(q queryer, anns []string) ([]agree.Span, error) {
	want := make(map[string]bool, len(anns))
	for _, a := range anns {
		want[a] = true
	}
	rows, err := q.Query(`SELECT id, document_id, start, "end", label_id, annotator FROM spans ORDER BY seq`)
	if err != nil {
		return nil, fmt.Errorf("curation spans: %w", err)
	}
	defer rows.Close()
	var out []agree.Span
	for rows.Next() {
		var sp agree.Span
		if err := rows.Scan(&sp.ID, &sp.Document, &sp.Start, &sp.End, &sp.Label, &sp.Annotator); err != nil {
			return nil, err
		}
		if want[sp.Annotator] {
			out = append(out, sp)
		}
	}
	return out, rows.Err()
}

// goldTuples returns the tuples (label IDs as labels) of the gold layer.
func goldTuples(q queryer) (map[agree.Tuple]bool, error) {
	rows, err := q.Query(`SELECT document_id, start, "end", label_id FROM spans WHERE annotator = ?`, annotate.Gold)
	if err != nil {
		return nil, fmt.Errorf("gold spans: %w", err)
	}
	defer rows.Close()
	out := map[agree.Tuple]bool{}
	for rows.Next() {
		var t agree.Tuple
		if err := rows.Scan(&t.Document, &t.Start, &t.End, &t.Label); err != nil {
			return nil, err
		}
		out[t] = true
	}
	return out, rows.Err()
}

// rejectedGold returns the tuples of gold spans as they were before a
// delete or update still in effect: what a curator took out of gold.
func rejectedGold(q queryer) (map[agree.Tuple]bool, error) {
	rows, err := q.Query(`SELECT before FROM events WHERE action IN ('delete-span', 'update-span') AND undone = 0 AND before != ''`)
	if err != nil {
		return nil, fmt.Errorf("gold edits: %w", err)
	}
	defer rows.Close()
	out := map[agree.Tuple]bool{}
	for rows.Next() {
		var before string
		if err := rows.Scan(&before); err != nil {
			return nil, err
		}
		sp, err := records.DecodeSpan(before)
		if err != nil || sp == nil || sp.Annotator != annotate.Gold {
			continue // an unreadable log entry rejects nothing
		}
		out[agree.Tuple{Document: sp.DocumentID, Start: sp.Start, End: sp.End, Label: sp.LabelID}] = true
	}
	return out, rows.Err()
}
