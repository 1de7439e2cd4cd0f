package pgstore

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"gloss/annotate"
	"gloss/store/records"
)

// loadSchema stores a dump's relation types, attribute definitions and
// category sets with their IDs.
func loadSchema(ctx context.Context, tx pgx.Tx, sc *annotate.Schema) error {
	if sc == nil {
		return nil
	}
	for _, t := range sc.RelationTypes {
		if err := insertRelationType(ctx, tx, t); err != nil {
			return fmt.Errorf("relation type %q: %w", t.Name, err)
		}
	}
	for _, d := range sc.AttributeDefs {
		if err := insertAttributeDef(ctx, tx, d); err != nil {
			return fmt.Errorf("attribute %q: %w", d.Name, err)
		}
	}
	for _, c := range sc.CategorySets {
		if err := insertCategorySet(ctx, tx, c); err != nil {
			return fmt.Errorf("category set %q: %w", c.Name, err)
		}
	}
	return nil
}

// loadDocStructure stores a dumped document's categories, relations,
// events, notes, equivalence sets and normalisations with their IDs, in
// the dump's order. Each belongs to the document it comes with.
func loadDocStructure(ctx context.Context, tx pgx.Tx, d *annotate.DocumentDump) error {
	docID := d.Document.ID
	for set, values := range d.Document.Categories {
		var setID string
		if err := tx.QueryRow(ctx, `SELECT id FROM category_sets WHERE lower(name) = lower($1)`, set).Scan(&setID); err != nil {
			return annotate.Errorf(annotate.EINVALID, "document %s: category set %q is not in the project", docID, set)
		}
		if err := writeCategories(ctx, tx, docID, setID, values); err != nil {
			return fmt.Errorf("document %s: categories %q: %w", docID, set, err)
		}
	}
	st := d.Structure
	if st == nil {
		return nil
	}
	mine := func(kind, id, doc string) error {
		if doc != docID {
			return annotate.Errorf(annotate.EINVALID, "%s %s belongs to document %s, not %s", kind, id, doc, docID)
		}
		return nil
	}
	for _, r := range st.Relations {
		if err := mine("relation", r.ID, r.DocumentID); err != nil {
			return err
		}
		if err := r.Validate(); err != nil {
			return err
		}
		if err := insertRelation(ctx, tx, r); err != nil {
			return fmt.Errorf("document %s: relation %s: %w", docID, r.ID, err)
		}
	}
	events := map[string]bool{}
	for _, e := range st.Events {
		if err := mine("event", e.ID, e.DocumentID); err != nil {
			return err
		}
		events[e.ID] = true
		if _, err := tx.Exec(ctx, `INSERT INTO text_events(id, document_id, type, trigger_span, annotator, attrs) VALUES ($1, $2, $3, $4, $5, $6)`,
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
			var refSpan, refEvent *string = &a.Ref, nil
			if events[a.Ref] {
				refSpan, refEvent = nil, &a.Ref
			}
			if _, err := tx.Exec(ctx, `INSERT INTO event_args(event_id, pos, role, ref_span, ref_event) VALUES ($1, $2, $3, $4, $5)`,
				e.ID, pos, a.Role, refSpan, refEvent); err != nil {
				return fmt.Errorf("document %s: event %s, argument %s: %w", docID, e.ID, a.Role, err)
			}
		}
	}
	for _, n := range st.Notes {
		if err := mine("note", n.ID, n.DocumentID); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO notes(id, document_id, type, target, text) VALUES ($1, $2, $3, $4, $5)`,
			n.ID, n.DocumentID, n.Type, n.Target, n.Text); err != nil {
			return fmt.Errorf("document %s: note %s: %w", docID, n.ID, err)
		}
	}
	for _, e := range st.Equivs {
		if err := mine("equivalence set", e.ID, e.DocumentID); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO equivs(id, document_id, type, members) VALUES ($1, $2, $3, $4)`,
			e.ID, e.DocumentID, e.Type, encodeList(e.Members)); err != nil {
			return fmt.Errorf("document %s: %s set %s: %w", docID, e.Type, e.ID, err)
		}
	}
	for _, n := range st.Norms {
		if err := mine("normalisation", n.ID, n.DocumentID); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO norms(id, document_id, type, target, resource, entry_id, text) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
			n.ID, n.DocumentID, n.Type, n.Target, n.Resource, n.EntryID, n.Text); err != nil {
			return fmt.Errorf("document %s: normalisation %s: %w", docID, n.ID, err)
		}
	}
	return nil
}

// dumpDocStructure adds a document's categories and structure to its dump.
func dumpDocStructure(ctx context.Context, tx pgx.Tx, d *annotate.DocumentDump) error {
	var err error
	if d.Document.Categories, err = documentCategories(ctx, tx, d.Document.ID); err != nil {
		return err
	}
	st, err := readDocStructure(ctx, tx, d.Document.ID)
	if err != nil {
		return err
	}
	if st.Count() > 0 {
		d.Structure = st
	}
	d.ArgPos, err = argPositions(ctx, tx, d.Document.ID)
	return err
}

// argPositions returns the stored positions of the arguments of a
// document's events whose arguments are not at 0, 1, 2, ...
// (DocumentDump.ArgPos).
func argPositions(ctx context.Context, q conn, docID string) (map[string][]int, error) {
	rows, err := q.Query(ctx, `SELECT a.event_id, a.pos FROM event_args a JOIN text_events e ON e.id = a.event_id
		WHERE e.document_id = $1 ORDER BY e.seq, e.id, a.pos`, docID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out map[string][]int
	all := map[string][]int{}
	for rows.Next() {
		var id string
		var pos int
		if err := rows.Scan(&id, &pos); err != nil {
			return nil, err
		}
		all[id] = append(all[id], pos)
	}
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
	return out, rows.Err()
}
