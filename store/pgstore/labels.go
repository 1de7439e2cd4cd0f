package pgstore

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"gloss/annotate"
	"gloss/store/records"
)

const selectLabelSQL = `SELECT id, name, color, hotkey, description, ord FROM labels`

// Labels lists the labels in their display order.
func (s *Store) Labels() ([]*annotate.Label, error) {
	l, err := queryLabels(context.Background(), s.pool)
	return l, dbErr(s.url, err)
}

func queryLabels(ctx context.Context, q conn) ([]*annotate.Label, error) {
	rows, err := q.Query(ctx, selectLabelSQL+` ORDER BY ord, name`)
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

// findLabel returns the label with this ID, or nil when there is none.
func findLabel(ctx context.Context, q conn, id string) (*annotate.Label, error) {
	var l annotate.Label
	err := q.QueryRow(ctx, selectLabelSQL+` WHERE id = $1`, id).Scan(&l.ID, &l.Name, &l.Color, &l.Hotkey, &l.Description, &l.Order)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	return &l, err
}

// AddLabel appends a label at the end of the order. An empty colour takes
// the next colour of the palette; an empty ID a fresh one.
func (s *Store) AddLabel(l *annotate.Label) error {
	return s.write(func(ctx context.Context, tx pgx.Tx) error { return insertLabel(ctx, tx, l) })
}

func insertLabel(ctx context.Context, tx pgx.Tx, l *annotate.Label) error {
	l.Name = annotate.NormalizeLabelName(l.Name)
	var count, next int
	if err := tx.QueryRow(ctx, `SELECT count(*), coalesce(max(ord), -1) + 1 FROM labels`).Scan(&count, &next); err != nil {
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
	if err := checkLabelUnique(ctx, tx, l); err != nil {
		return err
	}
	return putLabel(ctx, tx, l)
}

// putLabel inserts a label as it is.
func putLabel(ctx context.Context, tx pgx.Tx, l *annotate.Label) error {
	_, err := tx.Exec(ctx, `INSERT INTO labels(id, name, key, color, hotkey, description, ord) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
		l.ID, l.Name, annotate.LabelKey(l.Name), strings.ToUpper(l.Color), l.Hotkey, l.Description, l.Order)
	return labelConflict(err, l)
}

// labelConflict turns a unique violation on labels (one that another
// annotator's transaction committed meanwhile) into an ECONFLICT error.
func labelConflict(err error, l *annotate.Label) error {
	if isUnique(err) {
		return annotate.Errorf(annotate.ECONFLICT, "label %q: a label with this id, name or hotkey already exists", l.Name)
	}
	return err
}

// checkLabelUnique refuses a name another label already has, also when the
// two differ only in case or Unicode form, and a hotkey another label has.
// (The table's unique indexes hold the same rules against concurrent edits.)
func checkLabelUnique(ctx context.Context, q conn, l *annotate.Label) error {
	labels, err := queryLabels(ctx, q)
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

// setLabel saves a label's name, colour, hotkey and description.
func setLabel(ctx context.Context, tx pgx.Tx, l *annotate.Label) error {
	_, err := tx.Exec(ctx, `UPDATE labels SET name = $1, key = $2, color = $3, hotkey = $4, description = $5 WHERE id = $6`,
		l.Name, annotate.LabelKey(l.Name), strings.ToUpper(l.Color), l.Hotkey, l.Description, l.ID)
	return labelConflict(err, l)
}

// UpdateLabel saves a label's name, colour, hotkey and description. A
// change is logged as an edit that Undo can revert.
func (s *Store) UpdateLabel(l *annotate.Label) error {
	l.Name = annotate.NormalizeLabelName(l.Name)
	if err := l.Validate(); err != nil {
		return err
	}
	return s.write(func(ctx context.Context, tx pgx.Tx) error {
		old, err := findLabel(ctx, tx, l.ID)
		if err != nil {
			return err
		}
		if old == nil {
			return annotate.Errorf(annotate.ENOTFOUND, "no label with id %s", l.ID)
		}
		if err := checkLabelUnique(ctx, tx, l); err != nil {
			return err
		}
		if err := setLabel(ctx, tx, l); err != nil {
			return err
		}
		cur, err := findLabel(ctx, tx, l.ID)
		if err != nil || records.SameLabel(old, cur) {
			return err
		}
		return s.logLabelEdit(ctx, tx, annotate.ActionUpdateLabel, labelRecord{Label: old}, labelRecord{Label: cur})
	})
}

// ReorderLabels sets the display order to the given IDs (every label, once).
func (s *Store) ReorderLabels(ids []string) error {
	return s.write(func(ctx context.Context, tx pgx.Tx) error {
		var n int
		// Lock every label: a label added meanwhile makes this a retry.
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM (SELECT id FROM labels FOR UPDATE) l`).Scan(&n); err != nil {
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
			tag, err := tx.Exec(ctx, `UPDATE labels SET ord = $1 WHERE id = $2`, i, id)
			if err != nil {
				return err
			}
			if tag.RowsAffected() == 0 {
				return annotate.Errorf(annotate.ENOTFOUND, "no label with id %s", id)
			}
		}
		return nil
	})
}
