package store

import (
	"database/sql"
	"strings"

	"gloss/annotate"
)

// ImportStream imports a file too large to hold in memory: feed calls put
// with one batch at a time (formats.StreamJSONL does), and each batch is
// imported as Import imports a batch (labels, documents merged by ID or
// by text and title, spans), its memory free once put returns. It all
// happens in one transaction, as Import does: on any error (of put, or
// returned by feed) nothing is imported. One transaction is kept, rather
// than one per batch, because an import is all or nothing in Gloss; it
// holds no more memory than one batch (SQLite writes the transaction to
// its journal on disk, not to memory). Other writers wait until it ends.
// Labels from a batch after the first are reconciled as with a project
// that already has documents (the project's colours stay).
func (s *Store) ImportStream(feed func(put func(*annotate.Batch) error) error) (annotate.ImportResult, error) {
	var res annotate.ImportResult
	err := s.writeBulk(func(tx *sql.Tx) error {
		res = annotate.ImportResult{}
		if err := deferIndex(tx, deferDocs, 0); err != nil { // a stream is a bulk import
			return err
		}
		put := func(b *annotate.Batch) error {
			labelIDs, err := s.importLabels(tx, b, &res)
			if err != nil {
				return err
			}
			lengths, moved, err := streamDocuments(tx, b.Documents, s.annotator, &res)
			if err != nil {
				return err
			}
			spanIDs, err := importSpans(tx, b.Spans, labelIDs, lengths, moved, s.annotator, &res)
			if err != nil {
				return err
			}
			return importStructure(tx, b, spanIDs, moved, s.annotator, &res)
		}
		if err := feed(put); err != nil {
			return err
		}
		return logEvent(tx, s.annotator, "import", "", "", "", importDetail(res))
	})
	return res, err
}

// streamDocuments is importDocuments looking up only the documents whose
// text is one of the batch's (by the index on sha256), instead of reading
// every document of the project first.
func streamDocuments(tx *sql.Tx, docs []*annotate.Document, annotator string, res *annotate.ImportResult) (map[string]int, map[string]string, error) {
	present, err := documentsWithHashes(tx, docs)
	if err != nil {
		return nil, nil, err
	}
	return insertDocuments(tx, docs, present, annotator, res)
}

// documentsWithHashes maps the project's documents whose text hash is one
// of docs' by text and title (the first in import order for each).
func documentsWithHashes(tx *sql.Tx, docs []*annotate.Document) (map[contentKey]string, error) {
	m := map[contentKey]string{}
	const chunk = 500
	for i := 0; i < len(docs); i += chunk {
		part := docs[i:min(i+chunk, len(docs))]
		args := make([]any, len(part))
		for j, d := range part {
			args[j] = d.SHA256
		}
		rows, err := tx.Query(`SELECT sha256, title, id FROM documents WHERE sha256 IN (?`+strings.Repeat(`, ?`, len(part)-1)+`) ORDER BY seq`, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var k contentKey
			var id string
			if err := rows.Scan(&k.sha, &k.title, &id); err != nil {
				rows.Close()
				return nil, err
			}
			if _, dup := m[k]; !dup {
				m[k] = id
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return m, nil
}
