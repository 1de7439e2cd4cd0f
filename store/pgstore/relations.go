package pgstore

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"gloss/annotate"
	"gloss/store/records"
)

const selectRelationSQL = `SELECT id, document_id, type_id, from_span, to_span, annotator, note, attrs, created_at, updated_at FROM relations`

func queryRelations(ctx context.Context, q conn, where string, args ...any) ([]*annotate.Relation, error) {
	rows, err := q.Query(ctx, selectRelationSQL+` WHERE `+where+` ORDER BY seq`, args...)
	if err != nil {
		return nil, fmt.Errorf("list relations: %w", err)
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (*annotate.Relation, error) {
		var r annotate.Relation
		var attrs, created, updated string
		if err := row.Scan(&r.ID, &r.DocumentID, &r.TypeID, &r.From, &r.To, &r.Annotator, &r.Note, &attrs, &created, &updated); err != nil {
			return nil, err
		}
		r.CreatedAt, r.UpdatedAt = parseTime(created), parseTime(updated)
		var err error
		r.Attributes, err = decodeAttrs(attrs)
		return &r, err
	})
}

// Relations lists a document's relations in the order they were made.
func (s *Store) Relations(docID string) ([]*annotate.Relation, error) {
	var out []*annotate.Relation
	err := s.read(func(ctx context.Context, tx pgx.Tx) (err error) {
		out, err = queryRelations(ctx, tx, `document_id = $1`, docID)
		return err
	})
	return out, err
}

// AddRelation stores a relation between two spans of one document, as
// one undoable edit (add-relation). Both spans must be in the relation's
// document, and the type must allow their labels. Missing ID, times and
// annotator are filled in. On a server both spans must be in a layer the
// member writes.
func (s *Store) AddRelation(r *annotate.Relation) error {
	r.FillIn(s.annotator, parseTime(now()))
	if err := r.Validate(); err != nil {
		return err
	}
	return s.write(func(ctx context.Context, tx pgx.Tx) error {
		if err := checkRelation(ctx, tx, r); err != nil {
			return err
		}
		if err := insertRelation(ctx, tx, r); err != nil {
			return err
		}
		return s.logRelation(ctx, tx, annotate.ActionAddRelation, nil, r, nil)
	})
}

// checkRelation checks that the relation's spans are in its document and
// that its type exists and allows their labels.
func checkRelation(ctx context.Context, tx pgx.Tx, r *annotate.Relation) error {
	types, err := relationTypes(ctx, tx)
	if err != nil {
		return err
	}
	var t *annotate.RelationType
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
		err := tx.QueryRow(ctx, `SELECT s.document_id, l.name FROM spans s JOIN labels l ON l.id = s.label_id WHERE s.id = $1`, id).Scan(&doc, &labels[i])
		if errors.Is(err, pgx.ErrNoRows) {
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

func insertRelation(ctx context.Context, tx pgx.Tx, r *annotate.Relation) error {
	_, err := tx.Exec(ctx, `INSERT INTO relations(id, document_id, type_id, from_span, to_span, annotator, note, attrs, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, r.ID, r.DocumentID, r.TypeID, r.From, r.To, r.Annotator, r.Note,
		records.EncodeAttrs(r.Attributes), fmtTime(r.CreatedAt), fmtTime(r.UpdatedAt))
	switch {
	case isUnique(err):
		return annotate.Errorf(annotate.ECONFLICT, "relation id %s is taken", r.ID)
	case isForeignKey(err):
		return annotate.Errorf(annotate.ENOTFOUND, "relation %s: its document, type or spans are no longer in the project", r.ID)
	}
	return err
}

// DeleteRelation removes a relation, with the notes and normalisations on
// it, as one undoable edit (delete-relation).
func (s *Store) DeleteRelation(id string) error {
	return s.write(func(ctx context.Context, tx pgx.Tx) error {
		rs, err := queryRelations(ctx, tx, `id = $1`, id)
		if err != nil {
			return err
		}
		if len(rs) == 0 {
			return annotate.Errorf(annotate.ENOTFOUND, "no relation with id %s", id)
		}
		removed, err := deleteRelationCapturing(ctx, tx, rs[0])
		if err != nil {
			return err
		}
		return s.logRelation(ctx, tx, annotate.ActionDeleteRelation, rs[0], nil, removed)
	})
}

// deleteRelationCapturing removes a relation and what is on it, and
// returns the structure rows that went with it.
func deleteRelationCapturing(ctx context.Context, tx pgx.Tx, r *annotate.Relation) ([]records.RemovedRow, error) {
	return captureRemoved(ctx, tx, []string{r.DocumentID}, func() error {
		if err := dropDependents(ctx, tx, []string{r.ID}, nil); err != nil {
			return err
		}
		tag, err := tx.Exec(ctx, `DELETE FROM relations WHERE id = $1`, r.ID)
		if err == nil && tag.RowsAffected() != 1 {
			return annotate.Errorf(annotate.ENOTFOUND, "no relation with id %s", r.ID)
		}
		return err
	})
}

// DeleteSpanWithRelations removes a span; the relations and events on it
// go with it (and notes, normalisations and equivalence memberships of
// what went). The edit log's delete-span keeps the span and what went, so
// that one Undo brings all back. It returns how many relations went.
func (s *Store) DeleteSpanWithRelations(id string) (relations int, err error) {
	err = s.write(func(ctx context.Context, tx pgx.Tx) error {
		old, err := getSpan(ctx, tx, id)
		if err != nil {
			return err
		}
		rs, removed, err := deleteSpansCapturing(ctx, tx, []*annotate.Span{old}, func() error {
			_, err := tx.Exec(ctx, `DELETE FROM spans WHERE id = $1`, id)
			return err
		})
		if err != nil {
			return err
		}
		relations = len(rs)
		if err := s.clearRedo(ctx, tx); err != nil {
			return err
		}
		return s.logEvent(ctx, tx, annotate.ActionDeleteSpan, old.DocumentID, old.ID, records.EncodeSpanRecord(old, rs, removed), "")
	})
	return relations, err
}

// deleteSpansCapturing runs del, which removes spans, after removing what
// is on them, and returns the relations and other structure that went.
func deleteSpansCapturing(ctx context.Context, tx pgx.Tx, spans []*annotate.Span, del func() error) ([]*annotate.Relation, []records.RemovedRow, error) {
	ids := make([]string, len(spans))
	docs := map[string]bool{}
	var docIDs []string
	for i, sp := range spans {
		ids[i] = sp.ID
		if !docs[sp.DocumentID] {
			docs[sp.DocumentID] = true
			docIDs = append(docIDs, sp.DocumentID)
		}
	}
	rs, err := queryRelations(ctx, tx, `from_span = ANY($1) OR to_span = ANY($1)`, ids)
	if err != nil {
		return nil, nil, err
	}
	removed, err := captureRemoved(ctx, tx, docIDs, func() error {
		if err := dropDependents(ctx, tx, nil, ids); err != nil {
			return err
		}
		return del()
	})
	return rs, removed, err
}

// logRelation records a relation edit (and clears this annotator's redo);
// removed are the structure rows a delete took with the relation.
func (s *Store) logRelation(ctx context.Context, tx pgx.Tx, action string, before, after *annotate.Relation, removed []records.RemovedRow) error {
	ref := after
	if ref == nil {
		ref = before
	}
	if err := s.clearRedo(ctx, tx); err != nil {
		return err
	}
	return s.logEvent(ctx, tx, action, ref.DocumentID, ref.From, records.EncodeRelation(before, removed), records.EncodeRelation(after, nil))
}
