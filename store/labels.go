package store

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"gloss/annotate"
	"gloss/store/records"
)

// Labels lists the labels in their display order.
func (s *Store) Labels() ([]*annotate.Label, error) {
	return queryLabels(s.rdb)
}

func queryLabels(q queryer) ([]*annotate.Label, error) {
	rows, err := q.Query(`SELECT id, name, color, hotkey, description, ord FROM labels ORDER BY ord, name`)
	if err != nil {
		return nil, fmt.Errorf("list labels: %w", err)
	}
	defer rows.Close()
	var out []*annotate.Label
	for rows.Next() {
		var l annotate.Label
		if err := rows.Scan(&l.ID, &l.Name, &l.Color, &l.Hotkey, &l.Description, &l.Order); err != nil {
			return nil, err
		}
		out = append(out, &l)
	}
	return out, rows.Err()
}

// AddLabel appends a label at the end of the order. An empty colour takes
// the next colour of the palette; an empty ID a fresh one.
func (s *Store) AddLabel(l *annotate.Label) error {
	return s.write(func(tx *sql.Tx) error { return s.insertLabel(tx, l) })
}

func (s *Store) insertLabel(tx *sql.Tx, l *annotate.Label) error {
	l.Name = annotate.NormalizeLabelName(l.Name)
	var count, next int
	if err := tx.QueryRow(`SELECT count(*), coalesce(max(ord), -1) + 1 FROM labels`).Scan(&count, &next); err != nil {
		return err
	}
	if l.ID == "" {
		l.ID = annotate.NewID()
	}
	if l.Color == "" {
		l.Color = annotate.Palette[count%len(annotate.Palette)]
	}
	l.Order = next
	if err := l.Validate(); err != nil {
		return err
	}
	if err := checkLabelUnique(tx, l); err != nil {
		return err
	}
	_, err := tx.Exec(`INSERT INTO labels(id, name, color, hotkey, description, ord) VALUES (?, ?, ?, ?, ?, ?)`,
		l.ID, l.Name, strings.ToUpper(l.Color), l.Hotkey, l.Description, l.Order)
	if isUnique(err) {
		return annotate.Errorf(annotate.ECONFLICT, "label id %s is already in the project", l.ID)
	}
	return err
}

// checkLabelUnique refuses a name another label already has, also when
// the two differ only in case or Unicode form (annotate.LabelKey), and a
// hotkey another label has (without regard to case).
func checkLabelUnique(tx *sql.Tx, l *annotate.Label) error {
	labels, err := queryLabels(tx)
	if err != nil {
		return err
	}
	key := annotate.LabelKey(l.Name)
	for _, o := range labels {
		if o.ID != l.ID && annotate.LabelKey(o.Name) == key {
			if o.Name == l.Name {
				return annotate.Errorf(annotate.ECONFLICT, "a label named %q already exists", o.Name)
			}
			return annotate.Errorf(annotate.ECONFLICT, "a label named %q already exists: label names that differ only in case or Unicode form are the same label", o.Name)
		}
	}
	for _, o := range labels {
		if l.Hotkey != "" && o.ID != l.ID && strings.EqualFold(o.Hotkey, l.Hotkey) {
			return annotate.Errorf(annotate.ECONFLICT, "hotkey %s is already used by label %q", l.Hotkey, o.Name)
		}
	}
	return nil
}

// UpdateLabel saves a label's name, colour, hotkey and description. A
// change is logged as an edit that Undo can revert.
func (s *Store) UpdateLabel(l *annotate.Label) error {
	l.Name = annotate.NormalizeLabelName(l.Name)
	if err := l.Validate(); err != nil {
		return err
	}
	return s.write(func(tx *sql.Tx) error {
		if err := checkLabelUnique(tx, l); err != nil {
			return err
		}
		old, err := findLabel(tx, l.ID)
		if err != nil {
			return err
		}
		if old == nil {
			return annotate.Errorf(annotate.ENOTFOUND, "no label with id %s", l.ID)
		}
		if _, err := tx.Exec(`UPDATE labels SET name = ?, color = ?, hotkey = ?, description = ? WHERE id = ?`,
			l.Name, strings.ToUpper(l.Color), l.Hotkey, l.Description, l.ID); err != nil {
			return err
		}
		now, err := findLabel(tx, l.ID)
		if err != nil || records.SameLabel(old, now) {
			return err
		}
		return s.logLabelEdit(tx, annotate.ActionUpdateLabel, labelRecord{Label: old}, labelRecord{Label: now})
	})
}

// ReorderLabels sets the display order to the given IDs (every label, once).
func (s *Store) ReorderLabels(ids []string) error {
	return s.write(func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRow(`SELECT count(*) FROM labels`).Scan(&n); err != nil {
			return err
		}
		seen := map[string]bool{}
		for _, id := range ids {
			seen[id] = true
		}
		if len(ids) != n || len(seen) != n {
			return annotate.Errorf(annotate.EINVALID, "reorder needs every one of the %d labels exactly once", n)
		}
		for i, id := range ids {
			res, err := tx.Exec(`UPDATE labels SET ord = ? WHERE id = ?`, i, id)
			if err != nil {
				return err
			}
			if k, _ := res.RowsAffected(); k == 0 {
				return annotate.Errorf(annotate.ENOTFOUND, "no label with id %s", id)
			}
		}
		return nil
	})
}

