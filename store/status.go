package store

import (
	"database/sql"
	"errors"
	"fmt"

	"gloss/annotate"
)

var _ annotate.Team = (*Store)(nil)

// SetStatus moves a document to another status for the store's annotator
// (Options.Annotator). Each annotator has their own status of each
// document; documents.status keeps the status most recently set by anyone.
func (s *Store) SetStatus(id string, st annotate.Status) error {
	if !st.Valid() {
		return annotate.Errorf(annotate.EINVALID, "unknown status %q (want todo, in-progress or done)", st)
	}
	return s.write(func(tx *sql.Tx) error {
		at := now()
		res, err := tx.Exec(`UPDATE documents SET status = ?, updated_at = ? WHERE id = ?`, string(st), at, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return annotate.Errorf(annotate.ENOTFOUND, "no document with id %s", id)
		}
		if err := putStatus(tx, id, s.annotator, st, at); err != nil {
			return err
		}
		return logEvent(tx, s.annotator, "set-status", id, "", "", string(st))
	})
}

// putStatus sets one annotator's status of a document.
func putStatus(q queryer, docID, annotator string, st annotate.Status, at string) error {
	_, err := q.Exec(`INSERT INTO document_status(document_id, annotator, status, updated_at) VALUES (?, ?, ?, ?)
		ON CONFLICT(document_id, annotator) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at`,
		docID, annotator, string(st), at)
	return err
}

// StatusOf returns one annotator's status of a document: todo when they
// never set one.
func (s *Store) StatusOf(docID, annotator string) (annotate.Status, error) {
	if _, err := documentLength(s.rdb, docID); err != nil {
		return "", err
	}
	return statusOf(s.rdb, docID, annotator)
}

func statusOf(q queryer, docID, annotator string) (annotate.Status, error) {
	var st string
	err := q.QueryRow(`SELECT status FROM document_status WHERE document_id = ? AND annotator = ?`, docID, annotator).Scan(&st)
	if errors.Is(err, sql.ErrNoRows) {
		return annotate.StatusTodo, nil
	}
	return annotate.Status(st), err
}

// Statuses returns every status set on a document, by annotator. An
// annotator who never set one is absent (their status is todo). The
// annotator "" holds a status from before Gloss had annotators that no
// annotator could be found for (see docs/teams.md).
func (s *Store) Statuses(docID string) (map[string]annotate.Status, error) {
	if _, err := documentLength(s.rdb, docID); err != nil {
		return nil, err
	}
	rows, err := s.rdb.Query(`SELECT annotator, status FROM document_status WHERE document_id = ?`, docID)
	if err != nil {
		return nil, fmt.Errorf("statuses: %w", err)
	}
	defer rows.Close()
	out := map[string]annotate.Status{}
	for rows.Next() {
		var a, st string
		if err := rows.Scan(&a, &st); err != nil {
			return nil, err
		}
		out[a] = annotate.Status(st)
	}
	return out, rows.Err()
}

// annotatorStatuses maps document ID to one annotator's status (todo
// documents may be absent).
func annotatorStatuses(q queryer, annotator string) (map[string]annotate.Status, error) {
	rows, err := q.Query(`SELECT document_id, status FROM document_status WHERE annotator = ?`, annotator)
	if err != nil {
		return nil, fmt.Errorf("statuses: %w", err)
	}
	defer rows.Close()
	out := map[string]annotate.Status{}
	for rows.Next() {
		var id, st string
		if err := rows.Scan(&id, &st); err != nil {
			return nil, err
		}
		out[id] = annotate.Status(st)
	}
	return out, rows.Err()
}
