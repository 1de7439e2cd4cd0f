package formats

import (
	"slices"

	"gloss/annotate"
)

// Helpers for the structure beyond spans: relations, events, attributes,
// notes, equivalence sets, normalisations and document categories.

// structured returns the source as a StructuredSource, looking through
// the export's own wrapper.
func structured(src annotate.Source) (annotate.StructuredSource, bool) {
	if c, ok := src.(ctxSource); ok {
		src = c.Source
	}
	ss, ok := src.(annotate.StructuredSource)
	return ss, ok
}

// sourceSchema returns the source's schema, or an empty one when the
// source has none (a plain annotate.Source).
func sourceSchema(src annotate.Source) (*annotate.Schema, error) {
	if ss, ok := structured(src); ok {
		return ss.Schema()
	}
	return &annotate.Schema{}, nil
}

// docStructure returns a document's structure, or an empty one when the
// source has none.
func docStructure(src annotate.Source, docID string) (*annotate.DocStructure, error) {
	if ss, ok := structured(src); ok {
		return ss.DocStructure(docID)
	}
	return &annotate.DocStructure{}, nil
}

// Reasons an exporter gives for structure it left out.
const (
	dropRelations  = "relations"
	dropEvents     = "events"
	dropAttributes = "span attributes"
	dropNotesTyped = "typed notes (lemmas and the like)"
	dropEquivs     = "equivalence sets"
	dropNorms      = "normalizations"
	dropCategories = "document categories"
)

// structKeeps says which structure a format holds.
type structKeeps struct {
	relations, events, attributes, notes, equivs, norms, categories bool
}

// reportStructureLosses counts on rep, for one document, the structure a
// format leaves out. A format that writes only structure whose spans it
// wrote counts the rest itself.
func reportStructureLosses(rep *ExportReport, src annotate.Source, d *annotate.Document, spans []*annotate.Span, keep structKeeps) error {
	if !keep.attributes {
		rep.Drop(dropAttributes, countFunc(spans, func(s *annotate.Span) bool { return len(s.Attributes) > 0 }))
	}
	if !keep.categories && len(d.Categories) > 0 {
		rep.Drop(dropCategories, 1)
	}
	if _, ok := structured(src); !ok {
		return nil
	}
	ds, err := docStructure(src, d.ID)
	if err != nil {
		return err
	}
	if !keep.relations {
		rep.Drop(dropRelations, len(ds.Relations))
	}
	if !keep.events {
		rep.Drop(dropEvents, len(ds.Events))
	}
	if !keep.notes {
		rep.Drop(dropNotesTyped, len(ds.Notes))
	}
	if !keep.equivs {
		rep.Drop(dropEquivs, len(ds.Equivs))
	}
	if !keep.norms {
		rep.Drop(dropNorms, len(ds.Norms))
	}
	return nil
}

func countFunc[T any](list []T, f func(T) bool) int {
	n := 0
	for _, x := range list {
		if f(x) {
			n++
		}
	}
	return n
}

// relationTypeByID maps relation type IDs to types.
func relationTypeByID(sc *annotate.Schema) map[string]*annotate.RelationType {
	m := make(map[string]*annotate.RelationType, len(sc.RelationTypes))
	for _, t := range sc.RelationTypes {
		m[t.ID] = t
	}
	return m
}

// sortedKeys returns a map's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
