package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"fmt"
	"hash"
	"sync/atomic"
)

// A content fingerprint tells whether a rolling backup is needed: Open
// makes one only when the project's content differs from its newest
// backup's. The content is what a researcher would miss if it were lost:
// every document (its text by its stored SHA-256), label and span, every
// column. The edit log is left out, so an import or an open that changed
// nothing (but logged that it ran) does not push an older, different
// backup out. SQLite's data_version cannot serve: it is per connection
// and does not survive a close; the file's modification time changes with
// every logged no-op. So the content token (migration 006) comes first: a
// random value that triggers replace with every change of the content,
// copied into a backup with the rest, read in O(1); the fingerprint
// decides only when the tokens differ, and then in the background, of the
// state Open pinned (see startBackup).

// fingerprints counts content fingerprints computed (for the tests: an
// open whose content token matches computes none).
var fingerprints atomic.Int64

// fingerprintQueries read the content in a fixed order.
var fingerprintQueries = []string{
	`SELECT id, title, sha256, source, status, metadata, length, created_at, updated_at FROM documents ORDER BY seq`,
	`SELECT id, name, color, hotkey, description, ord FROM labels ORDER BY id`,
	`SELECT id, document_id, start, "end", label_id, note, annotator, grp, created_at, updated_at FROM spans ORDER BY seq`,
}

// contentFingerprint returns the SHA-256 of the project's content, read in
// one snapshot.
func contentFingerprint(db *sql.DB) ([32]byte, error) {
	tx, err := db.Begin()
	if err != nil {
		fingerprints.Add(1)
		return [32]byte{}, err
	}
	defer tx.Rollback()
	return hashContent(tx)
}

// rowQueryer is what hashContent reads through: a transaction, or the
// connection of a pinned snapshot (already in one).
type rowQueryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// hashContent returns the SHA-256 of the content q sees; q must see one
// state of the file throughout (a transaction).
func hashContent(q rowQueryer) ([32]byte, error) {
	fingerprints.Add(1)
	var sum [32]byte
	h := sha256.New()
	for i, query := range fingerprintQueries {
		fmt.Fprintf(h, "table %d\n", i) // an empty table still counts
		if err := hashRows(h, q, query); err != nil {
			return sum, err
		}
	}
	copy(sum[:], h.Sum(nil))
	return sum, nil
}

// hashRows feeds every value of every row to h, each with its length, so
// that no two different contents give the same stream.
func hashRows(h hash.Hash, q rowQueryer, query string) error {
	rows, err := q.QueryContext(context.Background(), query)
	if err != nil {
		return err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	vals := make([]sql.RawBytes, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	var n [8]byte
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		h.Write([]byte{'r'})
		for _, v := range vals {
			binary.BigEndian.PutUint64(n[:], uint64(len(v)))
			h.Write(n[:])
			h.Write(v)
		}
	}
	return rows.Err()
}

// fileFingerprint returns the content fingerprint of the (closed) project
// or backup file at path, read without changing it.
func fileFingerprint(path string) ([32]byte, error) {
	db, err := sql.Open(driverName, readOnlyDSN(path, statProject(path)))
	if err != nil {
		return [32]byte{}, err
	}
	defer db.Close()
	return contentFingerprint(db)
}

// contentToken returns the project's content token (migration 006).
func contentToken(db *sql.DB) ([]byte, error) {
	var token []byte
	err := db.QueryRow(`SELECT token FROM content_version WHERE id = 1`).Scan(&token)
	if err == nil && len(token) == 0 {
		err = fmt.Errorf("empty content token")
	}
	return token, err
}

// fileContentToken returns the content token of the (closed) project or
// backup file at path, read without changing it; an error for a file
// made before tokens existed.
func fileContentToken(path string) ([]byte, error) {
	db, err := sql.Open(driverName, readOnlyDSN(path, statProject(path)))
	if err != nil {
		return nil, err
	}
	defer db.Close()
	return contentToken(db)
}
