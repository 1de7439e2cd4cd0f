package store

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"maps"
	"strings"

	"gloss/annotate"
	"gloss/store/records"
)

// DocStructure returns a document's relations, events, notes, equivalence
// sets and normalisations.
func (s *Store) DocStructure(docID string) (*annotate.DocStructure, error) {
	return readDocStructure(s.rdb, docID)
}

func readDocStructure(q queryer, docID string) (*annotate.DocStructure, error) {
	ds := &annotate.DocStructure{}
	var err error
	if ds.Relations, err = queryRelations(q, `document_id = ?`, docID); err != nil {
		return nil, err
	}
	if ds.Events, err = textEvents(q, docID); err != nil {
		return nil, err
	}
	if ds.Notes, err = notes(q, docID); err != nil {
		return nil, err
	}
	if ds.Equivs, err = equivs(q, docID); err != nil {
		return nil, err
	}
	if ds.Norms, err = norms(q, docID); err != nil {
		return nil, err
	}
	return ds, nil
}

func textEvents(q queryer, docID string) ([]*annotate.TextEvent, error) {
	rows, err := q.Query(`SELECT e.id, e.type, e.trigger_span, e.annotator, e.attrs, a.role, coalesce(a.ref_span, a.ref_event)
		FROM text_events e LEFT JOIN event_args a ON a.event_id = e.id
		WHERE e.document_id = ? ORDER BY e.seq, a.pos`, docID)
	if err != nil {
		return nil, fmt.Errorf("list events: %w", err)
	}
	defer rows.Close()
	var out []*annotate.TextEvent
	for rows.Next() {
		var e annotate.TextEvent
		var attrs string
		var role, ref sql.NullString
		if err := rows.Scan(&e.ID, &e.Type, &e.Trigger, &e.Annotator, &attrs, &role, &ref); err != nil {
			return nil, err
		}
		if n := len(out); n == 0 || out[n-1].ID != e.ID {
			e.DocumentID = docID
			if e.Attributes, err = decodeAttrs(attrs); err != nil {
				return nil, err
			}
			out = append(out, &e)
		}
		if role.Valid {
			last := out[len(out)-1]
			last.Args = append(last.Args, annotate.EventArg{Role: role.String, Ref: ref.String})
		}
	}
	return out, rows.Err()
}

func notes(q queryer, docID string) ([]*annotate.Note, error) {
	rows, err := q.Query(`SELECT id, type, target, text FROM notes WHERE document_id = ? ORDER BY seq`, docID)
	if err != nil {
		return nil, fmt.Errorf("list notes: %w", err)
	}
	defer rows.Close()
	var out []*annotate.Note
	for rows.Next() {
		n := annotate.Note{DocumentID: docID}
		if err := rows.Scan(&n.ID, &n.Type, &n.Target, &n.Text); err != nil {
			return nil, err
		}
		out = append(out, &n)
	}
	return out, rows.Err()
}

func equivs(q queryer, docID string) ([]*annotate.Equiv, error) {
	rows, err := q.Query(`SELECT id, type, members FROM equivs WHERE document_id = ? ORDER BY seq`, docID)
	if err != nil {
		return nil, fmt.Errorf("list equivalences: %w", err)
	}
	defer rows.Close()
	var out []*annotate.Equiv
	for rows.Next() {
		e := annotate.Equiv{DocumentID: docID}
		var members string
		if err := rows.Scan(&e.ID, &e.Type, &members); err != nil {
			return nil, err
		}
		if err := decodeList(members, &e.Members); err != nil {
			return nil, err
		}
		out = append(out, &e)
	}
	return out, rows.Err()
}

func norms(q queryer, docID string) ([]*annotate.Norm, error) {
	rows, err := q.Query(`SELECT id, type, target, resource, entry_id, text FROM norms WHERE document_id = ? ORDER BY seq`, docID)
	if err != nil {
		return nil, fmt.Errorf("list normalisations: %w", err)
	}
	defer rows.Close()
	var out []*annotate.Norm
	for rows.Next() {
		n := annotate.Norm{DocumentID: docID}
		if err := rows.Scan(&n.ID, &n.Type, &n.Target, &n.Resource, &n.EntryID, &n.Text); err != nil {
			return nil, err
		}
		out = append(out, &n)
	}
	return out, rows.Err()
}

