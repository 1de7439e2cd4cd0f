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

var _ annotate.Source = Layer{}

// Layer returns one annotator's layer of the project, for export.
func (s *Store) Layer(annotator string) Layer { return Layer{s, annotator} }

// Labels lists the project's labels (all of them, in their order).
func (l Layer) Labels() ([]*annotate.Label, error) { return l.s.Labels() }

// EachDocument is Store.EachDocument with only the layer's spans and status.
func (l Layer) EachDocument(fn func(doc *annotate.Document, spans []*annotate.Span) error) error {
	return l.s.eachDocument(l.annotator, true, fn)
}
