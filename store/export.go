package store

import (
	"fmt"
	"unicode/utf8"

	"gloss/annotate"
)

// EachDocument calls fn for every document with its spans in text order,
// in import order, from one consistent snapshot. It reads documents and
// spans in two ordered scans, so a large project streams.
func (s *Store) EachDocument(fn func(doc *annotate.Document, spans []*annotate.Span) error) error {
	tx, err := s.rdb.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	docs, err := tx.Query(selectDocumentSQL + ` ORDER BY seq`)
	if err != nil {
		return fmt.Errorf("export documents: %w", err)
	}
	defer docs.Close()
	spans, err := tx.Query(`SELECT s.id, s.document_id, s.start, s."end", s.label_id, s.note, s.annotator, s.grp, s.created_at, s.updated_at
		FROM spans s JOIN documents d ON d.id = s.document_id ORDER BY d.seq, s.start, s."end" DESC, s.id`)
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
		n := utf8.RuneCountInString(d.Text) // checked against its stored length
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