// documentCategories returns a document's categories by set name.
func documentCategories(q queryer, docID string) (map[string][]string, error) {
	rows, err := q.Query(`SELECT c.name, d.value FROM document_categories d JOIN category_sets c ON c.id = d.set_id
		WHERE d.document_id = ? ORDER BY c.seq, d.pos`, docID)
	if err != nil {
		return nil, fmt.Errorf("document categories: %w", err)
	}
	defer rows.Close()
	var out map[string][]string
	for rows.Next() {
		var set, v string
		if err := rows.Scan(&set, &v); err != nil {
			return nil, err
		}
		if out == nil {
			out = map[string][]string{}
		}
		out[set] = append(out[set], v)
	}
	return out, rows.Err()
}

// SetCategories sets a document's categories of one set (by name), checked
// against the set; no values clears them.
func (s *Store) SetCategories(docID, set string, values []string) error {
	return s.write(func(tx *sql.Tx) error {
		if _, err := documentLength(tx, docID); err != nil {
			return err
		}
		sets, err := categorySets(tx)
		if err != nil {
			return err
		}
		for _, c := range sets {
			if strings.EqualFold(c.Name, set) {
				if err := c.Check(values); err != nil {
					return err
				}
				return writeCategories(tx, docID, c.ID, values)
			}
		}
		return annotate.Errorf(annotate.ENOTFOUND, "no category set %q", set)
	})
}

func writeCategories(tx *sql.Tx, docID, setID string, values []string) error {
	if _, err := tx.Exec(`DELETE FROM document_categories WHERE document_id = ? AND set_id = ?`, docID, setID); err != nil {
		return err
	}
	for i, v := range values {
		if _, err := tx.Exec(`INSERT INTO document_categories(document_id, set_id, pos, value) VALUES (?, ?, ?, ?)`, docID, setID, i, v); err != nil {
			return err
		}
	}
	return nil
}

// SetSpanAttribute sets an attribute of a span (value "" removes it), as
// an undoable span edit. The value is checked against the attribute's
// definition for the span's label when there is one.
func (s *Store) SetSpanAttribute(spanID, name, value string) error {
	if name == "" {
		return annotate.Errorf(annotate.EINVALID, "an attribute needs a name")
	}
	return s.write(func(tx *sql.Tx) error {
		old, err := getSpan(tx, spanID)
		if err != nil {
			return err
		}
		var label string
		if err := tx.QueryRow(`SELECT name FROM labels WHERE id = ?`, old.LabelID).Scan(&label); err != nil {
			return err
		}
		defs, err := attributeDefs(tx)
		if err != nil {
			return err
		}
		if d := annotate.FindAttributeDef(defs, label, name); d != nil {
			if err := d.CheckValue(value); err != nil {
				return err
			}
		}
		sp := *old
		sp.Attributes = maps.Clone(old.Attributes)
		if value == "" {
			delete(sp.Attributes, name)
		} else {
			if sp.Attributes == nil {
				sp.Attributes = map[string]string{}
			}
			sp.Attributes[name] = value
		}
		if maps.Equal(sp.Attributes, old.Attributes) {
			return nil
		}
		sp.UpdatedAt = parseTime(now())
		if _, err := tx.Exec(updateSpanSQL, sp.Start, sp.End, sp.LabelID, sp.Note, sp.Group, fmtTime(sp.UpdatedAt), records.EncodeAttrs(sp.Attributes), sp.ID); err != nil {
			return err
		}
		return logSpan(tx, s.annotator, annotate.ActionUpdateSpan, old, &sp)
	})
}

// dropOrphans removes, in one document, the notes and normalisations
// whose target is gone and the members of equivalence sets that are gone
// (a set left with fewer than two goes).
func dropOrphans(tx *sql.Tx, docID string) error {
	const live = `(SELECT id FROM spans WHERE document_id = ?1 UNION ALL SELECT id FROM relations WHERE document_id = ?1
		UNION ALL SELECT id FROM text_events WHERE document_id = ?1)`
	for _, table := range []string{"notes", "norms"} {
		if _, err := tx.Exec(`DELETE FROM `+table+` WHERE document_id = ?1 AND target NOT IN `+live, docID); err != nil {
			return err
		}
	}
	sets, err := equivs(tx, docID)
	if err != nil || len(sets) == 0 {
		return err
	}
	for _, e := range sets {
		var kept []string
		for _, m := range e.Members {
			var n int
			if err := tx.QueryRow(`SELECT count(*) FROM spans WHERE id = ?`, m).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				kept = append(kept, m)
			}
		}
		switch {
		case len(kept) == len(e.Members):
		case len(kept) < 2:
			_, err = tx.Exec(`DELETE FROM equivs WHERE id = ?`, e.ID)
		default:
			b, _ := json.Marshal(kept)
			_, err = tx.Exec(`UPDATE equivs SET members = ? WHERE id = ?`, string(b), e.ID)
		}
		if err != nil {
			return err
		}
	}
	return nil
}
