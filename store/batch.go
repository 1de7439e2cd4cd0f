package store

import (
	"database/sql"

	"gloss/annotate"
	"gloss/store/records"
)

// AddSpans stores many new spans as one edit (action add-spans in the edit
// log), which one Undo removes whole and one Redo puts back. Every span is
// checked against its document's length and the labels first: on any error
// nothing is written. Missing IDs, times and annotators are filled in, as
// AddSpan does. A span equal to one already in the project (same document,
// start, end and label), or to an earlier one of the list, is skipped;
// added counts the spans stored. A call that adds nothing records no edit.
// Like any span edit, it clears what this annotator could redo.
func (s *Store) AddSpans(spans []*annotate.Span) (added int, err error) {
	stamp := parseTime(now())
	for _, sp := range spans {
		if sp.ID == "" {
			sp.ID = annotate.NewID()
		}
		if sp.Annotator == "" {
			sp.Annotator = s.annotator
		}
		if sp.CreatedAt.IsZero() {
			sp.CreatedAt, sp.UpdatedAt = stamp, stamp
		}
	}
	err = s.write(func(tx *sql.Tx) error {
		added = 0
		if err := checkSpans(tx, spans); err != nil {
			return err
		}
		stmt, err := tx.Prepare(insertSpanSQL + ` ON CONFLICT DO NOTHING`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		var stored []*annotate.Span
		for _, sp := range spans {
			r, err := stmt.Exec(sp.ID, sp.DocumentID, sp.Start, sp.End, sp.LabelID, sp.Note, sp.Annotator, sp.Group,
				fmtTime(sp.CreatedAt), fmtTime(sp.UpdatedAt), records.EncodeAttrs(sp.Attributes))
			if err != nil {
				return err
			}
			if n, _ := r.RowsAffected(); n > 0 {
				stored = append(stored, sp)
			}
		}
		added = len(stored)
		if added == 0 {
			return nil
		}
		// What migration 002's trigger does for single span edits.
		if _, err := tx.Exec(`UPDATE events SET undone = ? WHERE undone = ? AND annotator = ?`, undoneForGood, undone, s.annotator); err != nil {
			return err
		}
		return logEvent(tx, s.annotator, annotate.ActionAddSpans, records.CommonDocument(stored), "", "", records.EncodeSpans(stored))
	})
	if err != nil {
		return 0, err
	}
	return added, nil
}

// checkSpans validates every span of a batch, reading each document's
// length and each label once. The error names the span's place in the list.
func checkSpans(tx *sql.Tx, spans []*annotate.Span) error {
	lengths := map[string]int{}
	labels := map[string]bool{}
	for i, sp := range spans {
		n, ok := lengths[sp.DocumentID]
		if !ok {
			var err error
			if n, err = documentLength(tx, sp.DocumentID); err != nil {
				return annotate.Errorf(annotate.ErrorCode(err), "span %d of %d: %v", i+1, len(spans), err)
			}
			lengths[sp.DocumentID] = n
		}
		if err := annotate.CheckRange(sp.Start, sp.End, n); err != nil {
			return annotate.Errorf(annotate.EINVALID, "span %d of %d in document %s: %v", i+1, len(spans), sp.DocumentID, err)
		}
		if !labels[sp.LabelID] {
			var k int
			if err := tx.QueryRow(`SELECT count(*) FROM labels WHERE id = ?`, sp.LabelID).Scan(&k); err != nil {
				return err
			}
			if k == 0 {
				return annotate.Errorf(annotate.ENOTFOUND, "span %d of %d: no label with id %s", i+1, len(spans), sp.LabelID)
			}
			labels[sp.LabelID] = true
		}
	}
	return nil
}

// batchDetail is the one-line account of a batch edit.
func batchDetail(spans []*annotate.Span) string {
	if len(spans) == 1 {
		return "1 span"
	}
	return annotate.Plural(len(spans), "span")
}
