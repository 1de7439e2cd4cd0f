package pgstore

import (
	"context"

	"github.com/jackc/pgx/v5"

	"gloss/annotate"
	"gloss/store/records"
)

// undoableActions are the logged edits that Undo and Redo act on.
const undoableActions = `('add-span', 'update-span', 'delete-span', 'add-spans', 'delete-spans', 'relabel-spans', 'add-relation', 'delete-relation', 'update-label', 'delete-label')`

// moveRelation undoes or redoes a relation edit: it removes the relation
// when the step leaves it absent and puts it back (with what a delete took
// with it) when the step leaves it present. A non-empty reason says why it
// could not.
func moveRelation(ctx context.Context, tx pgx.Tx, e *annotate.Event, undo bool) (reason string, err error) {
	if len(e.Relations) != 1 {
		return "the edit log entry names no relation", nil
	}
	r := e.Relations[0]
	present := (e.Action == annotate.ActionDeleteRelation) == undo
	cur, err := queryRelations(ctx, tx, `id = $1`, r.ID)
	if err != nil {
		return "", err
	}
	if !present {
		if len(cur) == 0 {
			return "the relation was deleted since", nil
		}
		removed, err := deleteRelationCapturing(ctx, tx, r)
		if err != nil || e.Action != annotate.ActionDeleteRelation {
			return "", err
		}
		_, err = tx.Exec(ctx, `UPDATE events SET before = $1 WHERE seq = $2`, records.EncodeRelation(r, removed), e.Seq)
		return "", err
	}
	if len(cur) > 0 {
		return "the relation is there already", nil
	}
	var removed []records.RemovedRow
	if e.Action == annotate.ActionDeleteRelation {
		if removed, err = recordRemoved(ctx, tx, e.Seq); err != nil {
			return "", err
		}
		if reason, err := removedConflict(ctx, tx, removed); reason != "" || err != nil {
			return reason, err
		}
	}
	if err := checkRelation(ctx, tx, r); err != nil {
		return conflictReason(err)
	}
	if err := insertRelation(ctx, tx, r); err != nil {
		return conflictReason(err)
	}
	return "", restoreRemoved(ctx, tx, removed)
}

// recordRemoved returns the removed rows an edit's before keeps.
func recordRemoved(ctx context.Context, tx pgx.Tx, seq int64) ([]records.RemovedRow, error) {
	var before string
	if err := tx.QueryRow(ctx, `SELECT before FROM events WHERE seq = $1`, seq).Scan(&before); err != nil {
		return nil, err
	}
	return records.DecodeRemoved(before), nil
}

// stepDeleteSpan undoes or redoes a delete-span (move takes the span from
// one state to the other and gives a reason when it cannot). A redone
// delete removes the span's relations and structure again and records
// them anew; an undone one brings them back, unless some were changed
// since. A non-empty reason says why not; nothing is then changed.
func stepDeleteSpan(ctx context.Context, tx pgx.Tx, e *annotate.Event, undo bool, move func() (string, error)) (string, error) {
	return savepoint(ctx, tx, func() (string, error) {
		if !undo {
			var reason string
			rs, removed, err := deleteSpansCapturing(ctx, tx, []*annotate.Span{e.Before}, func() (err error) {
				reason, err = move()
				return err
			})
			if err != nil || reason != "" {
				return reason, err
			}
			e.Relations = rs
			_, err = tx.Exec(ctx, `UPDATE events SET before = $1 WHERE seq = $2`, records.EncodeSpanRecord(e.Before, rs, removed), e.Seq)
			return "", err
		}
		removed, err := recordRemoved(ctx, tx, e.Seq)
		if err != nil {
			return "", err
		}
		if reason, err := removedConflict(ctx, tx, removed); reason != "" || err != nil {
			return reason, err
		}
		if reason, err := move(); reason != "" || err != nil {
			return reason, err
		}
		if err := restoreRelations(ctx, tx, e.Relations); err != nil {
			return "", err
		}
		return "", restoreRemoved(ctx, tx, removed)
	})
}
