package pgstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"gloss/annotate"
	"gloss/store/records"
)

const selectSpanSQL = `SELECT id, document_id, start, "end", label_id, note, annotator, grp, created_at, updated_at, attrs FROM spans`

func scanSpan(row pgx.Row) (*annotate.Span, error) {
	var sp annotate.Span
	var created, updated, attrs string
	if err := row.Scan(&sp.ID, &sp.DocumentID, &sp.Start, &sp.End, &sp.LabelID, &sp.Note, &sp.Annotator, &sp.Group, &created, &updated, &attrs); err != nil {
		return nil, err
	}
	sp.CreatedAt, sp.UpdatedAt = parseTime(created), parseTime(updated)
	if attrs != "" {
		if err := json.Unmarshal([]byte(attrs), &sp.Attributes); err != nil {
			return nil, damagedRow("span", sp.ID, "its attributes are not JSON")
		}
	}
	return &sp, nil
}

func querySpans(ctx context.Context, q conn, query string, args ...any) ([]*annotate.Span, error) {
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*annotate.Span
	for rows.Next() {
		sp, err := scanSpan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, sp)
	}
	return out, rows.Err()
}

// getSpan returns the span with this ID, locked for update, or an
// ENOTFOUND error.
func getSpan(ctx context.Context, q conn, id string) (*annotate.Span, error) {
	sp, err := scanSpan(q.QueryRow(ctx, selectSpanSQL+` WHERE id = $1 FOR UPDATE`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, annotate.Errorf(annotate.ENOTFOUND, "no span with id %s", id)
	}
	return sp, err
}

// findSpan is getSpan that returns nil when there is no such span.
func findSpan(ctx context.Context, q conn, id string) (*annotate.Span, error) {
	sp, err := getSpan(ctx, q, id)
	if annotate.ErrorCode(err) == annotate.ENOTFOUND {
		return nil, nil
	}
	return sp, err
}

// Span returns one span, checked against its document's length.
func (s *Store) Span(id string) (*annotate.Span, error) {
	var sp *annotate.Span
	err := s.read(func(ctx context.Context, tx pgx.Tx) error {
		var err error
		sp, err = scanSpan(tx.QueryRow(ctx, selectSpanSQL+` WHERE id = $1`, id))
		if errors.Is(err, pgx.ErrNoRows) {
			return annotate.Errorf(annotate.ENOTFOUND, "no span with id %s", id)
		} else if err != nil {
			return err
		}
		n, err := documentLength(ctx, tx, sp.DocumentID)
		if err != nil {
			return err
		}
		return checkStoredSpan(sp, n)
	})
	if err != nil {
		return nil, err
	}
	return sp, nil
}

func checkStoredSpan(sp *annotate.Span, n int) error {
	if err := annotate.CheckRange(sp.Start, sp.End, n); err != nil {
		return damagedRow("span", sp.ID, fmt.Sprintf("in document %s: %v", sp.DocumentID, err))
	}
	return nil
}

// Spans lists a document's spans of every annotator in text order (none
// for a document that does not exist).
func (s *Store) Spans(docID string) ([]*annotate.Span, error) {
	return s.documentSpans(docID, "", false)
}

// documentSpans lists a document's spans in text order, each checked
// against its length: every layer, or only annotator's (only) (none for a
// document that does not exist).
func (s *Store) documentSpans(docID, annotator string, only bool) ([]*annotate.Span, error) {
	query, args := selectSpanSQL+` WHERE document_id = $1`, []any{docID}
	if only {
		query, args = query+` AND annotator = $2`, append(args, annotator)
	}
	var out []*annotate.Span
	err := s.read(func(ctx context.Context, tx pgx.Tx) error {
		n, err := documentLength(ctx, tx, docID)
		if annotate.ErrorCode(err) == annotate.ENOTFOUND {
			return nil
		} else if err != nil {
			return err
		}
		if out, err = querySpans(ctx, tx, query+` ORDER BY start, "end" DESC, id`, args...); err != nil {
			return fmt.Errorf("list spans: %w", err)
		}
		for _, sp := range out {
			if err := checkStoredSpan(sp, n); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

// fillSpan gives a new span the ID, annotator and times it lacks.
func (s *Store) fillSpan(sp *annotate.Span, stamp string) {
	if sp.ID == "" {
		sp.ID = annotate.NewID()
	}
	if sp.Annotator == "" {
		sp.Annotator = s.annotator
	}
	if sp.CreatedAt.IsZero() {
		sp.CreatedAt = parseTime(stamp)
		sp.UpdatedAt = sp.CreatedAt
	}
}

const insertSpanSQL = `INSERT INTO spans(id, document_id, start, "end", label_id, note, annotator, grp, created_at, updated_at, attrs)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`

func spanArgs(sp *annotate.Span) []any {
	return []any{sp.ID, sp.DocumentID, sp.Start, sp.End, sp.LabelID, sp.Note, sp.Annotator, sp.Group,
		fmtTime(sp.CreatedAt), fmtTime(sp.UpdatedAt), records.EncodeAttrs(sp.Attributes)}
}

func insertSpan(ctx context.Context, tx pgx.Tx, sp *annotate.Span) error {
	_, err := tx.Exec(ctx, insertSpanSQL, spanArgs(sp)...)
	return spanErr(err, sp)
}

// errUnique stands for a unique violation found by a check.
var errUnique = &pgconn.PgError{Code: "23505"}

// spanErr turns constraint violations on a span into domain errors: a
// duplicate is ECONFLICT; a document or label deleted meanwhile ENOTFOUND.
func spanErr(err error, sp *annotate.Span) error {
	switch {
	case isUnique(err):
		return annotate.Errorf(annotate.ECONFLICT, "this span [%d, %d) already has that label (annotator %s)", sp.Start, sp.End, sp.Annotator)
	case isForeignKey(err):
		return annotate.Errorf(annotate.ENOTFOUND, "the document %s or the label %s of the span [%d, %d) is no longer in the project", sp.DocumentID, sp.LabelID, sp.Start, sp.End)
	}
	return err
}

// checkSpan validates offsets against the document length, that the label
// exists and that the annotator has no other span with the same range and
// label, in one query.
func checkSpan(ctx context.Context, tx pgx.Tx, sp *annotate.Span) error {
	var n *int
	var label, dup bool
	err := tx.QueryRow(ctx, `SELECT (SELECT length FROM documents WHERE id = $1), EXISTS (SELECT 1 FROM labels WHERE id = $2),
		EXISTS (SELECT 1 FROM spans WHERE document_id = $1 AND start = $3 AND "end" = $4 AND label_id = $2 AND annotator = $5 AND id <> $6)`,
		sp.DocumentID, sp.LabelID, sp.Start, sp.End, sp.Annotator, sp.ID).Scan(&n, &label, &dup)
	switch {
	case err != nil:
		return err
	case n == nil:
		return annotate.Errorf(annotate.ENOTFOUND, "no document with id %s", sp.DocumentID)
	}
	if err := annotate.CheckRange(sp.Start, sp.End, *n); err != nil {
		return err
	}
	if !label {
		return annotate.Errorf(annotate.ENOTFOUND, "no label with id %s", sp.LabelID)
	}
	if dup {
		return spanErr(errUnique, sp)
	}
	return nil
}

func encodeSpan(sp *annotate.Span) string {
	if sp == nil {
		return ""
	}
	b, _ := json.Marshal(sp)
	return string(b)
}
