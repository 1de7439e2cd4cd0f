package pgstore

import (
	"context"

	"github.com/jackc/pgx/v5"

	"gloss/annotate"
	"gloss/store/records"
)

// A delete-spans edit keeps in its after what went with the spans
// (records.BatchExtras: the relations on them and the structure rows it
// removed or changed), as the SQLite store does, so that one Undo brings
// the spans back with it and a copy between the stores carries it.

// deleteSpansRecorded removes spans (del deletes the rows) with the
// structure on them and returns what went, as a delete-spans after.
func deleteSpansRecorded(ctx context.Context, tx pgx.Tx, spans []*annotate.Span, del func() error) (records.BatchExtras, error) {
	rs, removed, err := deleteSpansCapturing(ctx, tx, spans, del)
	return records.BatchExtras{Removed: removed, Relations: rs}, err
}

// stepBatch undoes or redoes a batch edit inside tx, all or nothing; after
// is the edit's after as the log holds it. A redone delete-spans records
// anew what went with the spans; an undone one brings it back, unless
// some of it was changed since. A non-empty reason says why it could not.
func stepBatch(ctx context.Context, tx pgx.Tx, e *annotate.Event, after string, undo bool) (string, error) {
	return savepoint(ctx, tx, func() (string, error) {
		from, to := records.BatchStates(e, undo)
		if e.Action != annotate.ActionDeleteSpans {
			return moveSpans(ctx, tx, from, to)
		}
		if !undo {
			var reason string
			ex, err := deleteSpansRecorded(ctx, tx, e.Spans, func() (err error) {
				reason, err = moveSpans(ctx, tx, from, to)
				return err
			})
			if err != nil || reason != "" {
				return reason, err
			}
			_, err = tx.Exec(ctx, `UPDATE events SET after = $1 WHERE seq = $2`, ex.Encode(), e.Seq)
			return "", err
		}
		ex := records.DecodeBatchExtras(after) // unreadable: the spans come back alone
		if reason, err := removedConflict(ctx, tx, ex.Removed); reason != "" || err != nil {
			return reason, err
		}
		if reason, err := moveSpans(ctx, tx, from, to); reason != "" || err != nil {
			return reason, err
		}
		if err := restoreRelations(ctx, tx, ex.Relations); err != nil {
			return "", err
		}
		return "", restoreRemoved(ctx, tx, ex.Removed)
	})
}
