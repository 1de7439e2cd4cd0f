package store_test

import (
	"path/filepath"
	"testing"

	"gloss/annotate"
	"gloss/internal/projecttest"
	"gloss/store"
)

// TestProjectSuite holds the SQLite store to the behavioural suite that
// every Gloss project store must pass (see internal/projecttest): each case
// gets a fresh project file in a temp dir, opened once per annotator.
func TestProjectSuite(t *testing.T) {
	projecttest.Run(t, projecttest.Target{
		New: func(t *testing.T) func(*testing.T, string) annotate.Project {
			path := filepath.Join(t.TempDir(), "suite.gloss")
			return func(t *testing.T, annotator string) annotate.Project {
				t.Helper()
				s, err := store.Open(path, store.Options{Annotator: annotator, NoBackup: true})
				if err != nil {
					t.Fatalf("open %s as %s: %v", path, annotator, err)
				}
				return s
			}
		},
	})
}
