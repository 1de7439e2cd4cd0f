package store

import (
	"database/sql"
	"fmt"
	"strings"

	"gloss/annotate"
	"gloss/annotate/unitext"
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

// importLabels returns a map from label key (annotate.LabelKey) to label
// ID. A label of the batch whose name differs from a project label's only
// in case or Unicode form is that label, and a note says so; a hotkey
// another label has is left off the new label, and a note says so. Into
// a project without documents yet (a fresh one, whose labels are the
// defaults), the file's colour, hotkey and description replace those of
// the label of the same name; into any other project the project's stay,
// and a note names each difference.
func (s *Store) importLabels(tx *sql.Tx, b *annotate.Batch, res *annotate.ImportResult) (map[string]string, error) {
	existing, err := queryLabels(tx)
	if err != nil {
		return nil, err
	}
	var fresh bool // whether the project has no documents (not counted: a streamed import asks per batch)
	if err := tx.QueryRow(`SELECT NOT EXISTS (SELECT 1 FROM documents)`).Scan(&fresh); err != nil {
		return nil, err
	}
	ids := map[string]string{}
	byKey := map[string]*annotate.Label{}
	for _, l := range existing {
		ids[annotate.LabelKey(l.Name)] = l.ID
		byKey[annotate.LabelKey(l.Name)] = l
	}
	noted := map[string]bool{}
	note := func(format string, args ...any) {
		n := fmt.Sprintf(format, args...)
		if !noted[n] {
			noted[n] = true
			res.Notes = append(res.Notes, n)
		}
	}
	add := func(l *annotate.Label, fromFile bool) error {
		l.Name = annotate.NormalizeLabelName(l.Name)
		key := annotate.LabelKey(l.Name)
		if have, ok := byKey[key]; ok {
			if have.Name != l.Name {
				note("label %q imported as the existing label %q (names that differ only in case or Unicode form are one label)", l.Name, have.Name)
			}
			if fromFile {
				return s.reconcileLabel(tx, have, l, fresh, note)
			}
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
				note("label %q imported without its hotkey %s: %v", l.Name, l.Hotkey, err)
				l.Hotkey = "" // keep the label, drop a clashing hotkey, and say so
			}
		}
		if err := s.insertLabel(tx, l); err != nil {
			return err
		}
		ids[key] = l.ID
		byKey[key] = l
		res.Labels++
		return nil
	}
	for _, l := range b.Labels {
		c := *l
		if err := add(&c, true); err != nil {
			return nil, err
		}
	}
	for _, sp := range b.Spans {
		if err := add(&annotate.Label{Name: sp.LabelName}, false); err != nil {
			return nil, err
		}
	}
	return ids, nil
}

// reconcileLabel handles a label of the file that is the project's label
// have: in a fresh project the file's colour, hotkey and description win
// (a hotkey another label has is left off, with a note); otherwise the
// project's stay and a note names what the file gives differently.
func (s *Store) reconcileLabel(tx *sql.Tx, have, file *annotate.Label, fresh bool, note func(string, ...any)) error {
	colour := file.Color != "" && !strings.EqualFold(file.Color, have.Color)
	hotkey := file.Hotkey != "" && !strings.EqualFold(file.Hotkey, have.Hotkey)
	desc := file.Description != "" && file.Description != have.Description
	if !colour && !hotkey && !desc {
		return nil
	}
	if !fresh {
		if colour || hotkey {
			note("label %q keeps the project's colour %s and hotkey %q (the file gives %s and %q)", have.Name, have.Color, have.Hotkey, file.Color, file.Hotkey)
		}
		return nil
	}
	upd := *have
	if colour && annotate.ValidColor(file.Color) {
		upd.Color = strings.ToUpper(file.Color)
	}
	if desc {
		upd.Description = file.Description
	}
	if hotkey {
		upd.Hotkey = file.Hotkey
		if err := checkLabelUnique(tx, &upd); annotate.ErrorCode(err) == annotate.ECONFLICT {
			// A default label may still hold it: free it from an unused one.
			var other, otherName string
			var used int
			tx.QueryRow(`SELECT l.id, l.name, (SELECT count(*) FROM spans WHERE label_id = l.id) FROM labels l WHERE lower(l.hotkey) = lower(?) AND l.id != ?`, file.Hotkey, have.ID).Scan(&other, &otherName, &used)
			if other != "" && used == 0 {
				if _, err := tx.Exec(`UPDATE labels SET hotkey = '' WHERE id = ?`, other); err != nil {
					return err
				}
				note("label %q gave its hotkey %s to label %q, as the file says", otherName, file.Hotkey, have.Name)
			} else {
				note("label %q imported without its hotkey %s: %v", have.Name, file.Hotkey, err)
				upd.Hotkey = have.Hotkey
			}
		}
	}
	if _, err := tx.Exec(`UPDATE labels SET color = ?, hotkey = ?, description = ? WHERE id = ?`, upd.Color, upd.Hotkey, upd.Description, have.ID); err != nil {
		return err
	}
	*have = upd
	return nil
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
			fmtTime(sp.CreatedAt), fmtTime(sp.UpdatedAt), encodeAttrs(sp.Attributes))
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
