package store

import (
	"fmt"

	"gloss/annotate"
)

// Stats counts documents by status and spans by label.
func (s *Store) Stats() (*annotate.Stats, error) {
	st := &annotate.Stats{ByStatus: map[annotate.Status]int{}}
	rows, err := s.rdb.Query(`SELECT status, count(*) FROM documents GROUP BY status`)
	if err != nil {
		return nil, fmt.Errorf("stats: %w", err)
	}
	for rows.Next() {
		var status string
		var n int
		if err := rows.Scan(&status, &n); err != nil {
			rows.Close()
			return nil, err
		}
		st.ByStatus[annotate.Status(status)] = n
		st.Documents += n
	}
	rows.Close()
	rows, err = s.rdb.Query(`SELECT l.name, l.color, count(s.id) FROM labels l LEFT JOIN spans s ON s.label_id = l.id
		GROUP BY l.id ORDER BY l.ord, l.name`)
	if err != nil {
		return nil, fmt.Errorf("stats: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var c annotate.LabelCount
		if err := rows.Scan(&c.Label, &c.Color, &c.Count); err != nil {
			return nil, err
		}
		st.ByLabel = append(st.ByLabel, c)
		st.Spans += c.Count
	}
	return st, rows.Err()
}
