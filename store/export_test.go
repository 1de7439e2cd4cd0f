package store

import (
	"database/sql"
	"testing"
)

// DB exposes the write pool to this package's tests and benchmarks.
func (s *Store) DB() *sql.DB { return s.db }

// rawDB opens a project file with a plain connection, as a tool that
// crafts a file would.
func rawDB(t testing.TB, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	return db
}
