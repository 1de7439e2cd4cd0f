package pgstore

import (
	"context"
	"strings"

	"github.com/jackc/pgx/v5"

	"gloss/annotate"
	"gloss/store/records"
	"gloss/store/structread"
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
	rels, err := queryRelations(ctx, q, `document_id = $1`, docID)
	if err != nil {
		return nil, err
	}
	ds, err := structread.DocStructure(structQ{ctx, q}, docID)
	if err != nil {
		return nil, err
	}
	ds.Relations = rels
	return ds, nil
}

// structQ is a conn as package structread (and structimport) query it:
// queries get PostgreSQL's placeholders (structread.Dollar) and the context.
type structQ struct {
	ctx context.Context
	q   conn
}

func (s structQ) Query(query string, args ...any) (structread.Rows, error) {
	rows, err := s.q.Query(s.ctx, structread.Dollar(query), args...)
	if err != nil {
		return nil, err
	}
	return pgRows{rows}, nil
}

// pgRows gives pgx.Rows the Close of *sql.Rows.
type pgRows struct{ pgx.Rows }

func (r pgRows) Close() error {
	r.Rows.Close()
	return nil
}

// documentCategories returns a document's categories by set name.
func documentCategories(ctx context.Context, q conn, docID string) (map[string][]string, error) {
	return structread.DocumentCategories(structQ{ctx, q}, docID)
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
		attrs, changed := annotate.WithAttribute(old.Attributes, name, value)
		if !changed {
			return nil
		}
		sp.Attributes = attrs
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
