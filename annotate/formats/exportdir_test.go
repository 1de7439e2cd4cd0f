package formats

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// listDir returns name → content of the regular files in dir (and "/" for
// anything else).
func listDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !e.Type().IsRegular() {
			out[e.Name()] = "/"
			continue
		}
		b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		out[e.Name()] = string(b)
	}
	return out
}

func threeDocs(t *testing.T) *fakeSource {
	src := newFakeSource("claim")
	for _, title := range []string{"alpha", "beta", "gamma"} {
		d := src.doc(title, "text of "+title)
		src.span(t, d, "text", 0, "claim")
	}
	return src
}

// TestBratExportAllOrNothing: a brat export into an existing folder where
// one of the files it writes (the last document's .ann) is a folder
// writes nothing at all and leaves the folder as it was; without the
// clash it replaces its own earlier files and keeps the others.
func TestBratExportAllOrNothing(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	os.MkdirAll(filepath.Join(dir, "gamma.ann"), 0o755) // the clash, after alpha and beta
	os.WriteFile(filepath.Join(dir, "alpha.txt"), []byte("old alpha"), 0o644)
	os.WriteFile(filepath.Join(dir, "notes.md"), []byte("mine"), 0o644)
	before := listDir(t, dir)
	_, err := ExportFile(context.Background(), bratFormat, threeDocs(t), dir)
	if err == nil || !strings.Contains(err.Error(), "gamma.ann") || !strings.Contains(err.Error(), "nothing written") {
		t.Fatalf("export over a clash: %v", err)
	}
	after := listDir(t, dir)
	if len(after) != len(before) {
		t.Errorf("folder after the refused export: %v, before %v", sortedKeys(after), sortedKeys(before))
	}
	for k, v := range before {
		if after[k] != v {
			t.Errorf("%s changed to %q", k, after[k])
		}
	}
	if left := tempsBeside(t, dir); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}

	os.Remove(filepath.Join(dir, "gamma.ann"))
	if _, err := ExportFile(context.Background(), bratFormat, threeDocs(t), dir); err != nil {
		t.Fatal(err)
	}
	after = listDir(t, dir)
	if after["alpha.txt"] != "text of alpha" || after["notes.md"] != "mine" || !strings.HasPrefix(after["gamma.ann"], "T1\tclaim") {
		t.Errorf("after export: %v", after)
	}
}

// TestExportCleansStaleTemps: temporary files and folders of our own
// naming that a killed export left beside the target long enough ago are
// removed by the next export; fresh ones and others' files are kept.
func TestExportCleansStaleTemps(t *testing.T) {
	root := t.TempDir()
	old := time.Now().Add(-time.Hour)
	mk := func(name string, dir bool) string {
		p := filepath.Join(root, name)
		if dir {
			os.Mkdir(p, 0o755)
		} else {
			os.WriteFile(p, []byte("partial"), 0o644)
		}
		return p
	}
	stale := []string{mk(".out.csv.tmp-123456", false), mk(".corpus.tmp-987", true)}
	kept := []string{mk(".out.csv.tmp-999", false), mk(".other.csv.tmp-1", false), mk(".out.csv.tmp-abc", false), mk("out.csv.tmp-2", false)}
	for _, p := range append(append([]string{}, stale...), kept[1:]...) {
		os.Chtimes(p, old, old)
	}
	for _, f := range []*Format{csvFormat, bratFormat} {
		target := filepath.Join(root, "out.csv")
		if f == bratFormat {
			target = filepath.Join(root, "corpus")
		}
		if _, err := ExportFile(context.Background(), f, threeDocs(t), target); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range stale {
		if _, err := os.Lstat(p); err == nil {
			t.Errorf("stale %s kept", filepath.Base(p))
		}
	}
	for _, p := range kept {
		if _, err := os.Lstat(p); err != nil {
			t.Errorf("%s removed: not a stale file of ours", filepath.Base(p))
		}
	}
}

func tempsBeside(t *testing.T, dir string) []string {
	var out []string
	entries, _ := os.ReadDir(filepath.Dir(dir))
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			out = append(out, e.Name())
		}
	}
	return out
}

// TestExportGuardWithoutProjectPath: a source that does not name its
// project (the window's) still cannot write over a SQLite file, its -wal,
// a backups folder, a device or a FIFO.
func TestExportGuardWithoutProjectPath(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.gloss")
	os.WriteFile(db, append([]byte("SQLite format 3\x00"), make([]byte, 100)...), 0o644)
	os.Link(db, filepath.Join(dir, "other-name"))
	os.Mkdir(filepath.Join(dir, ".p.backups"), 0o755)
	for _, target := range []string{db, filepath.Join(dir, "other-name"), db + "-wal", db + "-journal",
		filepath.Join(dir, ".p.backups", "x.csv"), "/dev/null", dir} {
		if _, err := ExportFile(context.Background(), csvFormat, threeDocs(t), target); err == nil || !strings.Contains(err.Error(), "refused") {
			t.Errorf("%s: %v", target, err)
		}
	}
	if b, _ := os.ReadFile(db); !strings.HasPrefix(string(b), "SQLite format 3") {
		t.Error("the database was replaced")
	}
}
