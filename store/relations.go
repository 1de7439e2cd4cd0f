package store

import (
	"database/sql"
	"errors"
	"fmt"

	"gloss/annotate"
	"gloss/store/records"
)

const selectRelationSQL = `SELECT id, document_id, type_id, from_span, to_span, annotator, note, attrs, created_at, updated_at FROM relations`

func scanRelation(row interface{ Scan(...any) error }) (*annotate.Relation, error) {
	var r annotate.Relation
	var attrs, created, updated string
	if err := row.Scan(&r.ID, &r.DocumentID, &r.TypeID, &r.From, &r.To, &r.Annotator, &r.Note, &attrs, &created, &updated); err != nil {
		return nil, err
	}
	r.CreatedAt, r.UpdatedAt = parseTime(created), parseTime(updated)
	var err error
	r.Attributes, err = decodeAttrs(attrs)
	return &r, err
}

func queryRelations(q queryer, where string, args ...any) ([]*annotate.Relation, error) {
	rows, err := q.Query(selectRelationSQL+` WHERE `+where+` ORDER BY seq`, args...)
	if err != nil {
		return nil, fmt.Errorf("list relations: %w", err)
	}
	defer rows.Close()
	var out []*annotate.Relation
	for rows.Next() {
		r, err := scanRelation(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Relations lists a document's relations in the order they were made.
func (s *Store) Relations(docID string) ([]*annotate.Relation, error) {
	return queryRelations(s.rdb, `document_id = ?`, docID)
}

// AddRelation stores a relation between two spans of one document, as
// one undoable edit (add-relation). Both spans must be in the relation's
// document, and the type must allow their labels. Missing ID, times and
// annotator are filled in.
func (s *Store) AddRelation(r *annotate.Relation) error {
	r.FillIn(s.annotator, parseTime(now()))
	if err := r.Validate(); err != nil {
		return err
	}
	return s.write(func(tx *sql.Tx) error {
		if err := checkRelation(tx, r); err != nil {
			return err
		}
		if err := insertRelation(tx, r); err != nil {
			return err
		}
		return logRelation(tx, s.annotator, annotate.ActionAddRelation, nil, r, nil)
	})
}

// checkRelation checks that the relation's spans are in its document and
// that its type exists and allows their labels.
func checkRelation(q queryer, r *annotate.Relation) error {
	var t *annotate.RelationType
	types, err := relationTypes(q)
	if err != nil {
		return err
	}
	for _, x := range types {
		if x.ID == r.TypeID {
			t = x
		}
	}
	if t == nil {
		return annotate.Errorf(annotate.ENOTFOUND, "no relation type with id %s", r.TypeID)
	}
	var labels [2]string
	for i, id := range []string{r.From, r.To} {
		var doc string
		err := q.QueryRow(`SELECT s.document_id, l.name FROM spans s JOIN labels l ON l.id = s.label_id WHERE s.id = ?`, id).Scan(&doc, &labels[i])
		if errors.Is(err, sql.ErrNoRows) {
			return annotate.Errorf(annotate.ENOTFOUND, "no span with id %s", id)
		}
		if err != nil {
			return err
		}
		if doc != r.DocumentID {
			return annotate.Errorf(annotate.EINVALID, "span %s is not in document %s: a relation links spans of one document", id, r.DocumentID)
		}
	}
	return t.CheckLabels(labels[0], labels[1])
}

const insertRelationSQL = `INSERT INTO relations(id, document_id, type_id, from_span, to_span, annotator, note, attrs, created_at, updated_at)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

func insertRelation(q queryer, r *annotate.Relation) error {
	_, err := q.Exec(insertRelationSQL, r.ID, r.DocumentID, r.TypeID, r.From, r.To, r.Annotator, r.Note, records.EncodeAttrs(r.Attributes),
		fmtTime(r.CreatedAt), fmtTime(r.UpdatedAt))
	if isUnique(err) {
		return annotate.Errorf(annotate.ECONFLICT, "relation id %s is taken", r.ID)
	}
	return err
}

// DeleteRelation removes a relation, as one undoable edit (delete-relation).
func (s *Store) DeleteRelation(id string) error {
	return s.write(func(tx *sql.Tx) error {
		rs, err := queryRelations(tx, `id = ?`, id)
		if err != nil {
			return err
		}
		if len(rs) == 0 {
			return annotate.Errorf(annotate.ENOTFOUND, "no relation with id %s", id)
		}
		removed, err := deleteRelationCapturing(tx, rs[0])
		if err != nil {
			return err
		}
		return logRelation(tx, s.annotator, annotate.ActionDeleteRelation, rs[0], nil, removed)
	})
}

// DeleteSpanWithRelations removes a span; the relations and events on it
// go with it (and notes, normalisations and equivalence memberships of
// what went). The edit log's delete-span keeps the span and its relations,
// so that one Undo brings both back. It returns how many relations went.
func (s *Store) DeleteSpanWithRelations(id string) (relations int, err error) {
	err = s.write(func(tx *sql.Tx) error {
		old, err := getSpan(tx, id)
		if err != nil {
			return err
		}
		rs, err := queryRelations(tx, `from_span = ?1 OR to_span = ?1`, id)
		if err != nil {
			return err
		}
		relations = len(rs)
		removed, err := captureRemoved(tx, []string{old.DocumentID}, func() error {
			if _, err := tx.Exec(`DELETE FROM spans WHERE id = ?`, id); err != nil {
				return err
			}
			return dropOrphans(tx, old.DocumentID)
		})
		if err != nil {
			return err
		}
		return logEvent(tx, s.annotator, annotate.ActionDeleteSpan, old.DocumentID, old.ID, encodeSpanRecord(old, rs, removed), "")
	})
	return relations, err
}

func encodeSpanRecord(sp *annotate.Span, rs []*annotate.Relation, removed []removedRow) string {
	return records.EncodeSpanRecord(sp, rs, removed)
}

// logRelation records a relation edit; removed are the structure rows a
// delete took with the relation, kept in its before.
func logRelation(tx *sql.Tx, annotator, action string, before, after *annotate.Relation, removed []removedRow) error {
	ref := after
	if ref == nil {
		ref = before
	}
	// What migration 002's trigger does for span edits.
	if _, err := tx.Exec(`UPDATE events SET undone = ? WHERE undone = ? AND annotator = ?`, undoneForGood, undone, annotator); err != nil {
		return err
	}
	return logEvent(tx, annotator, action, ref.DocumentID, ref.From, records.EncodeRelation(before, removed), records.EncodeRelation(after, nil))
}

// isRelationRecord reports whether an events before or after holds a relation.
func isRelationRecord(s string) bool { return records.IsRelationRecord(s) }
