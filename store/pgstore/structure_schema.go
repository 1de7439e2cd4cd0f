package pgstore

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"gloss/annotate"
	"gloss/store/records"
)

var (
	_ annotate.Structure        = (*Store)(nil)
	_ annotate.StructuredSource = (*Store)(nil)
)

// Schema returns the project's relation types, attribute definitions and
// category sets, each in the order they were added.
func (s *Store) Schema() (*annotate.Schema, error) {
	var sc *annotate.Schema
	err := s.read(func(ctx context.Context, tx pgx.Tx) (err error) {
		sc, err = readSchema(ctx, tx)
		return err
	})
	return sc, err
}

func readSchema(ctx context.Context, q conn) (*annotate.Schema, error) {
	sc := &annotate.Schema{}
	var err error
	if sc.RelationTypes, err = relationTypes(ctx, q); err != nil {
		return nil, err
	}
	if sc.AttributeDefs, err = attributeDefs(ctx, q); err != nil {
		return nil, err
	}
	if sc.CategorySets, err = categorySets(ctx, q); err != nil {
		return nil, err
	}
	return sc, nil
}

func relationTypes(ctx context.Context, q conn) ([]*annotate.RelationType, error) {
	rows, err := q.Query(ctx, `SELECT id, name, color, directed, from_labels, to_labels, from_role, to_role FROM relation_types ORDER BY seq`)
	if err != nil {
		return nil, fmt.Errorf("relation types: %w", err)
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (*annotate.RelationType, error) {
		var t annotate.RelationType
		var from, to string
		if err := row.Scan(&t.ID, &t.Name, &t.Color, &t.Directed, &from, &to, &t.FromRole, &t.ToRole); err != nil {
			return nil, err
		}
		if err := decodeList(from, &t.FromLabels); err != nil {
			return nil, err
		}
		return &t, decodeList(to, &t.ToLabels)
	})
}

func attributeDefs(ctx context.Context, q conn) ([]*annotate.AttributeDef, error) {
	rows, err := q.Query(ctx, `SELECT id, label, name, kind, vals, scope FROM attribute_defs ORDER BY seq`)
	if err != nil {
		return nil, fmt.Errorf("attribute definitions: %w", err)
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (*annotate.AttributeDef, error) {
		var d annotate.AttributeDef
		var kind, vals string
		if err := row.Scan(&d.ID, &d.Label, &d.Name, &kind, &vals, &d.Scope); err != nil {
			return nil, err
		}
		d.Kind = annotate.AttributeKind(kind)
		return &d, decodeList(vals, &d.Values)
	})
}

func categorySets(ctx context.Context, q conn) ([]*annotate.CategorySet, error) {
	rows, err := q.Query(ctx, `SELECT id, name, multi, vals FROM category_sets ORDER BY seq`)
	if err != nil {
		return nil, fmt.Errorf("category sets: %w", err)
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (*annotate.CategorySet, error) {
		var c annotate.CategorySet
		var vals string
		if err := row.Scan(&c.ID, &c.Name, &c.Multi, &vals); err != nil {
			return nil, err
		}
		return &c, decodeList(vals, &c.Values)
	})
}

// AddRelationType adds a relation type; its name must be new. Only a
// manager may (see docs/server.md).
func (s *Store) AddRelationType(t *annotate.RelationType) error {
	return s.write(func(ctx context.Context, tx pgx.Tx) error { return insertRelationType(ctx, tx, t) })
}

func insertRelationType(ctx context.Context, tx pgx.Tx, t *annotate.RelationType) error {
	if err := t.Validate(); err != nil {
		return err
	}
	if t.ID == "" {
		t.ID = annotate.NewID()
	}
	_, err := tx.Exec(ctx, `INSERT INTO relation_types(id, name, color, directed, from_labels, to_labels, from_role, to_role) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
		t.ID, t.Name, t.Color, t.Directed, encodeList(t.FromLabels), encodeList(t.ToLabels), t.FromRole, t.ToRole)
	if isUnique(err) {
		return annotate.Errorf(annotate.ECONFLICT, "there is already a relation type %q", t.Name)
	}
	return err
}

// AddAttributeDef adds an attribute definition; label, name and scope
// together must be new. Only a manager may.
func (s *Store) AddAttributeDef(d *annotate.AttributeDef) error {
	return s.write(func(ctx context.Context, tx pgx.Tx) error { return insertAttributeDef(ctx, tx, d) })
}

func insertAttributeDef(ctx context.Context, tx pgx.Tx, d *annotate.AttributeDef) error {
	if err := d.Validate(); err != nil {
		return err
	}
	if d.ID == "" {
		d.ID = annotate.NewID()
	}
	_, err := tx.Exec(ctx, `INSERT INTO attribute_defs(id, label, name, kind, vals, scope) VALUES ($1, $2, $3, $4, $5, $6)`,
		d.ID, d.Label, d.Name, string(d.Kind), encodeList(d.Values), d.Scope)
	if isUnique(err) {
		return annotate.Errorf(annotate.ECONFLICT, "attribute %q is already defined for label %q", d.Name, d.Label)
	}
	return err
}

// AddCategorySet adds a set of document categories; its name must be
// new. Only a manager may.
func (s *Store) AddCategorySet(c *annotate.CategorySet) error {
	return s.write(func(ctx context.Context, tx pgx.Tx) error { return insertCategorySet(ctx, tx, c) })
}

func insertCategorySet(ctx context.Context, tx pgx.Tx, c *annotate.CategorySet) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if c.ID == "" {
		c.ID = annotate.NewID()
	}
	_, err := tx.Exec(ctx, `INSERT INTO category_sets(id, name, multi, vals) VALUES ($1, $2, $3, $4)`, c.ID, c.Name, c.Multi, encodeList(c.Values))
	if isUnique(err) {
		return annotate.Errorf(annotate.ECONFLICT, "there is already a category set %q", c.Name)
	}
	return err
}

// encodeList is a list column as both stores keep it (records.EncodeList).
func encodeList(l []string) string { return records.EncodeList(l) }

// decodeList reads a list column (records.DecodeList).
func decodeList(s string, into *[]string) error { return records.DecodeList(s, into) }

// decodeAttrs reads an attrs column (records.DecodeAttrs).
func decodeAttrs(s string) (map[string]string, error) { return records.DecodeAttrs(s) }
