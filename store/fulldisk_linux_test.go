package store

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestFullDiskTmpfs runs the full-disk scenario on a real full disk: a
// 3 MB tmpfs (mounted when the test runs as root and may mount; skipped
// otherwise — TestFullDiskFileSizeLimit covers the same ground anywhere).
func TestFullDiskTmpfs(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("mounting a tmpfs needs root")
	}
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=3m"); err != nil {
		t.Skipf("cannot mount a tmpfs here: %v", err)
	}
	t.Cleanup(func() { syscall.Unmount(dir, syscall.MNT_DETACH) })
	t.Setenv("XDG_DATA_HOME", filepath.Join(dir, "data")) // on the full disk too
	path := filepath.Join(dir, "p.gloss")
	diskProject(t, path)
	// Room for a new empty project (the full-text index's and the structure's
	// tables take room) and the open project's journal files, not for a
	// backup or the import.
	filler := fillDisk(t, dir, 800<<10)

	r := writeOnFullDisk(path, filepath.Join(dir, "new1.gloss"))
	t.Logf("800 KB free: %+v", r)
	oneLineErrors(t, r)
	if r.Open != "" || r.Small != "" {
		t.Fatalf("open %q, small edit %q: want both to work", r.Open, r.Small)
	}
	if !strings.Contains(r.Backup, "could not back up") || !strings.Contains(r.Import, "the disk is full") {
		t.Errorf("backup error %q, import error %q: want clear messages", r.Backup, r.Import)
	}
	integrity(t, path)
	noTempFiles(t, dir)

	os.Remove(filler)
	fillDisk(t, dir, 0)
	before := fileHash(t, path)
	newPath := filepath.Join(dir, "new0.gloss")
	r = writeOnFullDisk(path, newPath)
	t.Logf("0 KB free: %+v", r)
	oneLineErrors(t, r)
	if r.New == "" || (r.Open == "" && r.Small == "" && r.Import == "") {
		t.Errorf("writes on a full disk succeeded: %+v", r)
	}
	if _, err := os.Stat(newPath); err == nil {
		t.Error("a project that could not be created left a file behind")
	}
	if fileHash(t, path) != before {
		t.Error("project changed")
	}
	noTempFiles(t, dir)
}

// fillDisk writes a file in dir until the disk is full, then shrinks it
// to leave about free bytes, and returns its path.
func fillDisk(t *testing.T, dir string, free int64) string {
	t.Helper()
	p := filepath.Join(dir, "filler")
	f, err := os.OpenFile(p, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	chunk := make([]byte, 16<<10)
	var n int64
	for {
		k, err := f.Write(chunk)
		n += int64(k)
		if err != nil {
			break
		}
	}
	if err := f.Truncate(max(0, n-free)); err != nil {
		t.Fatal(err)
	}
	return p
}
