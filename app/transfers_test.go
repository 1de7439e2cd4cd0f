package app_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gloss/annotate"
)

func TestDropImportsFiles(t *testing.T) {
	g, s := newGloss(t)
	dir := t.TempDir()
	files := map[string]string{
		"Zürich notes.txt":   "Grüezi.\r\nThe council met.",
		"sub/field notes.md": "# Notes\n\nMore text.",
		"sub/skip.dat":       "a,b",
	}
	for name, text := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	g.Drop(filepath.Join(dir, "Zürich notes.txt"), filepath.Join(dir, "sub"))
	docs, err := s.Documents()
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, d := range docs {
		titles = append(titles, d.Title)
	}
	if len(docs) != 3 {
		t.Fatalf("documents after the drop: %q", titles)
	}
	if len(g.DocMatches()) != 3 {
		t.Errorf("the documents panel lists %d", len(g.DocMatches()))
	}
	if g.Document().ID != docs[1].ID {
		t.Errorf("shows %q, want the first imported document", g.Document().Title)
	}
	d, _ := s.Document(docs[1].ID)
	if d.Text != files["Zürich notes.txt"] {
		t.Errorf("text changed on import: %q", d.Text)
	}
	if counts, state := g.StatusText(); !strings.HasPrefix(counts, "3 documents") || !strings.Contains(state, "Imported 2 documents") {
		t.Errorf("status %q / %q", counts, state)
	}
	if d.Status != annotate.StatusTodo {
		t.Errorf("imported status %q", d.Status)
	}
}
