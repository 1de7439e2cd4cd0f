package store

import (
	"path/filepath"
	"testing"

	"gloss/annotate"
)

// newProject opens a fresh project file in a temp dir with three labels.
func newProject(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "p.gloss"), Options{Annotator: "tester"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	for i, name := range []string{"actor", "claim", "prediction"} {
		if err := s.AddLabel(&annotate.Label{Name: name, Hotkey: string(rune('1' + i))}); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// addDoc stores a document with the given text and returns it.
func addDoc(t testing.TB, s *Store, title, text string) *annotate.Document {
	t.Helper()
	d := annotate.NewDocument(title, text, "")
	if err := s.AddDocuments([]*annotate.Document{d}); err != nil {
		t.Fatal(err)
	}
	return d
}

// label returns the ID of the named label.
func label(t testing.TB, s *Store, name string) string {
	t.Helper()
	l, err := s.LabelByName(name)
	if err != nil {
		t.Fatal(err)
	}
	return l.ID
}
