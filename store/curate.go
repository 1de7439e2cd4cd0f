package store

import (
	"database/sql"

	"gloss/annotate"
	"gloss/annotate/agree"
	"gloss/store/teamrules"
)

// CurateResult says what a curation run did: the compared annotators, the
// tuples the rule accepts, the gold spans added for them, the accepted
// tuples gold already had, those whose gold span was deleted or changed by
// hand (not added again) and the disagreements left open.
type CurateResult = annotate.CurateSummary

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
// annotator. The rules are in store/teamrules, shared with the server store.
func (s *Store) Curate(strategy agree.Strategy, named []string) (CurateResult, error) {
	var res CurateResult
	if _, err := teamrules.CheckCurate(string(strategy), named); err != nil {
		return res, err
	}
	err := s.write(func(tx *sql.Tx) error {
		have, err := annotators(tx)
		if err != nil {
			return err
		}
		anns, err := teamrules.Compared(have, studyReader{tx}.StatusAnnotators, named)
		if err != nil {
			return err
		}
		spans, err := agreeSpans(tx, `SELECT id, document_id, start, "end", label_id, annotator FROM spans ORDER BY seq`)
		if err != nil {
			return err
		}
		gold, err := tupleSet(tx, `SELECT document_id, start, "end", label_id FROM spans WHERE annotator = ?`, annotate.Gold)
		if err != nil {
			return err
		}
		rejected, err := rejectedGold(tx)
		if err != nil {
			return err
		}
		plan, err := teamrules.PlanCuration(spans, anns, strategy, gold, rejected)
		if err != nil {
			return err
		}
		for _, sp := range plan.Add {
			if err := insertSpan(tx, sp); err != nil {
				return err
			}
			if err := logSpan(tx, annotate.Gold, annotate.ActionAddSpan, nil, sp); err != nil {
				return err
			}
		}
		res = plan.Summary
		return logEvent(tx, s.annotator, annotate.ActionCurate, "", "", "", teamrules.Detail(strategy, res))
	})
	if err != nil {
		return CurateResult{}, err
	}
	return res, nil
}

// tupleSet reads (document, start, end, label) rows as a set of tuples.
func tupleSet(q queryer, query string, args ...any) (map[agree.Tuple]bool, error) {
	rows, err := q.Query(query, args...)
	if err != nil {
		return nil, err
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
	befores, err := strings1(q, teamrules.RejectedSQL)
	return teamrules.Rejected(befores), err
}
