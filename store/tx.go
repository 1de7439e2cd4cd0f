package store

import (
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"

	"gloss/annotate"
)

// now is the store's clock, as stored text.
func now() string { return time.Now().UTC().Format(time.RFC3339Nano) }

func parseTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}

func fmtTime(t time.Time) string {
	if t.IsZero() {
		return now()
	}
	return t.UTC().Format(time.RFC3339Nano)
}

// write runs fn in one write transaction, retrying when another process
// holds the file longer than the busy timeout, so "database is locked" does
// not reach the user.
func (s *Store) write(fn func(tx *sql.Tx) error) error {
	return s.retryWrite(func() error {
		tx, err := s.db.Begin()
		if err != nil {
			return err
		}
		return commitAfter(tx, fn)
	})
}

// retryWrite runs try (one write transaction) on a writable project,
// again while another process holds the file.
func (s *Store) retryWrite(try func() error) error {
	if s.readOnly {
		return annotate.Errorf(annotate.EINVALID, "%s is open read-only: changes cannot be saved", s.path)
	}
	var err error
	for attempt := 0; attempt < 5; attempt++ {
		err = try()
		if !isBusy(err) {
			return storageErr(s.path, err)
		}
		time.Sleep(time.Duration(50*(attempt+1)) * time.Millisecond)
	}
	return storageErr(s.path, err)
}

// commitAfter runs fn in tx and commits it, or rolls it back when fn fails.
func commitAfter(tx *sql.Tx, fn func(tx *sql.Tx) error) error {
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

func isBusy(err error) bool {
	var se sqlite3.Error
	if errors.As(err, &se) {
		return se.Code == sqlite3.ErrBusy || se.Code == sqlite3.ErrLocked
	}
	return err != nil && strings.Contains(err.Error(), "database is locked")
}

func isUnique(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && se.ExtendedCode == sqlite3.ErrConstraintUnique
}

// read runs fn in one read transaction on the reader pool, so that what fn
// reads is one consistent state of the file.
func (s *Store) read(fn func(tx *sql.Tx) error) error {
	tx, err := s.rdb.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return fn(tx)
}

// queryer is what helpers need from a transaction or a pool.
type queryer interface {
	Exec(query string, args ...any) (sql.Result, error)
	Query(query string, args ...any) (*sql.Rows, error)
	QueryRow(query string, args ...any) *sql.Row
}
