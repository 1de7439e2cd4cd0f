package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"gloss/annotate/formats"
)

// projectFiles reads the project and every file beside it, by name.
func projectFiles(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			b, _ := os.ReadFile(p)
			out[p] = b
		}
		return nil
	})
	return out
}

// TestExportRefusesHostileTargets: for every format, an export whose -o
// resolves (through "..", "./", symbolic or hard links) to the project,
// its -wal/-shm/-journal, a backup, a device, a FIFO or a folder is
// refused with exit 1 and a message saying why, and the project folder is
// unchanged byte for byte (nor is /dev/null replaced, as root).
func TestExportRefusesHostileTargets(t *testing.T) {
	root := t.TempDir()
	work := filepath.Join(root, "work")
	other := filepath.Join(root, "x")
	os.MkdirAll(work, 0o755)
	os.MkdirAll(other, 0o755)
	p := filepath.Join(work, "p.gloss")
	mustGC(t, "init", p)
	mustGC(t, "labels", "add", p, "thesis")
	txt := filepath.Join(root, "doc.txt")
	os.WriteFile(txt, []byte("A claim here."), 0o644)
	mustGC(t, "import", p, txt)
	mustGC(t, "span", "add", "--doc", "doc", "--start", "2", "--end", "7", "--label", "claim", p)
	os.MkdirAll(filepath.Join(work, ".p.backups"), 0o755)
	mustGC(t, "backup", p, filepath.Join(work, ".p.backups"))
	backups, _ := filepath.Glob(filepath.Join(work, ".p.backups", "*.gloss"))
	if len(backups) == 0 {
		t.Fatal("no backup made")
	}
	os.WriteFile(p+"-wal", nil, 0o644) // a WAL left beside the project
	os.Symlink(p, filepath.Join(other, "link.gloss"))
	os.Symlink(work, filepath.Join(other, "worklink"))
	os.Link(p, filepath.Join(other, "hard.gloss"))
	os.Symlink("/dev/null", filepath.Join(other, "null-link"))
	os.Symlink(filepath.Join(other, "nowhere"), filepath.Join(other, "dangling"))
	fifo := filepath.Join(other, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	os.Mkdir(filepath.Join(other, "folder"), 0o755)
	t.Chdir(other)

	fileTargets := map[string]string{
		"relative ..":       "../work/p.gloss",
		"dot and ..":        "../x/./../work/./p.gloss",
		"absolute":          p,
		"through link dir":  "worklink/p.gloss",
		"link dir and ..":   "worklink/../work/p.gloss",
		"symlink":           "link.gloss",
		"hard link":         "hard.gloss",
		"wal":               p + "-wal",
		"shm":               "../work/p.gloss-shm",
		"journal":           "worklink/p.gloss-journal",
		"backup":            backups[0],
		"new in backups":    filepath.Join(work, ".p.backups", "new.csv"),
		"/dev/null":         "/dev/null",
		"link to /dev/null": "null-link",
		"dangling link":     "dangling",
		"fifo":              "fifo",
		"folder":            "folder",
		"folder with slash": "folder/",
	}
	before := projectFiles(t, work)
	for _, f := range formats.Names() {
		fm, _ := formats.Lookup(f)
		if fm.Write == nil && fm.WriteDir == nil {
			continue
		}
		targets := fileTargets
		if fm.WriteDir != nil {
			targets = map[string]string{
				"project as folder": "../work/p.gloss",
				"backups folder":    "worklink/.p.backups",
				"fifo":              "fifo",
				"device":            "/dev/null",
				"symlink":           "link.gloss",
			}
		}
		for name, target := range targets {
			_, errs, code := gc(t, "export", "--format", f, "-o", target, p)
			if code != 1 || !strings.Contains(errs, "refused") {
				t.Errorf("%s, %s (-o %s): exit %d, %q; want refused", f, name, target, code, errs)
			}
		}
	}
	// SQLite itself removes the -wal and -shm files on close; any left
	// must still be SQLite's (empty or a WAL), not an export.
	after := projectFiles(t, work)
	for path, b := range after {
		if strings.HasSuffix(path, "-wal") || strings.HasSuffix(path, "-shm") {
			if len(b) > 0 && !bytes.HasPrefix(b, []byte{0x37, 0x7f, 0x06}) && strings.HasSuffix(path, "-wal") {
				t.Errorf("%s holds something else than a WAL", path)
			}
			continue
		}
		if !bytes.Equal(before[path], b) {
			t.Errorf("%s is new or changed", path)
		}
	}
	for path := range before {
		if _, ok := after[path]; !ok && !strings.HasSuffix(path, "-wal") {
			t.Errorf("%s is gone", path)
		}
	}
	if info, err := os.Stat("/dev/null"); err != nil || info.Mode()&os.ModeCharDevice == 0 {
		t.Fatalf("/dev/null is no longer a device: %v", err)
	}
	if info, _ := os.Lstat("fifo"); info.Mode()&os.ModeNamedPipe == 0 {
		t.Error("the FIFO was replaced")
	}
	// An ordinary export next to it still works, and one through a link
	// to a regular file replaces the file, not the link.
	os.WriteFile("old.csv", []byte("old"), 0o644)
	os.Symlink("old.csv", "csv-link")
	mustGC(t, "export", "--format", "csv", "-o", "csv-link", p)
	if info, _ := os.Lstat("csv-link"); info.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if b, _ := os.ReadFile("old.csv"); !strings.Contains(string(b), "claim") {
		t.Errorf("export through the link: %q", b)
	}
}
