package app_test

import (
	"path/filepath"
	"strings"
	"testing"

	"gloss/assets"
	"gloss/internal/fixture"
)

// TestDropArticleFolder: dropping a folder of articles imports its saved
// web page, Word file and tables with their metadata, and the status bar
// says how many files of each kind it took and what it skipped.
func TestDropArticleFolder(t *testing.T) {
	g, s := newGloss(t)
	dir := fixture.ArticleFolder(t)
	g.Drop(dir)
	docs, err := s.Documents()
	if err != nil {
		t.Fatal(err)
	}
	byExt := map[string][]string{} // source extension → titles
	for _, info := range docs {
		if info.Title == assets.SampleTitle {
			continue
		}
		byExt[filepath.Ext(info.Source)] = append(byExt[filepath.Ext(info.Source)], info.Title)
	}
	want := map[string]int{".html": 1, ".docx": 1, ".csv": 2, ".tsv": 1, ".txt": 1, ".jsonl": 1}
	for ext, n := range want {
		if len(byExt[ext]) != n {
			t.Errorf("%d documents from %s files (%q), want %d", len(byExt[ext]), ext, byExt[ext], n)
		}
	}
	if len(byExt[".png"]) != 0 {
		t.Errorf("imported the image: %q", byExt[".png"])
	}
	meta := map[string][2]string{ // title → author, date
		"Les pêcheurs du lac protestent contre les quotas": {"Élodie Marchand", "2024-05-02"},
		"Rapport annuel":   {"Ana Ruiz", "2023-11-05"},
		"Première dépêche": {"Ana Ruiz", "2024-01-02"},
	}
	for _, info := range docs {
		w, ok := meta[info.Title]
		if !ok {
			continue
		}
		delete(meta, info.Title)
		d, err := s.Document(info.ID)
		if err != nil {
			t.Fatal(err)
		}
		date, _ := d.Metadata["date"].(string)
		if d.Metadata["author"] != w[0] || !strings.HasPrefix(date, w[1]) {
			t.Errorf("%s: metadata %v, want author %q, date %s", info.Title, d.Metadata, w[0], w[1])
		}
	}
	if len(meta) > 0 {
		t.Errorf("not imported: %v", meta)
	}
	_, state := g.StatusText()
	for _, part := range []string{"Imported 7 documents, 0 spans from 6 files (2 csv, 1 docx, 1 html, 1 jsonl, 1 text)",
		"; skipped photo.png (not imported from folders)"} {
		if !strings.Contains(state, part) {
			t.Errorf("status %q does not say %q", state, part)
		}
	}
}

// TestDropAgainShowsNoError: dropping a folder whose first file is already
// in the project shows a document and no error (the first document of the
// batch was merged and has no document of its own).
func TestDropAgainShowsNoError(t *testing.T) {
	g, _ := newGloss(t)
	dir := fixture.ArticleFolder(t)
	g.Drop(filepath.Join(dir, "lines.jsonl"))
	g.Drop(dir)
	if o := g.Overlay(); o != nil {
		t.Errorf("a dialog is shown after the second drop: %T", o)
	}
	if g.Document() == nil {
		t.Error("no document shown")
	}
	if _, state := g.StatusText(); !strings.Contains(state, "1 document already in the project") {
		t.Errorf("status %q", state)
	}
}
