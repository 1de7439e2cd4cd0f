package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"gloss/annotate"
	"gloss/store/records"
)

const selectSpanSQL = `SELECT id, document_id, start, "end", label_id, note, annotator, grp, created_at, updated_at, attrs FROM spans`

func scanSpan(row interface{ Scan(...any) error }) (*annotate.Span, error) {
	var sp annotate.Span
	var created, updated, attrs string
	if err := row.Scan(&sp.ID, &sp.DocumentID, &sp.Start, &sp.End, &sp.LabelID, &sp.Note, &sp.Annotator, &sp.Group, &created, &updated, &attrs); err != nil {
		return nil, err
	}
	sp.CreatedAt, sp.UpdatedAt = parseTime(created), parseTime(updated)
	var err error
	if sp.Attributes, err = decodeAttrs(attrs); err != nil {
		return nil, fmt.Errorf("span %s: %w", sp.ID, err)
	}
	return &sp, nil
}

// Span returns one span, checked against its document's text.
func (s *Store) Span(id string) (*annotate.Span, error) {
	tx, err := s.rdb.Begin()
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	sp, err := getSpan(tx, id)
	if err != nil {
		return nil, err
	}
	n, err := s.readLength(tx, sp.DocumentID)
	if err != nil {
		return nil, err
	}
	return sp, checkStoredSpan(sp, n)
}

// checkStoredSpan reports a span read from the file that does not lie
// within its document's n code points.
func checkStoredSpan(sp *annotate.Span, n int) error {
	if err := annotate.CheckRange(sp.Start, sp.End, n); err != nil {
		return damagedRow("span", sp.ID, fmt.Sprintf("in document %s: %v", sp.DocumentID, err))
	}
	return nil
}

func getSpan(q queryer, id string) (*annotate.Span, error) {
	sp, err := scanSpan(q.QueryRow(selectSpanSQL+` WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, annotate.Errorf(annotate.ENOTFOUND, "no span with id %s", id)
	}
	return sp, err
}

// Spans lists a document's spans of every annotator (all layers) in text
// order (none for a document that does not exist); SpansBy lists one
// annotator's. A span that does not lie within the document's text is an
// EINVALID error naming it.
func (s *Store) Spans(docID string) ([]*annotate.Span, error) {
	tx, err := s.rdb.Begin()
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	n, err := s.readLength(tx, docID)
	if annotate.ErrorCode(err) == annotate.ENOTFOUND {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	rows, err := tx.Query(selectSpanSQL+` WHERE document_id = ? ORDER BY start, "end" DESC, id`, docID)
	if err != nil {
		return nil, fmt.Errorf("list spans: %w", err)
	}
	defer rows.Close()
	var out []*annotate.Span
	for rows.Next() {
		sp, err := scanSpan(rows)
		if err != nil {
			return nil, err
		}
		if err := checkStoredSpan(sp, n); err != nil {
			return nil, err
		}
		out = append(out, sp)
	}
	return out, rows.Err()
}

// AddSpan validates a new span against its document and labels and stores it.
// Missing ID, times and annotator are filled in.
func (s *Store) AddSpan(sp *annotate.Span) error {
	if sp.ID == "" {
		sp.ID = annotate.NewID()
	}
	if sp.Annotator == "" {
		sp.Annotator = s.annotator
	}
	if sp.CreatedAt.IsZero() {
		sp.CreatedAt = parseTime(now())
		sp.UpdatedAt = sp.CreatedAt
	}
	return s.write(func(tx *sql.Tx) error {
		if err := checkSpan(tx, sp); err != nil {
			return err
		}
		if err := insertSpan(tx, sp); err != nil {
			return err
		}
		return logSpan(tx, s.annotator, "add-span", nil, sp)
	})
}

const insertSpanSQL = `INSERT INTO spans(id, document_id, start, "end", label_id, note, annotator, grp, created_at, updated_at, attrs)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

func insertSpan(q queryer, sp *annotate.Span) error {
	_, err := q.Exec(insertSpanSQL, sp.ID, sp.DocumentID, sp.Start, sp.End, sp.LabelID, sp.Note, sp.Annotator, sp.Group,
		fmtTime(sp.CreatedAt), fmtTime(sp.UpdatedAt), records.EncodeAttrs(sp.Attributes))
	if isUnique(err) {
		return annotate.Errorf(annotate.ECONFLICT, "this span [%d, %d) already has that label (annotator %s)", sp.Start, sp.End, sp.Annotator)
	}
	return err
}

// checkSpan validates offsets against the document length and that the label exists.
func checkSpan(tx *sql.Tx, sp *annotate.Span) error {
	n, err := documentLength(tx, sp.DocumentID)
	if err != nil {
		return err
	}
	if err := annotate.CheckRange(sp.Start, sp.End, n); err != nil {
		return err
	}
	var ok int
	if err := tx.QueryRow(`SELECT count(*) FROM labels WHERE id = ?`, sp.LabelID).Scan(&ok); err != nil {
		return err
	}
	if ok == 0 {
		return annotate.Errorf(annotate.ENOTFOUND, "no label with id %s", sp.LabelID)
	}
	return nil
}

const updateSpanSQL = `UPDATE spans SET start = ?, "end" = ?, label_id = ?, note = ?, grp = ?, updated_at = ?, attrs = ? WHERE id = ?`

// UpdateSpan saves a span's offsets, label, note and attributes.
func (s *Store) UpdateSpan(sp *annotate.Span) error {
	return s.write(func(tx *sql.Tx) error {
		old, err := getSpan(tx, sp.ID)
		if err != nil {
			return err
		}
		sp.DocumentID = old.DocumentID
		if err := checkSpan(tx, sp); err != nil {
			return err
		}
		sp.UpdatedAt = parseTime(now())
		_, err = tx.Exec(updateSpanSQL, sp.Start, sp.End, sp.LabelID, sp.Note, sp.Group, fmtTime(sp.UpdatedAt), records.EncodeAttrs(sp.Attributes), sp.ID)
		if isUnique(err) {
			return annotate.Errorf(annotate.ECONFLICT, "this span [%d, %d) already has that label", sp.Start, sp.End)
		}
		if err != nil {
			return err
		}
		return logSpan(tx, s.annotator, "update-span", old, sp)
	})
}

// DeleteSpan removes a span with its relations (see DeleteSpanWithRelations).
func (s *Store) DeleteSpan(id string) error {
	_, err := s.DeleteSpanWithRelations(id)
	return err
}

func logSpan(tx *sql.Tx, annotator, action string, before, after *annotate.Span) error {
	enc := func(sp *annotate.Span) string {
		if sp == nil {
			return ""
		}
		b, _ := json.Marshal(sp)
		return string(b)
	}
	ref := after
	if ref == nil {
		ref = before
	}
	return logEvent(tx, annotator, action, ref.DocumentID, ref.ID, enc(before), enc(after))
}
