package store

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gloss/annotate"
)

// FuzzOpen opens mutated project files: Open and every read (and an undo)
// must return, without a panic, either results or an error of one line.
// The seeds are a small sound project, made afresh, and damaged copies of it.
func FuzzOpen(f *testing.F) {
	p := filepath.Join(f.TempDir(), "seed.gloss")
	s, err := Open(p, Options{Annotator: "fuzz"})
	if err != nil {
		f.Fatal(err)
	}
	s.AddLabel(&annotate.Label{Name: "claim"})
	d := annotate.NewDocument("doc", "Moscow and Beijing 🤝 met.", "")
	s.AddDocuments([]*annotate.Document{d})
	claim, _ := s.LabelByName("claim")
	sp := annotate.NewSpan(d.ID, 0, 6, claim.ID)
	s.AddSpan(sp)
	sp.Note = "edited"
	s.UpdateSpan(sp)
	s.Close()
	good, err := os.ReadFile(p)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add(good[:100])
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(t.TempDir(), "f.gloss")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		s, err := Open(p, Options{NoBackup: true, Annotator: "fuzz"})
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("error of several lines: %q", err)
			}
			return
		}
		defer s.Close()
		s.Documents()
		s.Labels()
		s.Stats()
		s.History(0)
		s.EachDocument(func(*annotate.Document, []*annotate.Span) error { return nil })
		s.Undo()
		s.Redo()
	})
}
