package pgstore

import (
	"context"

	"github.com/jackc/pgx/v5"

	"gloss/annotate"
)

// duplicatesSQL selects the spans of label $1 that moving to label $2
// drops: those whose annotator has a span of $2 on the same range.
const duplicatesSQL = selectSpanSQL + ` WHERE label_id = $1 AND EXISTS (SELECT 1 FROM spans t
	WHERE t.label_id = $2 AND t.document_id = spans.document_id AND t.start = spans.start AND t."end" = spans."end"
	AND t.annotator = spans.annotator) ORDER BY document_id, start FOR UPDATE`

// deleteLabelCapturing deletes label l as deleteLabelTx does, moving its
// used spans to moveTo, and returns the delete-label after record: where
// the spans went, which were dropped as duplicates, and the relations and
// structure rows that went with those.
func deleteLabelCapturing(ctx context.Context, tx pgx.Tx, l *annotate.Label, moveTo string, used int) (labelRecord, error) {
	var drop []*annotate.Span
	if used > 0 && moveTo != "" && moveTo != l.ID {
		var err error
		if drop, err = querySpans(ctx, tx, duplicatesSQL, l.ID, moveTo); err != nil {
			return labelRecord{}, err
		}
	}
	var dropped []string
	del := func() (err error) {
		dropped, err = deleteLabelTx(ctx, tx, l, moveTo, used)
		return err
	}
	if len(drop) == 0 {
		err := del()
		return labelRecord{MoveTo: moveTo, Dropped: dropped}, err
	}
	ex, err := deleteSpansRecorded(ctx, tx, drop, del)
	if err != nil {
		return labelRecord{}, err
	}
	return labelRecord{MoveTo: moveTo, Dropped: dropped, Relations: ex.Relations, Removed: ex.Removed}, nil
}

// restoreDropped brings back, once an undone label delete has put its
// dropped spans back, the relations and structure rows that went with
// them. A non-empty reason says some were changed since.
func restoreDropped(ctx context.Context, tx pgx.Tx, after labelRecord) (string, error) {
	if reason, err := removedConflict(ctx, tx, after.Removed); reason != "" || err != nil {
		return reason, err
	}
	if err := restoreRelations(ctx, tx, after.Relations); err != nil {
		return "", err
	}
	return "", restoreRemoved(ctx, tx, after.Removed)
}
