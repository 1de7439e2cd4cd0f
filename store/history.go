package store

import (
	"database/sql"
	"errors"
	"fmt"

	"gloss/annotate"
	"gloss/store/records"
)

var _ annotate.Historian = (*Store)(nil)

// The events.undone states (see migration/002_history.sql).
const (
	inEffect      = 0
	undone        = 1
	undoneForGood = 2
	cannotUndo    = 3
)

const spanActions = `('add-span', 'update-span', 'delete-span', 'add-spans', 'delete-spans', 'relabel-spans', 'add-relation', 'delete-relation')`

const selectEventSQL = `SELECT seq, at, annotator, action, document_id, span_id, before, after, undone, ref FROM events`

// Undo reverts this annotator's most recent span edit that is in effect,
// in one transaction that also records the undo in the edit log, and
// returns the edit (now Undone). Since the log is in the project file,
// undo works after a restart. With nothing to undo the error has code
// ENOTFOUND. When the span is no longer as that edit left it (another
// annotator changed it, or its document or label was deleted) nothing is
// changed, the edit is marked so that the next Undo goes past it, and the
// error has code ECONFLICT.
func (s *Store) Undo() (*annotate.Event, error) {
	return s.step(`undone = 0 ORDER BY seq DESC`, "undo", func(e *annotate.Event) (from, to *annotate.Span) {
		return e.After, e.Before
	})
}

// Redo re-applies this annotator's most recently undone span edit, in one
// transaction, and returns it. A span edit made after an undo clears what
// can be redone. With nothing to redo the error has code ENOTFOUND; when
// the span was changed since the undo, nothing is changed, what could be
// redone is cleared, and the error has code ECONFLICT.
func (s *Store) Redo() (*annotate.Event, error) {
	return s.step(`undone = 1 ORDER BY seq ASC`, "redo", func(e *annotate.Event) (from, to *annotate.Span) {
		return e.Before, e.After
	})
}

// step undoes or redoes the first span edit that where selects, taking the
// span from state from to state to.
func (s *Store) step(where, action string, states func(*annotate.Event) (from, to *annotate.Span)) (*annotate.Event, error) {
	var ev *annotate.Event
	var conflict error
	err := s.write(func(tx *sql.Tx) error {
		ev, conflict = nil, nil
		e, err := scanEvent(tx.QueryRow(selectEventSQL+` WHERE annotator = ? AND action IN `+undoableActions+` AND `+where+` LIMIT 1`, s.annotator))
		if errors.Is(err, sql.ErrNoRows) {
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
			if reason, err = stepLabel(tx, e, action == "undo"); err != nil {
				return err
			}
		case records.IsBatch(e.Action):
			if reason, err = batchStep(tx, e, action == "undo"); err != nil {
				return err
			}
		case e.IsRelationEdit():
			if reason, err = moveRelation(tx, e, action == "undo"); err != nil {
				return err
			}
		default:
			from, to := states(e)
			why, err := spanStep(tx, e, action, func() (err error) {
				cur, reason, err = moveSpan(tx, e.SpanID, from, to)
				if reason != "" && err == nil {
					err = errSkip
				}
				return err
			})
			if err != nil && err != errSkip {
				return err
			}
			if why != "" {
				reason = why
			}
		}
		if reason != "" {
			if action == "undo" {
				conflict = annotate.Errorf(annotate.ECONFLICT, "cannot undo %s: %s; it is skipped: undo again to undo the edit before it", describeEdit(e), reason)
				_, err = tx.Exec(`UPDATE events SET undone = ? WHERE seq = ?`, cannotUndo, e.Seq)
			} else {
				conflict = annotate.Errorf(annotate.ECONFLICT, "cannot redo %s: %s; nothing is left to redo", describeEdit(e), reason)
				_, err = tx.Exec(`UPDATE events SET undone = ? WHERE undone = ? AND annotator = ?`, undoneForGood, undone, s.annotator)
			}
			return err
		}
		before, after, err := stepRecord(tx, e, cur, action)
		if err != nil {
			return err
		}
		state := undone
		if action == "redo" {
			state = inEffect
		}
		if _, err := tx.Exec(`UPDATE events SET undone = ? WHERE seq = ?`, state, e.Seq); err != nil {
			return err
		}
		if _, err := tx.Exec(`INSERT INTO events(at, annotator, action, document_id, span_id, before, after, ref)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, now(), s.annotator, action, e.DocumentID, e.SpanID, before, after, e.Seq); err != nil {
			return err
		}
		e.Undone = action == "undo"
		ev = e
		return nil
	})
	if err != nil {
		return nil, err
	}
	return ev, conflict
}

// errSkip stops a span step whose span could not be moved (the reason says why).
var errSkip = errors.New("skip")

// stepRecord returns the before and after of the undo or redo event of e:
// the span as it was (cur) and is now, or for a batch edit the list of its
// spans on the side where they now exist.
func stepRecord(tx *sql.Tx, e *annotate.Event, cur *annotate.Span, action string) (before, after string, err error) {
	if e.IsLabelEdit() { // Ref names the label edit, which holds the labels
		return "", "", nil
	}
	if e.IsRelationEdit() {
		before, after = relationStepRecord(e, action)
		return before, after, nil
	}
	if records.IsBatch(e.Action) {
		before, after = records.BatchRecord(e, action == "undo")
		return before, after, nil
	}
	now, err := findSpan(tx, e.SpanID)
	return encodeSpan(cur), encodeSpan(now), err
}

// moveSpan takes a span from state from to state to (nil: absent) and
// returns what it was. A non-empty reason says why it could not: the span
// is not in state from, or state to clashes with the project as it is now.
func moveSpan(tx *sql.Tx, id string, from, to *annotate.Span) (cur *annotate.Span, reason string, err error) {
	cur, err = findSpan(tx, id)
	if err != nil {
		return nil, "", err
	}
	if !records.SameState(cur, from) {
		reason, err = staleReason(tx, id, from, cur)
		return cur, reason, err
	}
	if to == nil {
		_, err = tx.Exec(`DELETE FROM spans WHERE id = ?`, id)
		return cur, "", err
	}
	if err := checkSpan(tx, to); err != nil {
		if annotate.ErrorCode(err) != "" {
			return cur, err.Error(), nil
		}
		return cur, "", err
	}
	if cur == nil {
		err = insertSpan(tx, to)
	} else {
		_, err = tx.Exec(updateSpanSQL, to.Start, to.End, to.LabelID, to.Note, to.Group, fmtTime(to.UpdatedAt), records.EncodeAttrs(to.Attributes), id)
		if isUnique(err) {
			err = annotate.Errorf(annotate.ECONFLICT, "this span [%d, %d) already has that label", to.Start, to.End)
		}
	}
	if annotate.ErrorCode(err) == annotate.ECONFLICT {
		return cur, err.Error(), nil
	}
	return cur, "", err
}

// findSpan returns the span with this ID, or nil when there is none.
func findSpan(q queryer, id string) (*annotate.Span, error) {
	sp, err := getSpan(q, id)
	if annotate.ErrorCode(err) == annotate.ENOTFOUND {
		return nil, nil
	}
	return sp, err
}

func describeEdit(e *annotate.Event) string {
	if l := e.LabelBefore; l != nil {
		return fmt.Sprintf("%s %q", e.Action, l.Name)
	}
	if records.IsBatch(e.Action) {
		return fmt.Sprintf("%s (%s)", e.Action, batchDetail(e.Spans))
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
