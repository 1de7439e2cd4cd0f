package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gloss/annotate"
	"gloss/annotate/formats"
	"gloss/store"
)

// hostileTitles are document titles that, used as file names, would
// escape the export folder or be refused by some file system.
var hostileTitles = []string{
	"../../escaped", "../sibling", "..", ".", "/etc/passwd", `..\..\windows`, "C:\\evil", "a/b/c",
	"CON", "nul.txt", "tab\there", "line\nbreak", " spaced ", "trailing dot.", "🤝 emoji",
	"quote\"s 'and' <angle> |pipe| ?star*", strings.Repeat("long", 100), "same", "SAME", "\u202eexe.txt",
}

// TestExportNeverLeavesFolder: a one-file-per-document export (brat) of
// documents with hostile titles writes every document inside the chosen
// folder and nothing anywhere else, whether called through
// annotate.ExportFile or gloss-cli export.
func TestExportNeverLeavesFolder(t *testing.T) {
	f, err := formats.Lookup("brat")
	if err != nil || f.WriteDir == nil {
		t.Fatal("the brat format has no folder export")
	}
	root := t.TempDir()
	p := filepath.Join(root, "work", "p.gloss")
	os.MkdirAll(filepath.Dir(p), 0o755)
	s, err := store.Open(p, store.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	s.AddLabel(&annotate.Label{Name: "claim"})
	var docs []*annotate.Document
	for i, title := range hostileTitles {
		docs = append(docs, annotate.NewDocument(title, "text of document "+string(rune('A'+i)), ""))
	}
	if err := s.AddDocuments(docs); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(root, "work", "export", "here")
	before := filesUnder(root)
	rep, err := formats.ExportFile(context.Background(), f, s, out)
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	if rep.Documents != len(docs) {
		t.Errorf("report: %d documents, want %d", rep.Documents, len(docs))
	}
	checkExportFolder(t, before, filesUnder(root), out, docs)

	out2 := filepath.Join(root, "work", "export2")
	before = filesUnder(root)
	if _, errs, code := gc(t, "export", "--format", "brat", "-o", out2, p); code != 0 {
		t.Fatalf("gloss-cli export: %s", errs)
	}
	checkExportFolder(t, before, filesUnder(root), out2, docs)
}

// filesUnder lists every file (not folder) under root.
func filesUnder(root string) map[string]bool {
	files := map[string]bool{}
	filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files[path] = true
		}
		return nil
	})
	return files
}

// checkExportFolder fails on any file that appeared outside out or in a
// subfolder of it, and checks that each document's text is in exactly one
// .txt file in out.
func checkExportFolder(t *testing.T, before, after map[string]bool, out string, docs []*annotate.Document) {
	t.Helper()
	texts := map[string]int{}
	for path := range after {
		rel, err := filepath.Rel(out, path)
		if before[path] || filepath.Base(filepath.Dir(path)) == ".p.backups" { // the project's own backup, made on opening
			continue
		}
		if err != nil || strings.HasPrefix(rel, "..") {
			t.Errorf("export wrote outside its folder: %s", path)
			continue
		}
		if strings.Contains(rel, string(filepath.Separator)) {
			t.Errorf("export made a subfolder: %s", rel)
		}
		if strings.HasSuffix(path, ".txt") {
			b, _ := os.ReadFile(path)
			texts[string(b)]++
		}
	}
	for _, d := range docs {
		if texts[d.Text] != 1 {
			t.Errorf("document %q: its text is in %d files", d.Title, texts[d.Text])
		}
	}
}
