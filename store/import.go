package store

import (
	"database/sql"
	"strings"

	"gloss/annotate"
	"gloss/annotate/unitext"
)

// Import adds a batch in one transaction: all of it, or nothing on error.
// Labels are matched by name (case-insensitive) and created when missing,
// also when only a span names them. A document already present (the same ID
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
		lengths, moved, err := importDocuments(tx, b.Documents, s.annotator, &res)
		if err != nil {
			return err
		}
		if err := importSpans(tx, b.Spans, labelIDs, lengths, moved, s.annotator, &res); err != nil {
			return err
		}
		return logEvent(tx, s.annotator, "import", "", "", "",
			annotate.Plural(res.Documents, "document")+", "+annotate.Plural(res.Labels, "label")+", "+annotate.Plural(res.Spans, "span"))
	})
	return res, err
}

// importLabels returns a map from lower-case label name to label ID.
func (s *Store) importLabels(tx *sql.Tx, b *annotate.Batch, res *annotate.ImportResult) (map[string]string, error) {
	existing, err := queryLabels(tx)
	if err != nil {
		return nil, err
	}
	ids := map[string]string{}
	for _, l := range existing {
		ids[strings.ToLower(l.Name)] = l.ID
	}
	add := func(l *annotate.Label) error {
		key := strings.ToLower(l.Name)
		if _, ok := ids[key]; ok {
			return nil
		}
		if l.ID != "" {
			var n int
			if err := tx.QueryRow(`SELECT count(*) FROM labels WHERE id = ?`, l.ID).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				l.ID = ""
			}
		}
		if l.Hotkey != "" {
			if err := checkLabelUnique(tx, l); annotate.ErrorCode(err) == annotate.ECONFLICT {
				l.Hotkey = "" // keep the label, drop a clashing hotkey
			}
		}
		if err := s.insertLabel(tx, l); err != nil {
			return err
		}
		ids[key] = l.ID
		res.Labels++
		return nil
	}
	for _, l := range b.Labels {
		c := *l
		if err := add(&c); err != nil {
			return nil, err
		}
	}
	for _, sp := range b.Spans {
		if _, ok := ids[strings.ToLower(sp.LabelName)]; !ok {
			if err := add(&annotate.Label{Name: sp.LabelName}); err != nil {
				return nil, err
			}
		}
	}
	return ids, nil
}

// importDocuments inserts new documents and returns the length of every
// document the batch's spans may refer to, and where a batch document ID
// now lives when the document was already in the project: same ID and text,
// or (for formats without IDs, such as text files imported again) the same
// title and text. Those are merged, not added twice.
func importDocuments(tx *sql.Tx, docs []*annotate.Document, annotator string, res *annotate.ImportResult) (map[string]int, map[string]string, error) {
	stmt, err := tx.Prepare(insertDocumentSQL + ` ON CONFLICT(id) DO NOTHING`)
	if err != nil {
		return nil, nil, err
	}
	defer stmt.Close()
	present, err := documentsByContent(tx)
	if err != nil {
		return nil, nil, err
	}
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

func importSpans(tx *sql.Tx, spans []*annotate.BatchSpan, labelIDs map[string]string, lengths map[string]int, moved map[string]string, annotator string, res *annotate.ImportResult) error {
	stmt, err := tx.Prepare(`INSERT INTO spans(id, document_id, start, "end", label_id, note, annotator, grp, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, bs := range spans {
		sp := bs.Span
		if id, ok := moved[sp.DocumentID]; ok {
			sp.DocumentID = id
		}
		n, ok := lengths[sp.DocumentID]
		if !ok {
			if n, err = documentLength(tx, sp.DocumentID); err != nil {
				return err
			}
			lengths[sp.DocumentID] = n
		}
		if err := annotate.CheckRange(sp.Start, sp.End, n); err != nil {
			return annotate.Errorf(annotate.EINVALID, "span %s in document %s: %v", sp.ID, sp.DocumentID, err)
		}
		if sp.ID == "" {
			sp.ID = annotate.NewID()
		}
		if sp.Annotator == "" {
			sp.Annotator = annotator
		}
		r, err := stmt.Exec(sp.ID, sp.DocumentID, sp.Start, sp.End, labelIDs[strings.ToLower(bs.LabelName)], sp.Note, sp.Annotator, sp.Group,
			fmtTime(sp.CreatedAt), fmtTime(sp.UpdatedAt))
		if err != nil {
			return err
		}
		if k, _ := r.RowsAffected(); k == 0 {
			res.Skipped++
		} else {
			res.Spans++
		}
	}
	return nil
}
