package store

import (
	"database/sql"
	"encoding/json"
	"strings"

	"gloss/annotate"
	"gloss/store/records"
	"gloss/store/structread"
)

// DocStructure returns a document's relations, events, notes, equivalence
// sets and normalisations.
func (s *Store) DocStructure(docID string) (*annotate.DocStructure, error) {
	return readDocStructure(s.rdb, docID)
}

func readDocStructure(q queryer, docID string) (*annotate.DocStructure, error) {
	rels, err := queryRelations(q, `document_id = ?`, docID)
	if err != nil {
		return nil, err
	}
	ds, err := structread.DocStructure(structQ{q}, docID)
	if err != nil {
		return nil, err
	}
	ds.Relations = rels
	return ds, nil
}

// structQ is a queryer as package structread (and structimport) query it.
type structQ struct{ q queryer }

func (s structQ) Query(query string, args ...any) (structread.Rows, error) {
	rows, err := s.q.Query(query, args...)
	if err != nil {
		return nil, err
	}
	return rows, nil
}

func equivs(q queryer, docID string) ([]*annotate.Equiv, error) {
	return structread.Equivs(structQ{q}, docID)
}

// documentCategories returns a document's categories by set name.
func documentCategories(q queryer, docID string) (map[string][]string, error) {
	return structread.DocumentCategories(structQ{q}, docID)
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
		attrs, changed := annotate.WithAttribute(old.Attributes, name, value)
		if !changed {
			return nil
		}
		sp.Attributes = attrs
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
