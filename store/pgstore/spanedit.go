package pgstore

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"

	"gloss/annotate"
)

// oldSpanColumns are the columns of the span as it was, from the CTE old.
const oldSpanColumns = `old.id, old.document_id, old.start, old."end", old.label_id, old.note, old.annotator, old.grp, old.created_at, old.updated_at, old.attrs`

// updateSpanFastSQL changes a span and returns it as it was, in one
// statement, only when the new range lies in its document, the label
// exists and its annotator has no other span with that range and label.
const updateSpanFastSQL = `WITH old AS (SELECT * FROM spans WHERE id = $8 FOR UPDATE)
	UPDATE spans SET start = $1, "end" = $2, label_id = $3, note = $4, grp = $5, updated_at = $6, attrs = $7
	FROM old WHERE spans.id = old.id AND $1 >= 0 AND $1 < $2
	AND $2 <= (SELECT length FROM documents WHERE id = old.document_id)
	AND EXISTS (SELECT 1 FROM labels WHERE id = $3)
	AND NOT EXISTS (SELECT 1 FROM spans t WHERE t.document_id = old.document_id AND t.start = $1 AND t."end" = $2
		AND t.label_id = $3 AND t.annotator = old.annotator AND t.id <> old.id)
	RETURNING ` + oldSpanColumns

// UpdateSpan saves a span's offsets, label, note and attributes.
func (s *Store) UpdateSpan(sp *annotate.Span) error {
	return s.write(func(ctx context.Context, tx pgx.Tx) error {
		stamp := parseTime(now())
		old, err := scanSpan(tx.QueryRow(ctx, updateSpanFastSQL, sp.Start, sp.End, sp.LabelID, sp.Note, sp.Group,
			fmtTime(stamp), encodeAttrs(sp.Attributes), sp.ID))
		if errors.Is(err, pgx.ErrNoRows) {
			return s.whyNotUpdated(ctx, tx, sp)
		}
		if err != nil {
			return spanErr(err, sp)
		}
		sp.DocumentID, sp.UpdatedAt = old.DocumentID, stamp
		return s.logEdit(ctx, tx, annotate.ActionUpdateSpan, sp.DocumentID, sp.ID, encodeSpan(old), encodeSpan(sp))
	})
}

// whyNotUpdated says why the update of sp changed nothing.
func (s *Store) whyNotUpdated(ctx context.Context, tx pgx.Tx, sp *annotate.Span) error {
	old, err := getSpan(ctx, tx, sp.ID)
	if err != nil {
		return err
	}
	sp.DocumentID = old.DocumentID
	check := *sp
	check.Annotator = old.Annotator // the layer the span stays in
	if err := checkSpan(ctx, tx, &check); err != nil {
		return err
	}
	return errRace // the checks pass now: a concurrent change made them fail
}

// DeleteSpan removes a span.
func (s *Store) DeleteSpan(id string) error {
	return s.write(func(ctx context.Context, tx pgx.Tx) error {
		old, err := scanSpan(tx.QueryRow(ctx, `DELETE FROM spans WHERE id = $1
			RETURNING id, document_id, start, "end", label_id, note, annotator, grp, created_at, updated_at, attrs`, id))
		if errors.Is(err, pgx.ErrNoRows) {
			return annotate.Errorf(annotate.ENOTFOUND, "no span with id %s", id)
		}
		if err != nil {
			return err
		}
		return s.logEdit(ctx, tx, annotate.ActionDeleteSpan, old.DocumentID, old.ID, encodeSpan(old), "")
	})
}
