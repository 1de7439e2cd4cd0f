package store

import (
	"database/sql"
	"fmt"
	"strings"

	"gloss/annotate"
)

// importLabels returns a map from label key (annotate.LabelKey) to label
// ID. A label of the batch whose name differs from a project label's only
// in case or Unicode form is that label, and a note says so; a hotkey
// another label has is left off the new label, and a note says so. Into
// a project without documents yet (a fresh one, whose labels are the
// defaults), the file's colour, hotkey and description replace those of
// the label of the same name; into any other project the project's stay,
// and a note names each difference.
func (s *Store) importLabels(tx *sql.Tx, b *annotate.Batch, res *annotate.ImportResult) (map[string]string, error) {
	existing, err := queryLabels(tx)
	if err != nil {
		return nil, err
	}
	var fresh bool // whether the project has no documents (not counted: a streamed import asks per batch)
	if err := tx.QueryRow(`SELECT NOT EXISTS (SELECT 1 FROM documents)`).Scan(&fresh); err != nil {
		return nil, err
	}
	ids := map[string]string{}
	byKey := map[string]*annotate.Label{}
	for _, l := range existing {
		ids[annotate.LabelKey(l.Name)] = l.ID
		byKey[annotate.LabelKey(l.Name)] = l
	}
	noted := map[string]bool{}
	note := func(format string, args ...any) {
		n := fmt.Sprintf(format, args...)
		if !noted[n] {
			noted[n] = true
			res.Notes = append(res.Notes, n)
		}
	}
	add := func(l *annotate.Label, fromFile bool) error {
		l.Name = annotate.NormalizeLabelName(l.Name)
		key := annotate.LabelKey(l.Name)
		if have, ok := byKey[key]; ok {
			if have.Name != l.Name {
				note("label %q imported as the existing label %q (names that differ only in case or Unicode form are one label)", l.Name, have.Name)
			}
			if fromFile {
				return s.reconcileLabel(tx, have, l, fresh, note)
			}
			return nil
		}
		if l.ID != "" {
			var n int
			if err := tx.QueryRow(`SELECT count(*) FROM labels WHERE id = ?`, l.ID).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				l.ID = ""
			}
		}
		if l.Hotkey != "" {
			if err := checkLabelUnique(tx, l); annotate.ErrorCode(err) == annotate.ECONFLICT {
				note("label %q imported without its hotkey %s: %v", l.Name, l.Hotkey, err)
				l.Hotkey = "" // keep the label, drop a clashing hotkey, and say so
			}
		}
		if err := s.insertLabel(tx, l); err != nil {
			return err
		}
		ids[key] = l.ID
		byKey[key] = l
		res.Labels++
		return nil
	}
	for _, l := range b.Labels {
		c := *l
		if err := add(&c, true); err != nil {
			return nil, err
		}
	}
	for _, sp := range b.Spans {
		if err := add(&annotate.Label{Name: sp.LabelName}, false); err != nil {
			return nil, err
		}
	}
	return ids, nil
}

// reconcileLabel handles a label of the file that is the project's label
// have: in a fresh project the file's colour, hotkey and description win
// (a hotkey another label has is left off, with a note); otherwise the
// project's stay and a note names what the file gives differently.
func (s *Store) reconcileLabel(tx *sql.Tx, have, file *annotate.Label, fresh bool, note func(string, ...any)) error {
	colour := file.Color != "" && !strings.EqualFold(file.Color, have.Color)
	hotkey := file.Hotkey != "" && !strings.EqualFold(file.Hotkey, have.Hotkey)
	desc := file.Description != "" && file.Description != have.Description
	if !colour && !hotkey && !desc {
		return nil
	}
	if !fresh {
		if colour || hotkey {
			note("label %q keeps the project's colour %s and hotkey %q (the file gives %s and %q)", have.Name, have.Color, have.Hotkey, file.Color, file.Hotkey)
		}
		return nil
	}
	upd := *have
	if colour && annotate.ValidColor(file.Color) {
		upd.Color = strings.ToUpper(file.Color)
	}
	if desc {
		upd.Description = file.Description
	}
	if hotkey {
		upd.Hotkey = file.Hotkey
		if err := checkLabelUnique(tx, &upd); annotate.ErrorCode(err) == annotate.ECONFLICT {
			// A default label may still hold it: free it from an unused one.
			var other, otherName string
			var used int
			tx.QueryRow(`SELECT l.id, l.name, (SELECT count(*) FROM spans WHERE label_id = l.id) FROM labels l WHERE lower(l.hotkey) = lower(?) AND l.id != ?`, file.Hotkey, have.ID).Scan(&other, &otherName, &used)
			if other != "" && used == 0 {
				if _, err := tx.Exec(`UPDATE labels SET hotkey = '' WHERE id = ?`, other); err != nil {
					return err
				}
				note("label %q gave its hotkey %s to label %q, as the file says", otherName, file.Hotkey, have.Name)
			} else {
				note("label %q imported without its hotkey %s: %v", have.Name, file.Hotkey, err)
				upd.Hotkey = have.Hotkey
			}
		}
	}
	if _, err := tx.Exec(`UPDATE labels SET color = ?, hotkey = ?, description = ? WHERE id = ?`, upd.Color, upd.Hotkey, upd.Description, have.ID); err != nil {
		return err
	}
	*have = upd
	return nil
}
