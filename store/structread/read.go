package structread

import (
	"fmt"

	"gloss/annotate"
	"gloss/store/records"
)

// DocStructure returns a document's events, notes, equivalence sets and
// normalisations; its relations are the store's to fill in.
func DocStructure(q Querier, docID string) (*annotate.DocStructure, error) {
	ds := &annotate.DocStructure{}
	var err error
	if ds.Events, err = TextEvents(q, docID); err != nil {
		return nil, err
	}
	if ds.Notes, err = Notes(q, docID); err != nil {
		return nil, err
	}
	if ds.Equivs, err = Equivs(q, docID); err != nil {
		return nil, err
	}
	if ds.Norms, err = Norms(q, docID); err != nil {
		return nil, err
	}
	return ds, nil
}

// TextEvents returns a document's events with their arguments, in the
// order they were added.
func TextEvents(q Querier, docID string) ([]*annotate.TextEvent, error) {
	rows, err := q.Query(`SELECT e.id, e.type, e.trigger_span, e.annotator, e.attrs, a.role, coalesce(a.ref_span, a.ref_event)
		FROM text_events e LEFT JOIN event_args a ON a.event_id = e.id
		WHERE e.document_id = ? ORDER BY e.seq, e.id, a.pos`, docID)
	if err != nil {
		return nil, fmt.Errorf("list events: %w", err)
	}
	defer rows.Close()
	var out []*annotate.TextEvent
	for rows.Next() {
		var e annotate.TextEvent
		var attrs string
		var role, ref *string
		if err := rows.Scan(&e.ID, &e.Type, &e.Trigger, &e.Annotator, &attrs, &role, &ref); err != nil {
			return nil, err
		}
		if n := len(out); n == 0 || out[n-1].ID != e.ID {
			e.DocumentID = docID
			if e.Attributes, err = records.DecodeAttrs(attrs); err != nil {
				return nil, err
			}
			out = append(out, &e)
		}
		if role != nil && ref != nil {
			last := out[len(out)-1]
			last.Args = append(last.Args, annotate.EventArg{Role: *role, Ref: *ref})
		}
	}
	return out, rows.Err()
}

// Notes returns a document's notes in the order they were added.
func Notes(q Querier, docID string) ([]*annotate.Note, error) {
	rows, err := q.Query(`SELECT id, type, target, text FROM notes WHERE document_id = ? ORDER BY seq, id`, docID)
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

// Equivs returns a document's equivalence sets in the order they were added.
func Equivs(q Querier, docID string) ([]*annotate.Equiv, error) {
	rows, err := q.Query(`SELECT id, type, members FROM equivs WHERE document_id = ? ORDER BY seq, id`, docID)
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
		if err := records.DecodeList(members, &e.Members); err != nil {
			return nil, err
		}
		out = append(out, &e)
	}
	return out, rows.Err()
}

// Norms returns a document's normalisations in the order they were added.
func Norms(q Querier, docID string) ([]*annotate.Norm, error) {
	rows, err := q.Query(`SELECT id, type, target, resource, entry_id, text FROM norms WHERE document_id = ? ORDER BY seq, id`, docID)
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

// DocumentCategories returns a document's categories by set name (nil for none).
func DocumentCategories(q Querier, docID string) (map[string][]string, error) {
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
