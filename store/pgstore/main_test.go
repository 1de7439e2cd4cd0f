package pgstore

import (
	"context"
	"testing"

	"gloss/annotate"
	"gloss/internal/pgtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

var ctxb = context.Background()

// newProject creates a project in a fresh database and opens it as annotator.
func newProject(t testing.TB, annotator string) (*Store, string) {
	t.Helper()
	url := pgtest.NewDatabase(t)
	s, err := Init(context.Background(), url, Options{Annotator: annotator})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, url
}

// openAs opens the project at url as another annotator.
func openAs(t testing.TB, url, annotator string) *Store {
	t.Helper()
	s, err := Open(context.Background(), url, Options{Annotator: annotator})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// seed adds a label and a document and returns them.
func seed(t testing.TB, s *Store) (*annotate.Label, *annotate.Document) {
	t.Helper()
	l := annotate.NewLabel("claim", "#E69F00", "1", "")
	if err := s.AddLabel(l); err != nil {
		t.Fatal(err)
	}
	d := annotate.NewDocument("Doc", "Héllo wörld, a text of some length to annotate.", "")
	if err := s.AddDocuments([]*annotate.Document{d}); err != nil {
		t.Fatal(err)
	}
	return l, d
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if annotate.ErrorCode(err) != code {
		t.Fatalf("error %v has code %q, want %q", err, annotate.ErrorCode(err), code)
	}
}
