package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBackupAndRestoreCommands(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	dir := t.TempDir()
	p := filepath.Join(dir, "p.gloss")
	mustGC(t, "init", "--sample", p)
	doc := "Russia China coordination"
	mustGC(t, "span", "add", "--doc", doc, "--start", "0", "--end", "6", "--label", "actor", p)

	dest := filepath.Join(dir, "copy.gloss")
	if out := mustGC(t, "backup", p, dest); !strings.Contains(out, "backed up") {
		t.Errorf("backup said %q", out)
	}
	if _, errs, code := gc(t, "backup", p, dest); code != 1 || !strings.Contains(errs, "already exists") {
		t.Errorf("backup over an existing file: exit %d, %q", code, errs)
	}
	folder := filepath.Join(dir, "safe")
	os.Mkdir(folder, 0o755)
	mustGC(t, "backup", p, folder)
	if m, _ := filepath.Glob(filepath.Join(folder, "p-*.gloss")); len(m) != 1 {
		t.Errorf("backup into a folder made %v", m)
	}

	mustGC(t, "span", "add", "--doc", doc, "--start", "7", "--end", "12", "--label", "claim", p)
	// import backs the project up before it changes it; other commands do not
	article := filepath.Join(dir, "article.txt")
	os.WriteFile(article, []byte("an article"), 0o644)
	mustGC(t, "import", p, article)
	mustGC(t, "import", p, article)
	list := mustGC(t, "backup", "--list", p)
	if n := strings.Count(list, "\n"); n < 2 || !strings.Contains(list, filepath.Join(dir, ".p.backups")) {
		t.Errorf("backup --list:\n%s", list)
	}
	if _, _, code := gc(t, "backup", "--list", p, dest); code != 2 {
		t.Errorf("backup --list with two arguments: exit %d", code)
	}

	if out := mustGC(t, "restore", p, dest); !strings.Contains(out, "restored") {
		t.Errorf("restore said %q", out)
	}
	if spans := mustGC(t, "span", "list", p); strings.Count(spans, "\n") != 1 {
		t.Errorf("after restore:\n%s", spans)
	}
	notes := filepath.Join(dir, "notes.txt")
	os.WriteFile(notes, []byte("notes"), 0o644)
	if _, errs, code := gc(t, "restore", p, notes); code != 1 || !strings.Contains(errs, "not a Gloss project") {
		t.Errorf("restore from a text file: exit %d, %q", code, errs)
	}
	for _, cmd := range []string{"backup", "restore", "history", "undo", "redo"} {
		if out, _, code := gc(t, cmd, "--help"); code != 0 || !strings.Contains(out, "Usage: gloss-cli "+cmd) {
			t.Errorf("%s --help: exit %d, %q", cmd, code, out)
		}
	}
}

// TestDamagedProjectSaysRestore: a damaged project is refused with one line
// that says so and how to restore, and restoring a listed backup repairs it.
func TestDamagedProjectSaysRestore(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	dir := t.TempDir()
	p := filepath.Join(dir, "p.gloss")
	mustGC(t, "init", "--sample", p)
	mustGC(t, "span", "add", "--doc", "Russia China coordination", "--start", "0", "--end", "6", "--label", "actor", p)
	article := filepath.Join(dir, "article.txt")
	os.WriteFile(article, []byte("an article"), 0o644)
	mustGC(t, "import", p, article) // import backs the project up first
	b, _ := os.ReadFile(p)
	os.WriteFile(p, b[:len(b)/2], 0o644)
	_, errs, code := gc(t, "stats", p)
	if code != 1 || !strings.Contains(errs, "is damaged") || !strings.Contains(errs, "gloss-cli restore") || strings.Count(errs, "\n") != 1 {
		t.Fatalf("stats on a damaged project: exit %d, %q", code, errs)
	}
	list := mustGC(t, "backup", "--list", p)
	newest, _, _ := strings.Cut(list, "\t")
	mustGC(t, "restore", p, newest)
	if out := mustGC(t, "stats", p); !strings.Contains(out, "documents\t1") {
		t.Errorf("after restore: %s", out)
	}
}
