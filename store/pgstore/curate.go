package pgstore

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"

	"gloss/annotate"
	"gloss/annotate/agree"
	"gloss/store/teamrules"
)

var _ annotate.Curator = (*Store)(nil)

// CurateGold fills the gold layer (spans of annotator annotate.Gold) with
// every (document, start, end, label) that the strategy ("unanimous" or
// "majority") accepts among the compared annotators' spans, over every
// document, in one transaction, as the SQLite store's Curate does (the
// rules are in store/teamrules). annotators nil (or empty) means every annotator
// with spans except gold; gold itself cannot be compared. Gold spans that
// exist are never changed or duplicated, and an accepted tuple whose gold
// span was deleted or changed by hand (an edit still in effect) is not
// added again, so curating again adds nothing. Each gold span added is
// logged as an add-span edit by the annotator gold (undone one at a time
// as gold), and the run as one "curate" entry by the store's annotator.
// Only a curator (or the set-up role) may write gold: anyone else is
// refused with an EFORBIDDEN error before anything is read or written (and
// the server would refuse their gold spans).
func (s *Store) CurateGold(strategy string, annotators []string) (annotate.CurateSummary, error) {
	rule, err := teamrules.CheckCurate(strategy, annotators)
	if err != nil {
		return annotate.CurateSummary{}, err
	}
	if s.kind == KindAnnotator || s.kind == KindManager { // the server refuses their gold spans too
		return annotate.CurateSummary{}, annotate.Errorf(annotate.EFORBIDDEN,
			"%s is %s in this project and cannot curate: only a curator writes the gold layer", s.annotator, article(s.kind))
	}
	var res annotate.CurateSummary
	err = s.write(func(ctx context.Context, tx pgx.Tx) error {
		have, err := textList(ctx, tx, annotatorsSQL)
		if err != nil {
			return err
		}
		r := studyReader{ctx, tx}
		anns, err := teamrules.Compared(have, r.StatusAnnotators, annotators)
		if err != nil {
			return err
		}
		spans, err := agreeSpans(ctx, tx, `SELECT id, document_id, start, "end", label_id, annotator FROM spans
			WHERE annotator = ANY($1) ORDER BY seq`, anns)
		if err != nil {
			return err
		}
		gold, err := goldTuples(ctx, tx)
		if err != nil {
			return err
		}
		rejected, err := rejectedGold(ctx, tx)
		if err != nil {
			return err
		}
		plan, err := teamrules.PlanCuration(spans, anns, rule, gold, rejected)
		if err != nil {
			return err
		}
		if err := addGold(ctx, tx, plan.Add); err != nil {
			return err
		}
		res = plan.Summary
		return s.logEvent(ctx, tx, annotate.ActionCurate, "", "", "", teamrules.Detail(rule, res))
	})
	if err != nil {
		return annotate.CurateSummary{}, err
	}
	return res, nil
}

// addGold inserts the new gold spans and logs each as an add-span edit of
// the annotator gold, in one round trip. A gold span another curator added
// since the transaction began is a race: the run starts again and sees it.
func addGold(ctx context.Context, tx pgx.Tx, spans []*annotate.Span) error {
	if len(spans) == 0 {
		return nil
	}
	b := &pgx.Batch{}
	at := now()
	for _, sp := range spans {
		b.Queue(insertSpanSQL, spanArgs(sp)...)
		b.Queue(`INSERT INTO events(at, annotator, action, document_id, span_id, before, after) VALUES ($1, $2, $3, $4, $5, '', $6)`,
			at, annotate.Gold, annotate.ActionAddSpan, sp.DocumentID, sp.ID, encodeSpan(sp))
	}
	err := tx.SendBatch(ctx, b).Close()
	if isUnique(err) {
		return errors.Join(errRace, err)
	}
	return err
}

// goldTuples returns the tuples (label IDs as labels) of the gold layer.
func goldTuples(ctx context.Context, q conn) (map[agree.Tuple]bool, error) {
	rows, err := q.Query(ctx, `SELECT document_id, start, "end", label_id FROM spans WHERE annotator = $1`, annotate.Gold)
	if err != nil {
		return nil, err
	}
	out := map[agree.Tuple]bool{}
	var t agree.Tuple
	_, err = pgx.ForEachRow(rows, []any{&t.Document, &t.Start, &t.End, &t.Label}, func() error {
		out[t] = true
		return nil
	})
	return out, err
}

// rejectedGold returns the tuples of gold spans as they were before a
// delete or update still in effect: what a curator took out of gold.
func rejectedGold(ctx context.Context, q conn) (map[agree.Tuple]bool, error) {
	befores, err := textList(ctx, q, teamrules.RejectedSQL)
	return teamrules.Rejected(befores), err
}

// article is a kind of member with its indefinite article.
func article(kind string) string {
	if kind == KindAnnotator {
		return "an " + kind
	}
	return "a " + kind
}
