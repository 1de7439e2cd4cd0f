package store

import (
	"database/sql"
	"fmt"

	"gloss/annotate"
	"gloss/store/records"
)

// loadSchema stores a dump's relation types, attribute definitions and
// category sets with their IDs.
func loadSchema(tx *sql.Tx, sc *annotate.Schema) error {
	if sc == nil {
		return nil
	}
	for _, t := range sc.RelationTypes {
		if err := insertRelationType(tx, t); err != nil {
			return err
		}
	}
	for _, d := range sc.AttributeDefs {
		if err := insertAttributeDef(tx, d); err != nil {
			return err
		}
	}
	for _, c := range sc.CategorySets {
		if err := insertCategorySet(tx, c); err != nil {
			return err
		}
	}
	return nil
}

// loadDocStructure stores a dumped document's categories, relations,
// events, notes, equivalence sets and normalisations with their IDs.
func loadDocStructure(tx *sql.Tx, d *annotate.DocumentDump) error {
	docID := d.Document.ID
	for set, values := range d.Document.Categories {
		var setID string
		if err := tx.QueryRow(`SELECT id FROM category_sets WHERE name = ?`, set).Scan(&setID); err != nil {
			return annotate.Errorf(annotate.EINVALID, "document %s: category set %q is not in the project", docID, set)
		}
		if err := writeCategories(tx, docID, setID, values); err != nil {
			return err
		}
	}
	st := d.Structure
	if st == nil {
		return nil
	}
	for _, r := range st.Relations {
		if err := insertRelation(tx, r); err != nil {
			return fmt.Errorf("document %s: relation %s: %w", docID, r.ID, err)
		}
	}
	events := map[string]bool{}
	for _, e := range st.Events {
		events[e.ID] = true
		if _, err := tx.Exec(`INSERT INTO text_events(id, document_id, type, trigger_span, annotator, attrs) VALUES (?, ?, ?, ?, ?, ?)`,
			e.ID, e.DocumentID, e.Type, e.Trigger, e.Annotator, records.EncodeAttrs(e.Attributes)); err != nil {
			return fmt.Errorf("document %s: event %s: %w", docID, e.ID, err)
		}
	}
	for _, e := range st.Events {
		for i, a := range e.Args {
			pos := i
			if ps := d.ArgPos[e.ID]; len(ps) == len(e.Args) {
				pos = ps[i]
			}
			var refSpan, refEvent any = a.Ref, nil
			if events[a.Ref] {
				refSpan, refEvent = nil, a.Ref
			}
			if _, err := tx.Exec(`INSERT INTO event_args(event_id, pos, role, ref_span, ref_event) VALUES (?, ?, ?, ?, ?)`,
				e.ID, pos, a.Role, refSpan, refEvent); err != nil {
				return fmt.Errorf("document %s: event %s, argument %s: %w", docID, e.ID, a.Role, err)
			}
		}
	}
	for _, n := range st.Notes {
		if _, err := tx.Exec(`INSERT INTO notes(id, document_id, type, target, text) VALUES (?, ?, ?, ?, ?)`,
			n.ID, n.DocumentID, n.Type, n.Target, n.Text); err != nil {
			return fmt.Errorf("document %s: note %s: %w", docID, n.ID, err)
		}
	}
	for _, e := range st.Equivs {
		if _, err := tx.Exec(`INSERT INTO equivs(id, document_id, type, members) VALUES (?, ?, ?, ?)`,
			e.ID, e.DocumentID, e.Type, encodeList(e.Members)); err != nil {
			return fmt.Errorf("document %s: %s set %s: %w", docID, e.Type, e.ID, err)
		}
	}
	for _, n := range st.Norms {
		if _, err := tx.Exec(`INSERT INTO norms(id, document_id, type, target, resource, entry_id, text) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			n.ID, n.DocumentID, n.Type, n.Target, n.Resource, n.EntryID, n.Text); err != nil {
			return fmt.Errorf("document %s: normalisation %s: %w", docID, n.ID, err)
		}
	}
	return nil
}

// argPositions returns the stored positions of the arguments of a
// document's events whose arguments are not at 0, 1, 2, ...
// (DocumentDump.ArgPos).
func argPositions(q queryer, docID string) (map[string][]int, error) {
	rows, err := q.Query(`SELECT a.event_id, a.pos FROM event_args a JOIN text_events e ON e.id = a.event_id
		WHERE e.document_id = ? ORDER BY e.seq, a.pos`, docID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	all := map[string][]int{}
	for rows.Next() {
		var id string
		var pos int
		if err := rows.Scan(&id, &pos); err != nil {
			return nil, err
		}
		all[id] = append(all[id], pos)
	}
	return gappedPositions(all), rows.Err()
}

// gappedPositions keeps the events whose positions are not 0, 1, 2, ...
func gappedPositions(all map[string][]int) map[string][]int {
	var out map[string][]int
	for id, ps := range all {
		for i, p := range ps {
			if p != i {
				if out == nil {
					out = map[string][]int{}
				}
				out[id] = ps
				break
			}
		}
	}
	return out
}
