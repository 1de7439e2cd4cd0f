package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math/bits"

	"gloss/annotate"
	"gloss/annotate/unitext"
)

// AddDocuments stores new documents in one transaction: all or none.
func (s *Store) AddDocuments(docs []*annotate.Document) error {
	return s.write(func(tx *sql.Tx) error {
		if err := deferIndex(tx, len(docs), batchTextBytes(docs)); err != nil { // see indexbuild.go
			return err
		}
		stmt, err := tx.Prepare(insertDocumentSQL)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for _, d := range docs {
			if _, err := insertDocument(stmt, d); err != nil {
				return err
			}
			if err := seedStatus(tx, d, s.annotator); err != nil {
				return err
			}
		}
		return logEvent(tx, s.annotator, "add-documents", "", "", "", fmt.Sprint(len(docs)))
	})
}

const insertDocumentSQL = `INSERT INTO documents(id, title, text, sha256, source, status, metadata, length, created_at, updated_at)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// insertDocument validates and inserts one document and reports whether a
// row was added (false when the statement ignores an existing ID).
func insertDocument(stmt *sql.Stmt, d *annotate.Document) (bool, error) {
	return insertDocumentLen(stmt, d, unitext.RuneLen(d.Text))
}

// insertDocumentLen is insertDocument for a text of n code points.
func insertDocumentLen(stmt *sql.Stmt, d *annotate.Document, n int) (bool, error) {
	if err := d.Validate(); err != nil {
		return false, err
	}
	md := d.Metadata
	if md == nil {
		md = map[string]any{}
	}
	mdj := []byte("{}")
	if len(md) > 0 {
		var err error
		if mdj, err = json.Marshal(md); err != nil {
			return false, annotate.Errorf(annotate.EINVALID, "document %q: metadata: %v", d.Title, err)
		}
	}
	res, err := stmt.Exec(d.ID, d.Title, d.Text, d.SHA256, d.Source, string(d.Status), string(mdj),
		n, fmtTime(d.CreatedAt), fmtTime(d.UpdatedAt))
	if isUnique(err) {
		return false, annotate.Errorf(annotate.ECONFLICT, "document %q: id %s is already in the project", d.Title, d.ID)
	}
	if err != nil {
		return false, err
	}
	rows, err := res.RowsAffected()
	return rows > 0, err
}

// seedStatus makes a new document's status (other than todo) the status
// of the annotator who added it.
func seedStatus(tx *sql.Tx, d *annotate.Document, annotator string) error {
	if d.Status == annotate.StatusTodo {
		return nil
	}
	return putStatus(tx, d.ID, annotator, d.Status, fmtTime(d.UpdatedAt))
}

// Documents lists every document without its text, in import order, with
// the store's annotator's status.
func (s *Store) Documents() ([]annotate.DocumentInfo, error) {
	rows, err := s.rdb.Query(`SELECT d.id, d.title, coalesce(ds.status, 'todo'), d.source, d.length, d.updated_at,
		coalesce((SELECT spans FROM document_counts WHERE seq = d.seq), 0)
		FROM documents d LEFT JOIN document_status ds ON ds.document_id = d.id AND ds.annotator = ?
		ORDER BY d.seq`, s.annotator)
	if err != nil {
		return nil, fmt.Errorf("list documents: %w", err)
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
// stored (title, status, UTF-8 text, its SHA-256 and length), so that a
// tampered or damaged row is reported by id instead of misleading the
// window or an export.
func scanDocument(row interface{ Scan(...any) error }) (*annotate.Document, error) {
	var r docRow
	if err := row.Scan(r.dest()...); err != nil {
		return nil, err
	}
	return r.document()
}

// docRow is a row of selectDocumentSQL as read, before its checks.
type docRow struct {
	d                            annotate.Document
	status, md, created, updated string
	length                       int
}

// dest is what rows.Scan fills, in selectDocumentSQL's order.
func (r *docRow) dest() []any {
	return []any{&r.d.ID, &r.d.Title, &r.d.Text, &r.d.SHA256, &r.d.Source, &r.status, &r.md, &r.created, &r.updated, &r.length}
}

// document checks the row (see scanDocument) and returns its document.
func (r *docRow) document() (*annotate.Document, error) {
	d := r.d
	d.Status, d.CreatedAt, d.UpdatedAt = annotate.Status(r.status), parseTime(r.created), parseTime(r.updated)
	var err error
	if r.md == "{}" { // what most documents hold: no decoder needed
		d.Metadata = map[string]any{}
	} else if d.Metadata, err = annotate.DecodeMetadata([]byte(r.md)); err != nil { // numbers kept exactly
		return nil, damagedRow("document", d.ID, "its metadata is not JSON: "+err.Error())
	}
	if err := d.Validate(); err != nil {
		return nil, damagedRow("document", d.ID, err.Error())
	}
	if n := validRuneCount(d.Text); n != r.length { // d.Validate checked the UTF-8
		return nil, damagedRow("document", d.ID, fmt.Sprintf("its stored length %d is not its text's %d code points", r.length, n))
	}
	return &d, nil
}

// damagedRow is the error for a row that breaks the project's invariants.
func damagedRow(kind, id, what string) error {
	return annotate.Errorf(annotate.EINVALID, "%s %s in the project is damaged: %s (gloss-cli check lists every problem)", kind, id, what)
}

// Document returns one document with its text and the store's annotator's status.
func (s *Store) Document(id string) (*annotate.Document, error) {
	d, err := scanDocument(s.rdb.QueryRow(selectDocumentSQL+` WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, annotate.Errorf(annotate.ENOTFOUND, "no document with id %s", id)
	}
	return s.withStatus(d, err)
}

