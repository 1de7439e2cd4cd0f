package structimport

import (
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"gloss/annotate"
	"gloss/store/records"
)

// Detail is the edit log's account of an import.
func Detail(res annotate.ImportResult) string {
	d := annotate.Plural(res.Documents, "document") + ", " + annotate.Plural(res.Labels, "label") + ", " + annotate.Plural(res.Spans, "span")
	if res.Relations > 0 || res.Events > 0 {
		d += ", " + annotate.Plural(res.Relations, "relation") + ", " + annotate.Plural(res.Events, "event")
	}
	return d
}

// Import stores the batch's schema (relation types, attribute definitions
// and category sets, matched by name and added when missing), its
// relations, events, notes, equivalence sets and normalisations with their
// span and event references remapped (spanIDs: batch span ID to stored ID;
// a reference to a span the batch does not hold must name one already in
// the project; moved: batch document ID to stored ID), and its documents'
// categories. Relations and events it adds are counted in res.
func Import(st Store, b *annotate.Batch, spanIDs, moved map[string]string, annotator string, res *annotate.ImportResult) error {
	im := &structImport{db: st, spanIDs: spanIDs, moved: moved, eventIDs: map[string]string{}, relIDs: map[string]string{}}
	if err := im.schema(b); err != nil {
		return err
	}
	for _, r := range b.Relations {
		if err := im.relation(r, annotator, res); err != nil {
			return err
		}
	}
	if err := im.events(b.Events, annotator, res); err != nil {
		return err
	}
	if err := im.extras(b); err != nil {
		return err
	}
	return im.categories(b)
}

type structImport struct {
	db                        Store
	spanIDs, moved            map[string]string
	eventIDs, relIDs, typeIDs map[string]string // batch ID to stored ID; lower-case type name to ID
}

func (im *structImport) doc(id string) string {
	if m, ok := im.moved[id]; ok {
		return m
	}
	return id
}

// exists reports whether table has a row with this id.
func (im *structImport) exists(table, id string) (bool, error) {
	var ok bool
	err := im.db.QueryRow(`SELECT EXISTS (SELECT 1 FROM `+table+` WHERE id = ?)`, id).Scan(&ok)
	return ok, err
}

// span returns the stored ID of a span the batch refers to in document doc.
func (im *structImport) span(ref, doc, what string) (string, error) {
	id, ok := im.spanIDs[ref]
	if !ok {
		id = ref
	}
	var found bool
	if err := im.db.QueryRow(`SELECT EXISTS (SELECT 1 FROM spans WHERE id = ? AND document_id = ?)`, id, doc).Scan(&found); err != nil {
		return "", err
	}
	if !found {
		return "", annotate.Errorf(annotate.ENOTFOUND, "%s refers to span %s, which document %s does not hold", what, ref, doc)
	}
	return id, nil
}

func (im *structImport) schema(b *annotate.Batch) error {
	types, err := im.db.RelationTypes()
	if err != nil {
		return err
	}
	im.typeIDs = map[string]string{}
	for _, t := range types {
		im.typeIDs[strings.ToLower(t.Name)] = t.ID
	}
	add := func(t *annotate.RelationType) error {
		if _, ok := im.typeIDs[strings.ToLower(t.Name)]; ok {
			return nil
		}
		c := *t
		c.ID = annotate.NewID()
		if err := im.db.InsertRelationType(&c); err != nil {
			return fmt.Errorf("relation type %q: %w", t.Name, err)
		}
		im.typeIDs[strings.ToLower(t.Name)] = c.ID
		return nil
	}
	for _, t := range b.RelationTypes {
		if err := add(t); err != nil {
			return err
		}
	}
	for _, r := range b.Relations {
		if err := add(&annotate.RelationType{Name: r.TypeName, Directed: true}); err != nil {
			return err
		}
	}
	defs, err := im.db.AttributeDefs()
	if err != nil {
		return err
	}
	for _, d := range b.AttributeDefs {
		if slices.ContainsFunc(defs, func(x *annotate.AttributeDef) bool {
			return strings.EqualFold(x.Label, d.Label) && x.Name == d.Name && x.Scope == d.Scope
		}) {
			continue
		}
		c := *d
		c.ID = annotate.NewID()
		if err := im.db.InsertAttributeDef(&c); err != nil {
			return err
		}
		defs = append(defs, &c)
	}
	for _, c := range b.CategorySets {
		if err := im.categorySet(c.Name, c.Multi, c.Values); err != nil {
			return err
		}
	}
	return nil
}

