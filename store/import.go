package store

import (
	"database/sql"

	"gloss/annotate"
	"gloss/annotate/unitext"
	"gloss/store/records"
)

// Import adds a batch in one transaction: all of it, or nothing on error.
// Labels are matched by name without regard to case or Unicode form and
// created when missing, also when only a span names them; what clashed is
// told in ImportResult.Notes (see importLabels). A document already present (the same ID
// and text, or the same title and text) is merged: its new spans are added
// to it. Spans keep their annotator; a span without one gets the store's.
// Exact duplicate spans (same ID, or the same document, offsets, label and
// annotator) are skipped and counted; two annotators' identical spans are
// both kept. A new document's status (other than todo) becomes the store's
// annotator's status.
func (s *Store) Import(b *annotate.Batch) (annotate.ImportResult, error) {
	var res annotate.ImportResult
	err := s.write(func(tx *sql.Tx) error {
		res = annotate.ImportResult{}
		labelIDs, err := s.importLabels(tx, b, &res)
		if err != nil {
			return err
		}
		if err := deferIndex(tx, len(b.Documents), batchTextBytes(b.Documents)); err != nil { // see indexbuild.go
			return err
		}
		lengths, moved, err := importDocuments(tx, b.Documents, s.annotator, &res)
		if err != nil {
			return err
		}
		spanIDs, err := importSpans(tx, b.Spans, labelIDs, lengths, moved, s.annotator, &res)
		if err != nil {
			return err
		}
		if err := importStructure(tx, b, spanIDs, moved, s.annotator, &res); err != nil {
			return err
		}
		return logEvent(tx, s.annotator, "import", "", "", "",
			importDetail(res))
	})
	return res, err
}

// importDocuments inserts new documents and returns the length of every
// document the batch's spans may refer to, and where a batch document ID
// now lives when the document was already in the project: same ID and text,
// or (for formats without IDs, such as text files imported again) the same
// title and text. Those are merged, not added twice.
func importDocuments(tx *sql.Tx, docs []*annotate.Document, annotator string, res *annotate.ImportResult) (map[string]int, map[string]string, error) {
	present, err := documentsByContent(tx)
	if err != nil {
		return nil, nil, err
	}
	return insertDocuments(tx, docs, present, annotator, res)
}

// insertDocuments inserts docs, merging each into the document present
// already holds with the same text and title (present gains the documents
// added), and returns the lengths and moved IDs importDocuments describes.
// The whole-file import and the streamed one differ only in how they fill
// present.
func insertDocuments(tx *sql.Tx, docs []*annotate.Document, present map[contentKey]string, annotator string, res *annotate.ImportResult) (map[string]int, map[string]string, error) {
	stmt, err := tx.Prepare(insertDocumentSQL + ` ON CONFLICT(id) DO NOTHING`)
	if err != nil {
		return nil, nil, err
	}
	defer stmt.Close()
	lengths := map[string]int{}
	moved := map[string]string{}
	for _, d := range docs {
		key := contentKey{d.SHA256, d.Title}
		n := unitext.RuneLen(d.Text)
		if id, ok := present[key]; ok && id != d.ID {
			moved[d.ID] = id
			lengths[id] = n
			res.Merged++
			continue
		}
		added, err := insertDocumentLen(stmt, d, n)
		if err != nil {
			return nil, nil, err
		}
		if added {
			if err := seedStatus(tx, d, annotator); err != nil {
				return nil, nil, err
			}
			res.Documents++
			present[key] = d.ID
		} else {
			var sha string
			if err := tx.QueryRow(`SELECT sha256 FROM documents WHERE id = ?`, d.ID).Scan(&sha); err != nil {
				return nil, nil, err
			}
			if sha != d.SHA256 {
				return nil, nil, annotate.Errorf(annotate.ECONFLICT, "document %q: id %s is already in the project with a different text", d.Title, d.ID)
			}
			res.Merged++
		}
		lengths[d.ID] = n
	}
	return lengths, moved, nil
}

// contentKey identifies a document by its text and title.
type contentKey struct{ sha, title string }

// documentsByContent maps the project's documents by text and title.
func documentsByContent(tx *sql.Tx) (map[contentKey]string, error) {
	rows, err := tx.Query(`SELECT sha256, title, id FROM documents`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m := map[contentKey]string{}
	for rows.Next() {
		var k contentKey
		var id string
		if err := rows.Scan(&k.sha, &k.title, &id); err != nil {
			return nil, err
		}
		if _, dup := m[k]; !dup {
			m[k] = id
		}
	}
	return m, rows.Err()
}

// importSpans stores the batch's spans and returns where each batch span
// ID now lives: its own ID, or that of the equal span already present.
func importSpans(tx *sql.Tx, spans []*annotate.BatchSpan, labelIDs map[string]string, lengths map[string]int, moved map[string]string, annotator string, res *annotate.ImportResult) (map[string]string, error) {
	stmt, err := tx.Prepare(insertSpanSQL + ` ON CONFLICT DO NOTHING`)
	if err != nil {
		return nil, err
	}
	defer stmt.Close()
	ids := make(map[string]string, len(spans))
	for _, bs := range spans {
		sp := bs.Span
		if id, ok := moved[sp.DocumentID]; ok {
			sp.DocumentID = id
		}
		n, ok := lengths[sp.DocumentID]
		if !ok {
			if n, err = documentLength(tx, sp.DocumentID); err != nil {
				return nil, err
			}
			lengths[sp.DocumentID] = n
		}
		if err := annotate.CheckRange(sp.Start, sp.End, n); err != nil {
			return nil, annotate.Errorf(annotate.EINVALID, "span %s in document %s: %v", sp.ID, sp.DocumentID, err)
		}
		batchID := sp.ID
		if sp.ID == "" {
			sp.ID = annotate.NewID()
		}
		if sp.Annotator == "" {
			sp.Annotator = annotator
		}
		label := labelIDs[annotate.LabelKey(bs.LabelName)]
		r, err := stmt.Exec(sp.ID, sp.DocumentID, sp.Start, sp.End, label, sp.Note, sp.Annotator, sp.Group,
			fmtTime(sp.CreatedAt), fmtTime(sp.UpdatedAt), records.EncodeAttrs(sp.Attributes))
		if err != nil {
			return nil, err
		}
		if k, _ := r.RowsAffected(); k == 0 {
			res.Skipped++
			if err := tx.QueryRow(`SELECT id FROM spans WHERE id = ?1 AND document_id = ?2
				UNION ALL SELECT id FROM spans WHERE document_id = ?2 AND start = ?3 AND "end" = ?4 AND label_id = ?5 AND annotator = ?6 LIMIT 1`,
				sp.ID, sp.DocumentID, sp.Start, sp.End, label, sp.Annotator).Scan(&sp.ID); err != nil {
				return nil, annotate.Errorf(annotate.ECONFLICT, "span %s in document %s: its id is taken by a span of another document", sp.ID, sp.DocumentID)
			}
		} else {
			res.Spans++
		}
		if batchID != "" {
			ids[batchID] = sp.ID
		}
	}
	return ids, nil
}
