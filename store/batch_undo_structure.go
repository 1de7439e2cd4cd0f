package store

import (
	"database/sql"

	"gloss/annotate"
	"gloss/store/records"
)

// batchExtras is what a delete-spans record keeps in its after (see
// records.BatchExtras).
type batchExtras = records.BatchExtras

// spanDocs returns the documents of spans, each once.
func spanDocs(spans []*annotate.Span) []string {
	var out []string
	seen := map[string]bool{}
	for _, sp := range spans {
		if sp != nil && !seen[sp.DocumentID] {
			seen[sp.DocumentID] = true
			out = append(out, sp.DocumentID)
		}
	}
	return out
}

// deleteSpansCapturing runs del, which removes spans, then drops what is
// left orphaned in their documents, and returns what went with them.
func deleteSpansCapturing(tx *sql.Tx, spans []*annotate.Span, del func() error) (batchExtras, error) {
	var rs []*annotate.Relation
	seen := map[string]bool{}
	for _, sp := range spans {
		got, err := queryRelations(tx, `from_span = ?1 OR to_span = ?1`, sp.ID)
		if err != nil {
			return batchExtras{}, err
		}
		for _, r := range got {
			if !seen[r.ID] {
				seen[r.ID] = true
				rs = append(rs, r)
			}
		}
	}
	docs := spanDocs(spans)
	removed, err := captureRemoved(tx, docs, func() error {
		if err := del(); err != nil {
			return err
		}
		for _, d := range docs {
			if err := dropOrphans(tx, d); err != nil {
				return err
			}
		}
		return nil
	})
	return batchExtras{Removed: removed, Relations: rs}, err
}

// batchStep undoes or redoes a batch edit. A redone delete-spans records
// anew what went with the spans; an undone one brings it back, unless
// some of it was changed since (the reason says so and nothing moves).
func batchStep(tx *sql.Tx, e *annotate.Event, undo bool) (reason string, err error) {
	from, to := records.BatchStates(e, undo)
	if e.Action != annotate.ActionDeleteSpans {
		return moveBatchStates(tx, from, to)
	}
	if !undo {
		extras, err := deleteSpansCapturing(tx, e.Spans, func() error {
			reason, err = moveBatchStates(tx, from, to)
			if reason != "" && err == nil {
				return errSkip
			}
			return err
		})
		if err == errSkip {
			return reason, nil
		}
		if err != nil {
			return "", err
		}
		_, err = tx.Exec(`UPDATE events SET after = ? WHERE seq = ?`, extras.Encode(), e.Seq)
		return "", err
	}
	var after string
	if err := tx.QueryRow(`SELECT after FROM events WHERE seq = ?`, e.Seq).Scan(&after); err != nil {
		return "", err
	}
	ex := records.DecodeBatchExtras(after) // unreadable: the spans come back alone, as before
	if reason, err := removedConflict(tx, ex.Removed); reason != "" || err != nil {
		return reason, err
	}
	if reason, err := moveBatchStates(tx, from, to); reason != "" || err != nil {
		return reason, err
	}
	if err := restoreRelations(tx, ex.Relations); err != nil {
		return "", err
	}
	if len(ex.Removed) == 0 {
		return "", nil
	}
	return "", restoreRemoved(tx, spanDocs(e.Spans), ex.Removed)
}
