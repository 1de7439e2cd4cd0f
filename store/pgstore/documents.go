package pgstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"

	"gloss/annotate"
)

// AddDocuments stores new documents in one transaction: all or none. A
// document whose ID is already in the project is an ECONFLICT error.
func (s *Store) AddDocuments(docs []*annotate.Document) error {
	return s.write(func(ctx context.Context, tx pgx.Tx) error {
		for _, d := range docs {
			if err := s.insertDocument(ctx, tx, d); err != nil {
				return err
			}
		}
		return s.logEvent(ctx, tx, annotate.ActionAddDocuments, "", "", "", fmt.Sprint(len(docs)))
	})
}

// insertDocument validates and inserts one document; a status other than
// todo becomes the store's annotator's status of it.
func (s *Store) insertDocument(ctx context.Context, tx pgx.Tx, d *annotate.Document) error {
	if err := d.Validate(); err != nil {
		return err
	}
	mdj := []byte("{}")
	if len(d.Metadata) > 0 {
		var err error
		if mdj, err = json.Marshal(d.Metadata); err != nil {
			return annotate.Errorf(annotate.EINVALID, "document %q: metadata: %v", d.Title, err)
		}
	}
	_, err := tx.Exec(ctx, `INSERT INTO documents(id, title, text, sha256, source, status, metadata, length, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, d.ID, d.Title, d.Text, d.SHA256, d.Source, string(d.Status), string(mdj),
		utf8.RuneCountInString(d.Text), fmtTime(d.CreatedAt), fmtTime(d.UpdatedAt))
	if isUnique(err) {
		return annotate.Errorf(annotate.ECONFLICT, "document %q: id %s is already in the project", d.Title, d.ID)
	}
	if err != nil || d.Status == annotate.StatusTodo {
		return err
	}
	return putStatus(ctx, tx, d.ID, s.annotator, d.Status, fmtTime(d.UpdatedAt))
}

// Documents lists every document without its text, in import order, with
// the store's annotator's status and each one's span count (all annotators).
func (s *Store) Documents() ([]annotate.DocumentInfo, error) {
	ctx := context.Background()
	rows, err := s.pool.Query(ctx, `SELECT d.id, d.title, coalesce(ds.status, 'todo'), d.source, d.length, d.updated_at,
		(SELECT count(*) FROM spans s WHERE s.document_id = d.id)
		FROM documents d LEFT JOIN document_status ds ON ds.document_id = d.id AND ds.annotator = $1
		ORDER BY d.seq`, s.annotator)
	if err != nil {
		return nil, dbErr(s.url, fmt.Errorf("list documents: %w", err))
	}
	defer rows.Close()
	var out []annotate.DocumentInfo
	for rows.Next() {
		var d annotate.DocumentInfo
		var status, updated string
		if err := rows.Scan(&d.ID, &d.Title, &status, &d.Source, &d.Length, &updated, &d.SpanCount); err != nil {
			return nil, err
		}
		d.Status, d.UpdatedAt = annotate.Status(status), parseTime(updated)
		out = append(out, d)
	}
	return out, rows.Err()
}

const selectDocumentSQL = `SELECT id, title, text, sha256, source, status, metadata, created_at, updated_at, length FROM documents`

// scanDocument reads a document and checks it as it was checked when
// stored, so that a damaged row is reported by id.
func scanDocument(row pgx.Row) (*annotate.Document, error) {
	var d annotate.Document
	var status, md, created, updated string
	var length int
	if err := row.Scan(&d.ID, &d.Title, &d.Text, &d.SHA256, &d.Source, &status, &md, &created, &updated, &length); err != nil {
		return nil, err
	}
	d.Status, d.CreatedAt, d.UpdatedAt = annotate.Status(status), parseTime(created), parseTime(updated)
	var err error
	if d.Metadata, err = annotate.DecodeMetadata([]byte(md)); err != nil {
		return nil, damagedRow("document", d.ID, "its metadata is not JSON: "+err.Error())
	}
	if err := d.Validate(); err != nil {
		return nil, damagedRow("document", d.ID, err.Error())
	}
	if n := utf8.RuneCountInString(d.Text); n != length {
		return nil, damagedRow("document", d.ID, fmt.Sprintf("its stored length %d is not its text's %d code points", length, n))
	}
	return &d, nil
}

// damagedRow is the error for a row that breaks the project's invariants.
func damagedRow(kind, id, what string) error {
	return annotate.Errorf(annotate.EINVALID, "%s %s in the project is damaged: %s", kind, id, what)
}

// Document returns one document with its text and the store's annotator's status.
func (s *Store) Document(id string) (*annotate.Document, error) {
	return s.findDocument(selectDocumentSQL+` WHERE id = $1`, id, "no document with id %s")
}

// FindDocument returns the document with this ID, or else the first one
// (in import order) with this title, with the store's annotator's status.
func (s *Store) FindDocument(titleOrID string) (*annotate.Document, error) {
	return s.findDocument(selectDocumentSQL+` WHERE id = $1 OR title = $1 ORDER BY id = $1 DESC, seq LIMIT 1`, titleOrID,
		"no document titled or with id %q")
}

func (s *Store) findDocument(query, arg, missing string) (*annotate.Document, error) {
	var d *annotate.Document
	err := s.read(func(ctx context.Context, tx pgx.Tx) error {
		var err error
		if d, err = scanDocument(tx.QueryRow(ctx, query, arg)); errors.Is(err, pgx.ErrNoRows) {
			return annotate.Errorf(annotate.ENOTFOUND, missing, arg)
		} else if err != nil {
			return err
		}
		if d.Status, err = statusOf(ctx, tx, d.ID, s.annotator); err != nil {
			return err
		}
		d.Categories, err = documentCategories(ctx, tx, d.ID)
		return err
	})
	if err != nil {
		return nil, err
	}
	return d, nil
}

// DeleteDocument removes a document with its spans and statuses.
func (s *Store) DeleteDocument(id string) error {
	return s.write(func(ctx context.Context, tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `DELETE FROM documents WHERE id = $1`, id)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return annotate.Errorf(annotate.ENOTFOUND, "no document with id %s", id)
		}
		return s.logEvent(ctx, tx, annotate.ActionDeleteDocument, id, "", "", "")
	})
}

// SetStatus moves a document to another status for the store's annotator;
// each annotator has their own status of each document.
func (s *Store) SetStatus(id string, st annotate.Status) error {
	if !st.Valid() {
		return annotate.Errorf(annotate.EINVALID, "unknown status %q (want todo, in-progress or done)", st)
	}
	return s.writeLatest(func(ctx context.Context, tx pgx.Tx) error {
		at := now()
		// documents.status holds the status most recently set by anyone.
		tag, err := tx.Exec(ctx, `UPDATE documents SET status = $1, updated_at = $2 WHERE id = $3`, string(st), at, id)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return annotate.Errorf(annotate.ENOTFOUND, "no document with id %s", id)
		}
		if err := putStatus(ctx, tx, id, s.annotator, st, at); err != nil {
			return err
		}
		return s.logEvent(ctx, tx, annotate.ActionSetStatus, id, "", "", string(st))
	})
}

func putStatus(ctx context.Context, tx pgx.Tx, docID, annotator string, st annotate.Status, at string) error {
	_, err := tx.Exec(ctx, `INSERT INTO document_status(document_id, annotator, status, updated_at) VALUES ($1, $2, $3, $4)
		ON CONFLICT (document_id, annotator) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at`,
		docID, annotator, string(st), at)
	return err
}

func statusOf(ctx context.Context, q conn, docID, annotator string) (annotate.Status, error) {
	var st string
	err := q.QueryRow(ctx, `SELECT status FROM document_status WHERE document_id = $1 AND annotator = $2`, docID, annotator).Scan(&st)
	if errors.Is(err, pgx.ErrNoRows) {
		return annotate.StatusTodo, nil
	}
	return annotate.Status(st), err
}

// documentLength returns a document's length in code points (stored when
// it was added, and checked against its text whenever the text is read).
func documentLength(ctx context.Context, q conn, id string) (int, error) {
	var n int
	err := q.QueryRow(ctx, `SELECT length FROM documents WHERE id = $1`, id).Scan(&n)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, annotate.Errorf(annotate.ENOTFOUND, "no document with id %s", id)
	}
	return n, err
}
