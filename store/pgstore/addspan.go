package pgstore

import (
	"context"

	"gloss/annotate"
)

// addSpanSQL adds a span and logs the edit in one statement (one round
// trip, its own transaction): the span is inserted only when its document
// holds its range, its label exists and its annotator has no span with the
// same range and label; the edit is logged (and the annotator's redo
// cleared) only when it was inserted. The result says which check failed.
const addSpanSQL = `WITH doc AS (SELECT length FROM documents WHERE id = $2),
	lab AS (SELECT 1 FROM labels WHERE id = $5),
	ins AS (INSERT INTO spans(id, document_id, start, "end", label_id, note, annotator, grp, created_at, updated_at, attrs)
		SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11 FROM doc
		WHERE $3 >= 0 AND $3 < $4 AND $4 <= doc.length AND EXISTS (SELECT 1 FROM lab)
		ON CONFLICT (document_id, start, "end", label_id, annotator) DO NOTHING
		RETURNING id),
	cleared AS (UPDATE events SET undone = $15 WHERE undone = $16 AND annotator = $12 AND EXISTS (SELECT 1 FROM ins)),
	logged AS (INSERT INTO events(at, annotator, action, document_id, span_id, after)
		SELECT $13, $12, 'add-span', $2, id, $14 FROM ins)
	SELECT (SELECT length FROM doc), EXISTS (SELECT 1 FROM lab), EXISTS (SELECT 1 FROM ins)`

// AddSpan validates a new span against its document and labels and stores
// it. Missing ID, times and annotator are filled in. A span its annotator
// already has (same range and label) is an ECONFLICT error.
func (s *Store) AddSpan(sp *annotate.Span) error {
	if s.readOnly {
		return annotate.Errorf(annotate.EINVALID, "%s is open read-only: changes cannot be saved", s.url)
	}
	s.fillSpan(sp, now())
	args := append(spanArgs(sp), s.annotator, now(), encodeSpan(sp), undoneForGood, undone)
	var length *int
	var label, added bool
	err := s.pool.QueryRow(context.Background(), addSpanSQL, args...).Scan(&length, &label, &added)
	switch {
	case err != nil:
		return dbErr(s.url, spanErr(err, sp))
	case added:
		return nil
	case length == nil:
		return annotate.Errorf(annotate.ENOTFOUND, "no document with id %s", sp.DocumentID)
	}
	if err := annotate.CheckRange(sp.Start, sp.End, *length); err != nil {
		return err
	}
	if !label {
		return annotate.Errorf(annotate.ENOTFOUND, "no label with id %s", sp.LabelID)
	}
	return spanErr(errUnique, sp)
}
