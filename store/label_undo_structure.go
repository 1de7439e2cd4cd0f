package store

import (
	"database/sql"

	"gloss/annotate"
)

// deleteLabelCapturing deletes label id as deleteLabelTx does, moving its
// spans (carried) to moveTo, and returns the delete-label after record:
// where the spans went, which were dropped as duplicates, and the
// relations and structure rows that went with those.
func deleteLabelCapturing(tx *sql.Tx, id, moveTo string, carried []*annotate.Span) (labelRecord, error) {
	var drop []*annotate.Span
	if moveTo != "" && moveTo != id {
		ids, err := duplicateSpans(tx, id, moveTo)
		if err != nil {
			return labelRecord{}, err
		}
		dup := map[string]bool{}
		for _, d := range ids {
			dup[d] = true
		}
		for _, sp := range carried {
			if dup[sp.ID] {
				drop = append(drop, sp)
			}
		}
	}
	var dropped []string
	ex, err := deleteSpansCapturing(tx, drop, func() (err error) {
		dropped, err = deleteLabelTx(tx, id, moveTo)
		return err
	})
	if err != nil {
		return labelRecord{}, err
	}
	return labelRecord{MoveTo: moveTo, Dropped: dropped, Relations: ex.Relations, Removed: ex.Removed}, nil
}

// restoreDropped brings back, once an undone label delete has put its
// dropped spans back, the relations and structure rows that went with
// them. A non-empty reason says some were changed since.
func restoreDropped(tx *sql.Tx, spans []*annotate.Span, after labelRecord) (string, error) {
	if reason, err := removedConflict(tx, after.Removed); reason != "" || err != nil {
		return reason, err
	}
	if err := restoreRelations(tx, after.Relations); err != nil {
		return "", err
	}
	if len(after.Removed) == 0 {
		return "", nil
	}
	return "", restoreRemoved(tx, spanDocs(spans), after.Removed)
}
