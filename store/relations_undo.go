package store

import (
	"database/sql"

	"gloss/annotate"
	"gloss/store/records"
)

// moveRelation undoes or redoes a relation edit: it removes the relation
// when the step leaves it absent and puts it back when the step leaves it
// present. A non-empty reason says why it could not.
func moveRelation(tx *sql.Tx, e *annotate.Event, undo bool) (reason string, err error) {
	if len(e.Relations) != 1 {
		return "the edit log entry names no relation", nil
	}
	r := e.Relations[0]
	present := (e.Action == annotate.ActionDeleteRelation) == undo
	cur, err := queryRelations(tx, `id = ?`, r.ID)
	if err != nil {
		return "", err
	}
	if !present {
		if len(cur) == 0 {
			return "the relation was deleted since", nil
		}
		removed, err := deleteRelationCapturing(tx, r)
		if err != nil || e.Action != annotate.ActionDeleteRelation {
			return "", err
		}
		_, err = tx.Exec(`UPDATE events SET before = ? WHERE seq = ?`, records.EncodeRelation(r, removed), e.Seq)
		return "", err
	}
	if len(cur) > 0 {
		return "the relation is there already", nil
	}
	var removed []removedRow
	if e.Action == annotate.ActionDeleteRelation {
		var before string
		if err := tx.QueryRow(`SELECT before FROM events WHERE seq = ?`, e.Seq).Scan(&before); err != nil {
			return "", err
		}
		removed = decodeRemoved(before)
		if reason, err := removedConflict(tx, removed); reason != "" || err != nil {
			return reason, err
		}
	}
	if err := checkRelation(tx, r); err != nil {
		if annotate.ErrorCode(err) != "" {
			return err.Error(), nil
		}
		return "", err
	}
	if err := insertRelation(tx, r); err != nil || len(removed) == 0 {
		return "", err
	}
	return "", restoreRemoved(tx, []string{r.DocumentID}, removed)
}

// deleteRelationCapturing removes a relation and what is left orphaned by
// it, and returns the structure rows that went with it.
func deleteRelationCapturing(tx *sql.Tx, r *annotate.Relation) ([]removedRow, error) {
	return captureRemoved(tx, []string{r.DocumentID}, func() error {
		if _, err := tx.Exec(`DELETE FROM relations WHERE id = ?`, r.ID); err != nil {
			return err
		}
		return dropOrphans(tx, r.DocumentID)
	})
}

// relationStepRecord returns the before and after of the undo or redo of
// a relation edit.
func relationStepRecord(e *annotate.Event, action string) (before, after string) {
	return records.RelationStepRecord(e, action == "undo")
}

// restoreRelations puts back the relations a span delete removed, those
// whose spans and type are all still there.
func restoreRelations(tx *sql.Tx, rs []*annotate.Relation) error {
	for _, r := range rs {
		var n int
		if err := tx.QueryRow(`SELECT (SELECT count(*) FROM spans WHERE id IN (?1, ?2)) + (SELECT count(*) FROM relation_types WHERE id = ?3)
			- (SELECT count(*) FROM relations WHERE id = ?4)`, r.From, r.To, r.TypeID, r.ID).Scan(&n); err != nil {
			return err
		}
		want := 3
		if r.From == r.To {
			want = 2
		}
		if n != want {
			continue
		}
		if err := insertRelation(tx, r); err != nil {
			return err
		}
	}
	return nil
}

// spanStep does what a span undo or redo needs beyond moving the span: a
// redone delete removes the span's relations and structure again and
// records them anew, an undone delete brings them back. A non-empty
// reason says why an undone delete could not bring its structure back.
func spanStep(tx *sql.Tx, e *annotate.Event, action string, move func() error) (reason string, err error) {
	if e.Action != annotate.ActionDeleteSpan {
		return "", move()
	}
	if action == "redo" {
		rs, err := queryRelations(tx, `from_span = ?1 OR to_span = ?1`, e.SpanID)
		if err != nil {
			return "", err
		}
		e.Relations = rs
		removed, err := captureRemoved(tx, []string{e.DocumentID}, func() error {
			if err := move(); err != nil {
				return err
			}
			return dropOrphans(tx, e.DocumentID)
		})
		if err != nil {
			return "", err
		}
		_, err = tx.Exec(`UPDATE events SET before = ? WHERE seq = ?`, encodeSpanRecord(e.Before, rs, removed), e.Seq)
		return "", err
	}
	var before string
	if err := tx.QueryRow(`SELECT before FROM events WHERE seq = ?`, e.Seq).Scan(&before); err != nil {
		return "", err
	}
	removed := decodeRemoved(before)
	if reason, err := removedConflict(tx, removed); reason != "" || err != nil {
		return reason, err
	}
	if err := move(); err != nil {
		return "", err
	}
	if err := restoreRelations(tx, e.Relations); err != nil {
		return "", err
	}
	if len(removed) == 0 {
		return "", nil
	}
	return "", restoreRemoved(tx, []string{e.DocumentID}, removed)
}

// decodeRecordRelations reads the relations of an edit log record (see
// records.DecodeRecordRelations).
func decodeRecordRelations(s string) ([]*annotate.Relation, error) {
	return records.DecodeRecordRelations(s)
}
