package pgstore

import (
	"context"
	"fmt"
	"maps"
	"strings"

	"github.com/jackc/pgx/v5"

	"gloss/annotate"
	"gloss/store/records"
)

// DocStructure returns a document's relations, events, notes, equivalence
// sets and normalisations (those the member may see).
func (s *Store) DocStructure(docID string) (*annotate.DocStructure, error) {
	var ds *annotate.DocStructure
	err := s.read(func(ctx context.Context, tx pgx.Tx) (err error) {
		ds, err = readDocStructure(ctx, tx, docID)
		return err
	})
	return ds, err
}

func readDocStructure(ctx context.Context, q conn, docID string) (*annotate.DocStructure, error) {
	ds := &annotate.DocStructure{}
	var err error
	if ds.Relations, err = queryRelations(ctx, q, `document_id = $1`, docID); err != nil {
		return nil, err
	}
	if ds.Events, err = textEvents(ctx, q, docID); err != nil {
		return nil, err
	}
	if ds.Notes, err = notes(ctx, q, docID); err != nil {
		return nil, err
	}
	if ds.Equivs, err = equivs(ctx, q, docID); err != nil {
		return nil, err
	}
	if ds.Norms, err = norms(ctx, q, docID); err != nil {
		return nil, err
	}
	return ds, nil
}

func textEvents(ctx context.Context, q conn, docID string) ([]*annotate.TextEvent, error) {
	rows, err := q.Query(ctx, `SELECT e.id, e.type, e.trigger_span, e.annotator, e.attrs, a.role, coalesce(a.ref_span, a.ref_event)
		FROM text_events e LEFT JOIN event_args a ON a.event_id = e.id
		WHERE e.document_id = $1 ORDER BY e.seq, e.id, a.pos`, docID)
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
			if e.Attributes, err = decodeAttrs(attrs); err != nil {
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

func notes(ctx context.Context, q conn, docID string) ([]*annotate.Note, error) {
	rows, err := q.Query(ctx, `SELECT id, type, target, text FROM notes WHERE document_id = $1 ORDER BY seq, id`, docID)
	if err != nil {
		return nil, fmt.Errorf("list notes: %w", err)
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (*annotate.Note, error) {
		n := annotate.Note{DocumentID: docID}
		return &n, row.Scan(&n.ID, &n.Type, &n.Target, &n.Text)
	})
}

func equivs(ctx context.Context, q conn, docID string) ([]*annotate.Equiv, error) {
	rows, err := q.Query(ctx, `SELECT id, type, members FROM equivs WHERE document_id = $1 ORDER BY seq, id`, docID)
	if err != nil {
		return nil, fmt.Errorf("list equivalences: %w", err)
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (*annotate.Equiv, error) {
		e := annotate.Equiv{DocumentID: docID}
		var members string
		if err := row.Scan(&e.ID, &e.Type, &members); err != nil {
			return nil, err
		}
		return &e, decodeList(members, &e.Members)
	})
}

func norms(ctx context.Context, q conn, docID string) ([]*annotate.Norm, error) {
	rows, err := q.Query(ctx, `SELECT id, type, target, resource, entry_id, text FROM norms WHERE document_id = $1 ORDER BY seq, id`, docID)
	if err != nil {
		return nil, fmt.Errorf("list normalisations: %w", err)
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (*annotate.Norm, error) {
		n := annotate.Norm{DocumentID: docID}
		return &n, row.Scan(&n.ID, &n.Type, &n.Target, &n.Resource, &n.EntryID, &n.Text)
	})
}

// documentCategories returns a document's categories by set name.
func documentCategories(ctx context.Context, q conn, docID string) (map[string][]string, error) {
	rows, err := q.Query(ctx, `SELECT c.name, d.value FROM document_categories d JOIN category_sets c ON c.id = d.set_id
		WHERE d.document_id = $1 ORDER BY c.seq, d.pos`, docID)
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
// against the set; no values clears them. On a server a curator or the
// manager sets them (see docs/server.md).
func (s *Store) SetCategories(docID, set string, values []string) error {
	return s.write(func(ctx context.Context, tx pgx.Tx) error {
		if _, err := documentLength(ctx, tx, docID); err != nil {
			return err
		}
		sets, err := categorySets(ctx, tx)
		if err != nil {
			return err
		}
		for _, c := range sets {
			if strings.EqualFold(c.Name, set) {
				if err := c.Check(values); err != nil {
					return err
				}
				return writeCategories(ctx, tx, docID, c.ID, values)
			}
		}
		return annotate.Errorf(annotate.ENOTFOUND, "no category set %q", set)
	})
}

func writeCategories(ctx context.Context, tx pgx.Tx, docID, setID string, values []string) error {
	if _, err := tx.Exec(ctx, `DELETE FROM document_categories WHERE document_id = $1 AND set_id = $2`, docID, setID); err != nil {
		return err
	}
	for i, v := range values {
		if _, err := tx.Exec(ctx, `INSERT INTO document_categories(document_id, set_id, pos, value) VALUES ($1, $2, $3, $4)`, docID, setID, i, v); err != nil {
			return err
		}
	}
	return nil
}

// SetSpanAttribute sets an attribute of a span (value "" removes it), as
// an undoable span edit (update-span). The value is checked against the
// attribute's definition for the span's label when there is one.
func (s *Store) SetSpanAttribute(spanID, name, value string) error {
	if name == "" {
		return annotate.Errorf(annotate.EINVALID, "an attribute needs a name")
	}
	return s.write(func(ctx context.Context, tx pgx.Tx) error {
		old, err := getSpan(ctx, tx, spanID)
		if err != nil {
			return err
		}
		var label string
		if err := tx.QueryRow(ctx, `SELECT name FROM labels WHERE id = $1`, old.LabelID).Scan(&label); err != nil {
			return err
		}
		defs, err := attributeDefs(ctx, tx)
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
		if _, err := tx.Exec(ctx, `UPDATE spans SET attrs = $1, updated_at = $2 WHERE id = $3`,
			records.EncodeAttrs(sp.Attributes), fmtTime(sp.UpdatedAt), sp.ID); err != nil {
			return err
		}
		if err := s.clearRedo(ctx, tx); err != nil {
			return err
		}
		return s.logEvent(ctx, tx, annotate.ActionUpdateSpan, sp.DocumentID, sp.ID, encodeSpan(old), encodeSpan(&sp))
	})
}
