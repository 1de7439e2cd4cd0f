package store

import (
	"path/filepath"
	"testing"
)

// TestFTS5IsCompiledIn: the tests run with the sqlite_fts5 build tag (as
// make does); a build without it would not have a full-text index.
func TestFTS5IsCompiledIn(t *testing.T) {
	if err := requireFTS5(); err != nil {
		t.Fatal(err)
	}
	s, err := Open(filepath.Join(t.TempDir(), "p.gloss"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var n int
	if err := s.rdb.QueryRow(`SELECT count(*) FROM text_index WHERE text_index MATCH '"abc"'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
}
