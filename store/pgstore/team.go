package pgstore

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"gloss/annotate"
)

// The server project as annotate.Team: every read goes through row-level
// security, so a member sees the layers and statuses their kind allows (a
// blind annotator their own and gold) and what is hidden is simply absent.
var _ annotate.Team = (*Store)(nil)

// annotatorsSQL skips from one annotator to the next in spans_by_annotator
// (one index probe per annotator) instead of reading every span, as the
// SQLite store does.
const annotatorsSQL = `WITH RECURSIVE a(name) AS (
		SELECT min(annotator) FROM spans
		UNION ALL
		SELECT (SELECT min(annotator) FROM spans WHERE annotator > a.name) FROM a WHERE a.name IS NOT NULL)
	SELECT name FROM a WHERE name IS NOT NULL`

// Annotators lists every annotator with at least one span the connection
// may see, sorted by name (byte order, as in the project file).
func (s *Store) Annotators() ([]string, error) {
	out, err := textList(context.Background(), s.pool, annotatorsSQL)
	if err != nil {
		return nil, dbErr(s.url, fmt.Errorf("list annotators: %w", err))
	}
	return out, nil
}

// SpansBy lists one annotator's spans of a document (one layer) in text
// order: none when the layer is hidden from the connection.
func (s *Store) SpansBy(docID, annotator string) ([]*annotate.Span, error) {
	return s.documentSpans(docID, annotator, true)
}

// StatusOf returns one annotator's status of a document: todo when they
// never set one (or when the connection may not see it).
func (s *Store) StatusOf(docID, annotator string) (annotate.Status, error) {
	var st annotate.Status
	err := s.read(func(ctx context.Context, tx pgx.Tx) error {
		if _, err := documentLength(ctx, tx, docID); err != nil {
			return err
		}
		var err error
		st, err = statusOf(ctx, tx, docID, annotator)
		return err
	})
	return st, err
}

// Statuses returns every status set on a document that the connection may
// see, by annotator. An annotator who never set one is absent (todo).
func (s *Store) Statuses(docID string) (map[string]annotate.Status, error) {
	out := map[string]annotate.Status{}
	err := s.read(func(ctx context.Context, tx pgx.Tx) error {
		if _, err := documentLength(ctx, tx, docID); err != nil {
			return err
		}
		clear(out)
		rows, err := tx.Query(ctx, `SELECT annotator, status FROM document_status WHERE document_id = $1`, docID)
		if err != nil {
			return fmt.Errorf("statuses: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var a, st string
			if err := rows.Scan(&a, &st); err != nil {
				return err
			}
			out[a] = annotate.Status(st)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// textList reads a one-column list of text.
func textList(ctx context.Context, q conn, query string, args ...any) ([]string, error) {
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	out, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if out == nil && err == nil {
		out = []string{}
	}
	return out, err
}
