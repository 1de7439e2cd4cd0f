package store

import (
	"database/sql"
	"fmt"

	"gloss/annotate"
	"gloss/store/records"
)

var _ annotate.Structure = (*Store)(nil)

// Schema returns the project's relation types, attribute definitions and
// category sets, each in the order they were added.
func (s *Store) Schema() (*annotate.Schema, error) {
	return readStructureSchema(s.rdb)
}

func readStructureSchema(q queryer) (*annotate.Schema, error) {
	sc := &annotate.Schema{}
	var err error
	if sc.RelationTypes, err = relationTypes(q); err != nil {
		return nil, err
	}
	if sc.AttributeDefs, err = attributeDefs(q); err != nil {
		return nil, err
	}
	if sc.CategorySets, err = categorySets(q); err != nil {
		return nil, err
	}
	return sc, nil
}

func relationTypes(q queryer) ([]*annotate.RelationType, error) {
	rows, err := q.Query(`SELECT id, name, color, directed, from_labels, to_labels, from_role, to_role FROM relation_types ORDER BY seq`)
	if err != nil {
		return nil, fmt.Errorf("relation types: %w", err)
	}
	defer rows.Close()
	var out []*annotate.RelationType
	for rows.Next() {
		var t annotate.RelationType
		var from, to string
		if err := rows.Scan(&t.ID, &t.Name, &t.Color, &t.Directed, &from, &to, &t.FromRole, &t.ToRole); err != nil {
			return nil, err
		}
		if err := decodeList(from, &t.FromLabels); err != nil {
			return nil, err
		}
		if err := decodeList(to, &t.ToLabels); err != nil {
			return nil, err
		}
		out = append(out, &t)
	}
	return out, rows.Err()
}

func attributeDefs(q queryer) ([]*annotate.AttributeDef, error) {
	rows, err := q.Query(`SELECT id, label, name, kind, vals, scope FROM attribute_defs ORDER BY seq`)
	if err != nil {
		return nil, fmt.Errorf("attribute definitions: %w", err)
	}
	defer rows.Close()
	var out []*annotate.AttributeDef
	for rows.Next() {
		var d annotate.AttributeDef
		var vals string
		if err := rows.Scan(&d.ID, &d.Label, &d.Name, &d.Kind, &vals, &d.Scope); err != nil {
			return nil, err
		}
		if err := decodeList(vals, &d.Values); err != nil {
			return nil, err
		}
		out = append(out, &d)
	}
	return out, rows.Err()
}

func categorySets(q queryer) ([]*annotate.CategorySet, error) {
	rows, err := q.Query(`SELECT id, name, multi, vals FROM category_sets ORDER BY seq`)
	if err != nil {
		return nil, fmt.Errorf("category sets: %w", err)
	}
	defer rows.Close()
	var out []*annotate.CategorySet
	for rows.Next() {
		var c annotate.CategorySet
		var vals string
		if err := rows.Scan(&c.ID, &c.Name, &c.Multi, &vals); err != nil {
			return nil, err
		}
		if err := decodeList(vals, &c.Values); err != nil {
			return nil, err
		}
		out = append(out, &c)
	}
	return out, rows.Err()
}

// AddRelationType adds a relation type; its name must be new.
func (s *Store) AddRelationType(t *annotate.RelationType) error {
	return s.write(func(tx *sql.Tx) error { return insertRelationType(tx, t) })
}

func insertRelationType(q queryer, t *annotate.RelationType) error {
	if err := t.Validate(); err != nil {
		return err
	}
	if t.ID == "" {
		t.ID = annotate.NewID()
	}
	_, err := q.Exec(`INSERT INTO relation_types(id, name, color, directed, from_labels, to_labels, from_role, to_role) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		t.ID, t.Name, t.Color, t.Directed, encodeList(t.FromLabels), encodeList(t.ToLabels), t.FromRole, t.ToRole)
	if isUnique(err) {
		return annotate.Errorf(annotate.ECONFLICT, "there is already a relation type %q", t.Name)
	}
	return err
}

// AddAttributeDef adds an attribute definition; label, name and scope
// together must be new.
func (s *Store) AddAttributeDef(d *annotate.AttributeDef) error {
	return s.write(func(tx *sql.Tx) error { return insertAttributeDef(tx, d) })
}

func insertAttributeDef(q queryer, d *annotate.AttributeDef) error {
	if err := d.Validate(); err != nil {
		return err
	}
	if d.ID == "" {
		d.ID = annotate.NewID()
	}
	_, err := q.Exec(`INSERT INTO attribute_defs(id, label, name, kind, vals, scope) VALUES (?, ?, ?, ?, ?, ?)`,
		d.ID, d.Label, d.Name, string(d.Kind), encodeList(d.Values), d.Scope)
	if isUnique(err) {
		return annotate.Errorf(annotate.ECONFLICT, "attribute %q is already defined for label %q", d.Name, d.Label)
	}
	return err
}

// AddCategorySet adds a set of document categories; its name must be new.
func (s *Store) AddCategorySet(c *annotate.CategorySet) error {
	return s.write(func(tx *sql.Tx) error { return insertCategorySet(tx, c) })
}

func insertCategorySet(q queryer, c *annotate.CategorySet) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if c.ID == "" {
		c.ID = annotate.NewID()
	}
	_, err := q.Exec(`INSERT INTO category_sets(id, name, multi, vals) VALUES (?, ?, ?, ?)`, c.ID, c.Name, c.Multi, encodeList(c.Values))
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
