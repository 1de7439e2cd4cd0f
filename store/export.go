package store

import (
	"fmt"
	"unicode/utf8"

	"gloss/annotate"
)

// EachDocument calls fn for every document with its spans of every
// annotator in text order, in import order, from one consistent snapshot.
// Each document carries the store's annotator's status. It reads documents
// and spans in two ordered scans, so a large project streams.
func (s *Store) EachDocument(fn func(doc *annotate.Document, spans []*annotate.Span) error) error {
	return s.eachDocument(s.annotator, false, fn)
}

// Layer is the project seen through one annotator's layer: a source for
// the exporters with only that annotator's spans, and each document with
// that annotator's status. Export the gold standard with
// format.Export(w, store.Layer(annotate.Gold)) or the like.
type Layer struct {
	s         *Store
	annotator string
}

// Layer returns one annotator's layer of the project, for export.
func (s *Store) Layer(annotator string) Layer { return Layer{s, annotator} }

// Labels lists the project's labels (all of them, in their order).
func (l Layer) Labels() ([]*annotate.Label, error) { return l.s.Labels() }

// EachDocument is Store.EachDocument with only the layer's spans and status.
func (l Layer) EachDocument(fn func(doc *annotate.Document, spans []*annotate.Span) error) error {
	return l.s.eachDocument(l.annotator, true, fn)
}

var _ annotate.StructuredSource = Layer{}

// Schema is the project's schema (relation types, attributes, category sets).
func (l Layer) Schema() (*annotate.Schema, error) { return l.s.Schema() }

// DocStructure is a document's structure as the layer's annotator made it:
// their relations and events (notes, equivalence sets and normalisations
// have no annotator and are all given).
func (l Layer) DocStructure(docID string) (*annotate.DocStructure, error) {
	ds, err := l.s.DocStructure(docID)
	if err != nil {
		return nil, err
	}
	ds.KeepAnnotator(l.annotator)
	return ds, nil
}

func (s *Store) eachDocument(annotator string, only bool, fn func(doc *annotate.Document, spans []*annotate.Span) error) error {
	tx, err := s.rdb.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	statuses, err := annotatorStatuses(tx, annotator)
	if err != nil {
		return err
	}
	docs, err := tx.Query(selectDocumentSQL + ` ORDER BY seq`)
	if err != nil {
		return fmt.Errorf("export documents: %w", err)
	}
	defer docs.Close()
	where, args := "", []any{}
	if only {
		where, args = ` WHERE s.annotator = ?`, []any{annotator}
	}
	spans, err := tx.Query(`SELECT s.id, s.document_id, s.start, s."end", s.label_id, s.note, s.annotator, s.grp, s.created_at, s.updated_at, s.attrs
		FROM spans s JOIN documents d ON d.id = s.document_id`+where+` ORDER BY d.seq, s.start, s."end" DESC, s.id`, args...)
	if err != nil {
		return fmt.Errorf("export spans: %w", err)
	}
	defer spans.Close()
	var pending *annotate.Span
	for docs.Next() {
		d, err := scanDocument(docs)
		if err != nil {
			return err
		}
		d.Status = annotate.StatusTodo
		if st, ok := statuses[d.ID]; ok {
			d.Status = st
		}
		n := utf8.RuneCountInString(d.Text) // checked against its stored length
		if d.Categories, err = documentCategories(tx, d.ID); err != nil {
			return err
		}
		var list []*annotate.Span
		for {
			if pending == nil {
				if !spans.Next() {
					break
				}
				if pending, err = scanSpan(spans); err != nil {
					return err
				}
			}
			if pending.DocumentID != d.ID {
				break
			}
			if err := checkStoredSpan(pending, n); err != nil {
				return err
			}
			list = append(list, pending)
			pending = nil
		}
		if err := fn(d, list); err != nil {
			return err
		}
	}
	if err := docs.Err(); err != nil {
		return err
	}
	return spans.Err()
}