// withStatus gives a document read from the table the store's annotator's status.
func (s *Store) withStatus(d *annotate.Document, err error) (*annotate.Document, error) {
	if err != nil {
		return nil, err
	}
	if d.Status, err = statusOf(s.rdb, d.ID, s.annotator); err != nil {
		return nil, err
	}
	if d.Categories, err = documentCategories(s.rdb, d.ID); err != nil {
		return nil, err
	}
	return d, nil
}

// FindDocument returns the document with this ID, or else the first one
// with this title, with the store's annotator's status.
func (s *Store) FindDocument(titleOrID string) (*annotate.Document, error) {
	d, err := scanDocument(s.rdb.QueryRow(selectDocumentSQL+` WHERE id = ?1 OR title = ?1 ORDER BY id = ?1 DESC, seq LIMIT 1`, titleOrID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, annotate.Errorf(annotate.ENOTFOUND, "no document titled or with id %q", titleOrID)
	}
	return s.withStatus(d, err)
}

// DeleteDocument removes a document and its spans.
func (s *Store) DeleteDocument(id string) error {
	return s.write(func(tx *sql.Tx) error {
		res, err := tx.Exec(`DELETE FROM documents WHERE id = ?`, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return annotate.Errorf(annotate.ENOTFOUND, "no document with id %s", id)
		}
		return logEvent(tx, s.annotator, "delete-document", id, "", "", "")
	})
}

// documentLength returns a document's length in code points, counted
// from its text (a stored length that disagrees is refused, so that a
// tampered length column cannot let a span reach past the text).
func documentLength(q queryer, id string) (int, error) {
	var n, chars int
	err := q.QueryRow(`SELECT length, length(text) FROM documents WHERE id = ?`, id).Scan(&n, &chars)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, annotate.Errorf(annotate.ENOTFOUND, "no document with id %s", id)
	}
	if err == nil && n != chars {
		return 0, damagedRow("document", id, fmt.Sprintf("its stored length %d is not its text's %d code points", n, chars))
	}
	return n, err
}

// lengthKey is a document as far as its length check is concerned.
type lengthKey struct{ id, sha string }

// readLength is documentLength for reads: a document whose stored length
// was found to agree with its text once in this Store is not counted again
// while its id, hash and stored length stay the same. (Text is never
// changed in place: the hash changes with it in any project Gloss wrote.)
func (s *Store) readLength(q queryer, id string) (int, error) {
	var n int
	var sha string
	err := q.QueryRow(`SELECT length, sha256 FROM documents WHERE id = ?`, id).Scan(&n, &sha)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, annotate.Errorf(annotate.ENOTFOUND, "no document with id %s", id)
	}
	if err != nil {
		return 0, err
	}
	key := lengthKey{id, sha}
	if v, ok := s.lengths.Load(key); ok && v.(int) == n {
		return n, nil
	}
	if n, err = documentLength(q, id); err != nil {
		return 0, err
	}
	s.lengths.Store(key, n)
	return n, nil
}

// validRuneCount returns the code points of s, which must be valid UTF-8:
// its bytes that are not continuation bytes (10xxxxxx), counted eight at
// a time (several times faster than utf8.RuneCountInString on text with
// scattered non-ASCII letters, where its ASCII fast path gives up).
func validRuneCount(s string) int {
	const hi, six = 0x8080808080808080, 0x4040404040404040
	cont := 0
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		cont += bits.OnesCount64(x & hi &^ ((x & six) << 1))
	}
	for ; i < len(s); i++ {
		if s[i]&0xC0 == 0x80 {
			cont++
		}
	}
	return len(s) - cont
}
