package pgstore

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"gloss/annotate"
	"gloss/store/records"
)

const selectEventSQL = `SELECT seq, at, annotator, action, document_id, span_id, before, after, undone, ref FROM events`

// Undo reverts this annotator's most recent edit that is in effect, in one
// transaction that also records the undo in the edit log, and returns the
// edit (now Undone). Other annotators' edits are theirs to undo. With
// nothing to undo the error has code ENOTFOUND. When the span is no longer
// as that edit left it, nothing is changed, the edit is marked so that the
// next Undo goes past it, and the error has code ECONFLICT.
func (s *Store) Undo() (*annotate.Event, error) {
	return s.step(`undone = 0 ORDER BY seq DESC`, "undo")
}

// Redo re-applies this annotator's most recently undone edit and returns
// it. A new edit after an undo clears what can be redone. With nothing to
// redo the error has code ENOTFOUND; when the span was changed since the
// undo, nothing is changed, what could be redone is cleared, and the error
// has code ECONFLICT.
func (s *Store) Redo() (*annotate.Event, error) {
	return s.step(`undone = 1 ORDER BY seq ASC`, "redo")
}

// step undoes or redoes the first edit of this annotator that where selects.
func (s *Store) step(where, action string) (*annotate.Event, error) {
	var ev *annotate.Event
	var conflict error
	undo := action == "undo"
	err := s.write(func(ctx context.Context, tx pgx.Tx) error {
		ev, conflict = nil, nil
		// The edit, and the span it changed as it is now, in one query.
		var sc spanCols
		e, after, err := scanEventRow(withSpan{tx.QueryRow(ctx, `SELECT e.*, `+sc.list()+` FROM (`+selectEventSQL+
			` WHERE annotator = $1 AND action IN `+undoableActions+` AND `+where+` LIMIT 1 FOR UPDATE) e
			LEFT JOIN spans s ON s.id = e.span_id AND e.span_id <> ''`, s.annotator), sc.dest()})
		if errors.Is(err, pgx.ErrNoRows) {
			return annotate.Errorf(annotate.ENOTFOUND, "nothing to %s", action)
		}
		var cur *annotate.Span
		var reason string
		switch {
		case e != nil && err != nil:
			reason = err.Error()
		case err != nil:
			return err
		case e.IsLabelEdit():
			reason, err = stepLabel(ctx, tx, e, after, undo)
		case records.IsBatch(e.Action):
			reason, err = stepBatch(ctx, tx, e, after, undo)
		case e.IsRelationEdit():
			reason, err = savepoint(ctx, tx, func() (string, error) { return moveRelation(ctx, tx, e, undo) })
		default:
			from, to := e.Before, e.After
			if undo {
				from, to = to, from
			}
			if cur, err = sc.span(); err != nil {
				break
			}
			move := func() (string, error) { return moveSpanFrom(ctx, tx, e.SpanID, cur, from, to) }
			if e.Action == annotate.ActionDeleteSpan {
				reason, err = stepDeleteSpan(ctx, tx, e, undo, move)
			} else {
				reason, err = move()
			}
		}
		if err != nil {
			return err
		}
		if reason != "" {
			if undo {
				conflict = annotate.Errorf(annotate.ECONFLICT, "cannot undo %s: %s; it is skipped: undo again to undo the edit before it", describeEdit(e), reason)
				_, err = tx.Exec(ctx, `UPDATE events SET undone = $1 WHERE seq = $2`, cannotUndo, e.Seq)
			} else {
				conflict = annotate.Errorf(annotate.ECONFLICT, "cannot redo %s: %s; nothing is left to redo", describeEdit(e), reason)
				err = s.clearRedo(ctx, tx)
			}
			return err
		}
		before, afterRec := "", ""
		switch {
		case e.IsLabelEdit(): // Ref names the label edit, which holds the labels
		case e.IsRelationEdit():
			before, afterRec = records.RelationStepRecord(e, undo)
		case records.IsBatch(e.Action):
			before, afterRec = records.BatchRecord(e, undo)
		default:
			before, afterRec = encodeSpan(cur), encodeSpan(stateAfter(e, cur, undo))
		}
		state := undone
		if !undo {
			state = inEffect
		}
		if _, err := tx.Exec(ctx, `WITH marked AS (UPDATE events SET undone = $9 WHERE seq = $8)
			INSERT INTO events(at, annotator, action, document_id, span_id, before, after, ref)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, now(), s.annotator, action, e.DocumentID, e.SpanID, before, afterRec, e.Seq, state); err != nil {
			return err
		}
		e.Undone = undo
		ev = e
		return nil
	})
	if err != nil {
		return nil, err
	}
	return ev, conflict
}

// stateAfter is the span as a single-span undo or redo of e leaves it
// (what moveSpan wrote, with the creation time it kept), nil when removed.
func stateAfter(e *annotate.Event, cur *annotate.Span, undo bool) *annotate.Span {
	to := e.After
	if undo {
		to = e.Before
	}
	if to == nil {
		return nil
	}
	now := *to
	if cur != nil {
		now.CreatedAt = cur.CreatedAt
	}
	return &now
}

// moveSpans takes every span of a batch from state from[i] to state to[i];
// a non-empty reason says why one could not be.
func moveSpans(ctx context.Context, tx pgx.Tx, from, to []*annotate.Span) (string, error) {
	for i := range from {
		id := ""
		if from[i] != nil {
			id = from[i].ID
		} else {
			id = to[i].ID
		}
		if _, reason, err := moveSpan(ctx, tx, id, from[i], to[i]); err != nil || reason != "" {
			return reason, err
		}
	}
	return "", nil
}

// moveSpan takes a span from state from to state to (nil: absent) and
// returns what it was. A non-empty reason says why it could not: the span
// is not in state from, or state to clashes with the project as it is now.
func moveSpan(ctx context.Context, tx pgx.Tx, id string, from, to *annotate.Span) (cur *annotate.Span, reason string, err error) {
	if cur, err = findSpan(ctx, tx, id); err != nil {
		return nil, "", err
	}
	reason, err = moveSpanFrom(ctx, tx, id, cur, from, to)
	return cur, reason, err
}

// moveSpanFrom is moveSpan for a span known to be cur now.
func moveSpanFrom(ctx context.Context, tx pgx.Tx, id string, cur, from, to *annotate.Span) (reason string, err error) {
	if !records.SameState(cur, from) {
		return staleReason(ctx, tx, id, from, cur)
	}
	if to == nil {
		_, err = tx.Exec(ctx, `DELETE FROM spans WHERE id = $1`, id)
		return "", err
	}
	if done, err := checkedWrite(ctx, tx, cur == nil, to); done || err != nil {
		return "", err
	}
	// The write's checks failed: say which.
	if err := checkSpan(ctx, tx, to); err != nil {
		return conflictReason(err)
	}
	// They pass now: a transaction that committed since this one began
	// made them fail. Run again, to see it and say so.
	return "", errRace
}

// checkedWrite inserts (insert) or updates span to, in one statement, only
// when it lies in its document, its label exists and its annotator has no
// other span with its range and label; done says whether it did.
func checkedWrite(ctx context.Context, tx pgx.Tx, insert bool, to *annotate.Span) (done bool, err error) {
	var tag pgconn.CommandTag
	if insert {
		tag, err = tx.Exec(ctx, `INSERT INTO spans(id, document_id, start, "end", label_id, note, annotator, grp, created_at, updated_at, attrs)
			SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11
			WHERE $3 >= 0 AND $3 < $4 AND $4 <= (SELECT length FROM documents WHERE id = $2)
			AND EXISTS (SELECT 1 FROM labels WHERE id = $5)
			ON CONFLICT DO NOTHING`, spanArgs(to)...)
	} else {
		tag, err = tx.Exec(ctx, `UPDATE spans SET start = $1, "end" = $2, label_id = $3, note = $4, grp = $5, updated_at = $6, attrs = $7
			WHERE id = $8 AND $1 >= 0 AND $1 < $2 AND $2 <= (SELECT length FROM documents WHERE id = spans.document_id)
			AND EXISTS (SELECT 1 FROM labels WHERE id = $3)
			AND NOT EXISTS (SELECT 1 FROM spans t WHERE t.document_id = spans.document_id AND t.start = $1 AND t."end" = $2
				AND t.label_id = $3 AND t.annotator = spans.annotator AND t.id <> spans.id)`,
			to.Start, to.End, to.LabelID, to.Note, to.Group, fmtTime(to.UpdatedAt), records.EncodeAttrs(to.Attributes), to.ID)
	}
	if err != nil {
		return false, spanErr(err, to)
	}
	return tag.RowsAffected() == 1, nil
}

// staleReason says why a span is not as an edit left it (from): its
// document or label is gone, or the last logged edit of the span changed it.
func staleReason(ctx context.Context, tx pgx.Tx, id string, from, cur *annotate.Span) (string, error) {
	ref := from
	if ref == nil {
		ref = cur
	}
	if _, err := documentLength(ctx, tx, ref.DocumentID); annotate.ErrorCode(err) == annotate.ENOTFOUND {
		return fmt.Sprintf("the document of the span [%d, %d) was deleted", ref.Start, ref.End), nil
	} else if err != nil {
		return "", err
	}
	if from != nil {
		if l, err := findLabel(ctx, tx, from.LabelID); err != nil || l == nil {
			return fmt.Sprintf("the label of the span [%d, %d) was deleted", ref.Start, ref.End), err
		}
	}
	var who, action string
	err := tx.QueryRow(ctx, `SELECT annotator, action FROM events WHERE span_id = $1 ORDER BY seq DESC LIMIT 1`, id).Scan(&who, &action)
	what := "changed"
	if cur == nil {
		what = "deleted"
	} else if from == nil {
		what = "added again"
	}
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		return fmt.Sprintf("the span [%d, %d) was %s since, outside the edit log", ref.Start, ref.End, what), nil
	case err != nil:
		return "", err
	}
	return fmt.Sprintf("the span [%d, %d) was %s since by %s (%s)", ref.Start, ref.End, what, who, action), nil
}

func describeEdit(e *annotate.Event) string {
	if l := e.LabelBefore; l != nil {
		return fmt.Sprintf("%s %q", e.Action, l.Name)
	}
	if records.IsBatch(e.Action) {
		return fmt.Sprintf("%s (%s)", e.Action, e.Detail)
	}
	sp := e.After
	if sp == nil {
		sp = e.Before
	}
	if sp == nil {
		return fmt.Sprintf("edit %d (%s)", e.Seq, e.Action)
	}
	return fmt.Sprintf("%s [%d, %d)", e.Action, sp.Start, sp.End)
}
