package store

import (
	"fmt"

	"gloss/annotate"
)

// Annotators lists every annotator with at least one span, sorted by name.
func (s *Store) Annotators() ([]string, error) {
	return annotators(s.rdb)
}

func annotators(q queryer) ([]string, error) {
	rows, err := q.Query(`SELECT DISTINCT annotator FROM spans ORDER BY annotator`)
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
