package pgstore

import "gloss/annotate"

// Layer is the project seen through one annotator's layer: a source for
// the exporters with only that annotator's spans, and each document with
// that annotator's status, as store.Layer is for a project file. Export
// the gold standard with Layer(annotate.Gold). What row-level security
// hides from the connection is absent.
type Layer struct {
	s         *Store
	annotator string
}

var _ annotate.StructuredSource = Layer{}

// Layer returns one annotator's layer of the project, for export.
func (s *Store) Layer(annotator string) Layer { return Layer{s, annotator} }

// Labels lists the project's labels (all of them, in their order).
func (l Layer) Labels() ([]*annotate.Label, error) { return l.s.Labels() }

// EachDocument is Store.EachDocument with only the layer's spans and status.
func (l Layer) EachDocument(fn func(doc *annotate.Document, spans []*annotate.Span) error) error {
	return l.s.eachDocument(l.annotator, true, fn)
}

// Schema is the project's schema (relation types, attributes, category sets).
func (l Layer) Schema() (*annotate.Schema, error) { return l.s.Schema() }

// DocStructure is a document's structure as the layer's annotator made it:
// their relations and events (notes, equivalence sets and normalisations
// have no annotator and are all given), as store.Layer gives it.
func (l Layer) DocStructure(docID string) (*annotate.DocStructure, error) {
	ds, err := l.s.DocStructure(docID)
	if err != nil {
		return nil, err
	}
	ds.KeepAnnotator(l.annotator)
	return ds, nil
}