// categorySet adds a category set, or to the set of that name the values it lacks.
func (im *structImport) categorySet(name string, multi bool, values []string) error {
	sets, err := im.db.CategorySets()
	if err != nil {
		return err
	}
	for _, c := range sets {
		if !strings.EqualFold(c.Name, name) {
			continue
		}
		n := len(c.Values)
		for _, v := range values {
			if !slices.Contains(c.Values, v) {
				c.Values = append(c.Values, v)
			}
		}
		if len(c.Values) == n && (c.Multi || !multi) {
			return nil
		}
		c.Multi = c.Multi || multi
		if err := c.Validate(); err != nil {
			return err
		}
		return im.db.Exec(`UPDATE category_sets SET vals = ?, multi = ? WHERE id = ?`, records.EncodeList(c.Values), c.Multi, c.ID)
	}
	return im.db.InsertCategorySet(&annotate.CategorySet{Name: name, Multi: multi, Values: values})
}

func (im *structImport) relation(br *annotate.BatchRelation, annotator string, res *annotate.ImportResult) error {
	r := br.Relation
	r.DocumentID = im.doc(r.DocumentID)
	r.TypeID = im.typeIDs[strings.ToLower(br.TypeName)]
	what := fmt.Sprintf("relation %s (%s)", r.ID, br.TypeName)
	var err error
	if r.From, err = im.span(r.From, r.DocumentID, what); err != nil {
		return err
	}
	if r.To, err = im.span(r.To, r.DocumentID, what); err != nil {
		return err
	}
	if r.Annotator == "" {
		r.Annotator = annotator
	}
	if r.CreatedAt.IsZero() {
		// The stores' clock, as read back from its stored text.
		r.CreatedAt, _ = time.Parse(time.RFC3339Nano, time.Now().UTC().Format(time.RFC3339Nano))
		r.UpdatedAt = r.CreatedAt
	}
	batchID := r.ID
	var same string
	err = im.db.QueryRow(`SELECT id FROM relations WHERE type_id = ? AND from_span = ? AND to_span = ? AND annotator = ?`,
		r.TypeID, r.From, r.To, r.Annotator).Scan(&same)
	if err == nil {
		im.relIDs[batchID] = same
		return nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	taken := r.ID == ""
	if !taken {
		if taken, err = im.exists("relations", r.ID); err != nil {
			return err
		}
	}
	if taken {
		r.ID = annotate.NewID()
	}
	if err := r.Validate(); err != nil {
		return err
	}
	if err := im.db.InsertRelation(&r); err != nil {
		return err
	}
	im.relIDs[batchID] = r.ID
	res.Relations++
	return nil
}

// categories stores each batch document's categories, adding the sets
// and values they name when missing.
func (im *structImport) categories(b *annotate.Batch) error {
	for _, d := range b.Documents {
		for set, values := range d.Categories {
			if err := im.categorySet(set, len(values) > 1, values); err != nil {
				return fmt.Errorf("document %q: %w", d.Title, err)
			}
			sets, err := im.db.CategorySets()
			if err != nil {
				return err
			}
			for _, c := range sets {
				if strings.EqualFold(c.Name, set) {
					if err := c.Check(values); err != nil {
						return fmt.Errorf("document %q: %w", d.Title, err)
					}
					if err := im.db.WriteCategories(im.doc(d.ID), c.ID, values); err != nil {
						return err
					}
					break
				}
			}
		}
	}
	return nil
}
