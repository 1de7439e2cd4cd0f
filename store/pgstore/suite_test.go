package pgstore

import (
	"context"
	"testing"

	"gloss/annotate"
	"gloss/internal/pgtest"
	"gloss/internal/projecttest"
)

// TestProjectSuite holds the server store to the behaviour of the SQLite
// store: the shared suite, each case on a fresh database.
func TestProjectSuite(t *testing.T) {
	projecttest.Run(t, projecttest.Target{New: func(t *testing.T) func(*testing.T, string) annotate.Project {
		url := pgtest.NewDatabase(t)
		s, err := Init(context.Background(), url, Options{Annotator: "init"})
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		return func(t *testing.T, annotator string) annotate.Project {
			s, err := Open(context.Background(), url, Options{Annotator: annotator})
			if err != nil {
				t.Fatal(err)
			}
			return s
		}
	}})
}
