package store

import (
	"fmt"

	"gloss/annotate"
)

// Annotators lists every annotator with at least one span, sorted by name.
func (s *Store) Annotators() ([]string, error) {
	return annotators(s.rdb)
}

// annotatorsSQL skips from one annotator to the next in spans_by_annotator
// (one seek per annotator), where SELECT DISTINCT reads every span's entry:
// the window asks on open, and a million spans took seconds from disk.
const annotatorsSQL = `WITH RECURSIVE a(name) AS (
		SELECT min(annotator) FROM spans
		UNION ALL
		SELECT (SELECT min(annotator) FROM spans WHERE annotator > a.name) FROM a WHERE a.name IS NOT NULL)
	SELECT name FROM a WHERE name IS NOT NULL`

func annotators(q queryer) ([]string, error) {
	rows, err := q.Query(annotatorsSQL)
	if err != nil {
		return nil, fmt.Errorf("list annotators: %w", err)
	}
	defer rows.Close()
	out := []string{}
	for rows.Next() {
		var a string
		if err := rows.Scan(&a); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// SpansBy lists one annotator's spans of a document (one layer) in text order.
func (s *Store) SpansBy(docID, annotator string) ([]*annotate.Span, error) {
	rows, err := s.rdb.Query(selectSpanSQL+` WHERE document_id = ? AND annotator = ? ORDER BY start, "end" DESC, id`, docID, annotator)
	if err != nil {
		return nil, fmt.Errorf("list spans: %w", err)
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
