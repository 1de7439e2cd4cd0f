package store

import (
	"database/sql"
	"fmt"

	"gloss/annotate"
)

// Stats counts documents by the project annotator's status (as Documents
// shows it) and spans of every layer by label, from one snapshot.
func (s *Store) Stats() (*annotate.Stats, error) {
	tx, err := s.rdb.Begin()
	if err != nil {
		return nil, fmt.Errorf("stats: %w", err)
	}
	defer tx.Rollback()
	st := &annotate.Stats{ByStatus: map[annotate.Status]int{}}
	err = eachRowArgs(tx, `SELECT coalesce(ds.status, 'todo'), count(*) FROM documents d
		LEFT JOIN document_status ds ON ds.document_id = d.id AND ds.annotator = ?
		GROUP BY 1`, []any{s.annotator}, func(rows *sql.Rows) error {
		var status string
		var n int
		if err := rows.Scan(&status, &n); err != nil {
			return err
		}
		st.ByStatus[annotate.Status(status)] = n
		st.Documents += n
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("stats: %w", err)
	}
	err = eachRow(tx, `SELECT l.name, l.color, count(s.id) FROM labels l LEFT JOIN spans s ON s.label_id = l.id
		GROUP BY l.id ORDER BY l.ord, l.name`, func(rows *sql.Rows) error {
		var c annotate.LabelCount
		if err := rows.Scan(&c.Label, &c.Color, &c.Count); err != nil {
			return err
		}
		st.ByLabel = append(st.ByLabel, c)
		st.Spans += c.Count
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("stats: %w", err)
	}
	return st, nil
}

// eachRow runs query and calls fn on every row, then reports rows.Err.
func eachRow(q queryer, query string, fn func(*sql.Rows) error) error {
	return eachRowArgs(q, query, nil, fn)
}

// eachRowArgs is eachRow with query arguments.
func eachRowArgs(q queryer, query string, args []any, fn func(*sql.Rows) error) error {
	rows, err := q.Query(query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
