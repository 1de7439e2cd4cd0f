package annotate

import "slices"

// Schema is a project's structure definitions beyond labels.
type Schema struct {
	RelationTypes []*RelationType
	AttributeDefs []*AttributeDef
	CategorySets  []*CategorySet
}

// DocStructure is what one document holds beyond its spans (and the
// attributes and notes spans carry themselves).
type DocStructure struct {
	Relations []*Relation
	Events    []*TextEvent
	Notes     []*Note
	Equivs    []*Equiv
	Norms     []*Norm
}

// Count is the number of structure items, for reports.
func (d *DocStructure) Count() int {
	if d == nil {
		return 0
	}
	return len(d.Relations) + len(d.Events) + len(d.Notes) + len(d.Equivs) + len(d.Norms)
}

// KeepAnnotator drops the relations and events another annotator made,
// for the export of one annotator's layer. Notes, equivalence sets and
// normalisations have no annotator and are all kept.
func (d *DocStructure) KeepAnnotator(annotator string) {
	if d == nil {
		return
	}
	d.Relations = slices.DeleteFunc(d.Relations, func(r *Relation) bool { return r.Annotator != annotator })
	d.Events = slices.DeleteFunc(d.Events, func(e *TextEvent) bool { return e.Annotator != annotator })
}

// StructuredSource is a Source that also gives the schema and each
// document's structure; exporters that can write relations, events,
// attributes, notes and categories assert it on their Source.
type StructuredSource interface {
	Source
	Schema() (*Schema, error)
	// DocStructure returns one document's relations, events, notes,
	// equivalence sets and normalisations.
	DocStructure(docID string) (*DocStructure, error)
}

// Structure is a project with relations, events, attributes, typed notes
// and document categories. The store implements it; the user interface and
// the command line assert it on their Project. Relation adds and deletes and
// attribute changes are undoable edits (see Historian).
type Structure interface {
	// Schema returns relation types, attribute definitions and category sets.
	Schema() (*Schema, error)
	// AddRelationType adds a relation type; its name must be new.
	AddRelationType(t *RelationType) error
	// AddAttributeDef adds an attribute definition; Label, Name and Scope together must be new.
	AddAttributeDef(d *AttributeDef) error
	// AddCategorySet adds a set of document categories; its name must be new.
	AddCategorySet(c *CategorySet) error

	// Relations lists a document's relations in the order they were made.
	Relations(docID string) ([]*Relation, error)
	// AddRelation stores a relation between two spans of one document,
	// checked against its type's allowed labels; one undoable edit.
	AddRelation(r *Relation) error
	// DeleteRelation removes a relation; one undoable edit.
	DeleteRelation(id string) error
	// DeleteSpanWithRelations removes a span and the relations, events and
	// notes on it, and says how many relations went with it. One Undo
	// brings the span and its relations back.
	DeleteSpanWithRelations(id string) (relations int, err error)
	// SetSpanAttribute sets (or with value "" removes) an attribute of a
	// span, checked against its definition when there is one; an undoable
	// span edit.
	SetSpanAttribute(spanID, name, value string) error
	// SetCategories sets a document's categories of one set.
	SetCategories(docID, set string, values []string) error
	// DocStructure returns a document's relations, events, notes,
	// equivalence sets and normalisations.
	DocStructure(docID string) (*DocStructure, error)
}