// DeleteLabel removes a label. Spans that carry it move to moveTo; with
// moveTo empty, deleting a label that is still in use is refused. The
// deletion is logged as one edit that Undo can revert, spans included.
func (s *Store) DeleteLabel(id, moveTo string) error {
	return s.write(func(tx *sql.Tx) error {
		l, err := findLabel(tx, id)
		if err != nil {
			return err
		}
		rows, err := tx.Query(selectSpanSQL+` WHERE label_id = ? ORDER BY document_id, start`, id)
		if err != nil {
			return err
		}
		var carried []*annotate.Span
		for rows.Next() {
			sp, err := scanSpan(rows)
			if err != nil {
				rows.Close()
				return err
			}
			carried = append(carried, sp)
		}
		rows.Close()
		rec, err := deleteLabelCapturing(tx, id, moveTo, carried)
		if err != nil {
			return err
		}
		return s.logLabelEdit(tx, annotate.ActionDeleteLabel, labelRecord{Label: l, Spans: carried}, rec)
	})
}

// deleteLabelTx deletes a label inside tx, moving its spans to moveTo, and
// returns the IDs of the spans dropped as duplicates of spans already there.
func deleteLabelTx(tx *sql.Tx, id, moveTo string) (dropped []string, err error) {
	var name string
	if err := tx.QueryRow(`SELECT name FROM labels WHERE id = ?`, id).Scan(&name); errors.Is(err, sql.ErrNoRows) {
		return nil, annotate.Errorf(annotate.ENOTFOUND, "no label with id %s", id)
	} else if err != nil {
		return nil, err
	}
	var used int
	if err := tx.QueryRow(`SELECT count(*) FROM spans WHERE label_id = ?`, id).Scan(&used); err != nil {
		return nil, err
	}
	if used > 0 {
		if moveTo == "" {
			return nil, annotate.Errorf(annotate.ECONFLICT, "label %q is used by %s: choose a label to move them to", name, annotate.Plural(used, "span"))
		}
		if moveTo == id {
			return nil, annotate.Errorf(annotate.EINVALID, "cannot move spans of %q to the label being deleted", name)
		}
		if dropped, err = duplicateSpans(tx, id, moveTo); err != nil {
			return nil, err
		}
		if err := moveSpans(tx, id, moveTo); err != nil {
			return nil, err
		}
	}
	_, err = tx.Exec(`DELETE FROM labels WHERE id = ?`, id)
	return dropped, err
}

// duplicateSpans lists the spans of label from that moving to label to would
// drop, as the same annotator already has the same annotation there (another
// annotator's span on the range is another layer, and is no duplicate).
func duplicateSpans(tx *sql.Tx, from, to string) ([]string, error) {
	rows, err := tx.Query(`SELECT id FROM spans WHERE label_id = ?1 AND EXISTS (SELECT 1 FROM spans t
		WHERE t.label_id = ?2 AND t.document_id = spans.document_id AND t.start = spans.start AND t."end" = spans."end"
		AND t.annotator = spans.annotator)`, from, to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// moveSpans relabels spans; a span that would duplicate one of the same
// annotator already carrying the target label is dropped, since the two
// would be the same annotation.
func moveSpans(tx *sql.Tx, from, to string) error {
	var ok int
	if err := tx.QueryRow(`SELECT count(*) FROM labels WHERE id = ?`, to).Scan(&ok); err != nil {
		return err
	}
	if ok == 0 {
		return annotate.Errorf(annotate.ENOTFOUND, "no label with id %s to move spans to", to)
	}
	if _, err := tx.Exec(`DELETE FROM spans WHERE label_id = ?1 AND EXISTS (SELECT 1 FROM spans t
		WHERE t.label_id = ?2 AND t.document_id = spans.document_id AND t.start = spans.start AND t."end" = spans."end"
		AND t.annotator = spans.annotator)`, from, to); err != nil {
		return err
	}
	_, err := tx.Exec(`UPDATE spans SET label_id = ?, updated_at = ? WHERE label_id = ?`, to, now(), from)
	return err
}

// LabelByName returns the label with this name, without regard to case or
// Unicode form (annotate.LabelKey).
func (s *Store) LabelByName(name string) (*annotate.Label, error) {
	labels, err := s.Labels()
	if err != nil {
		return nil, err
	}
	key := annotate.LabelKey(name)
	for _, l := range labels {
		if annotate.LabelKey(l.Name) == key {
			return l, nil
		}
	}
	return nil, annotate.Errorf(annotate.ENOTFOUND, "no label named %q", name)
}
