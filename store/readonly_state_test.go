package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"gloss/annotate"
)

// TestReadOnlyOpenLeavesUsableState: SQLite creates the -shm with the
// project's mode, so opening a 0444 project read-only leaves a 0444 -shm.
// Once the project is writable again, the next normal open makes that
// -shm writable and saves (without the repair every write failed for any
// user but root).
func TestReadOnlyOpenLeavesUsableState(t *testing.T) {
	p := filepath.Join(t.TempDir(), "p.gloss")
	s, err := Open(p, Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	d := addDoc(t, s, "doc", "some text")
	s.Close()
	os.Chmod(p, 0o444)
	ro, err := Open(p, Options{ReadOnly: true, NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ro.Documents(); err != nil {
		t.Fatal(err)
	}
	ro.Close()
	info, err := os.Stat(p + "-shm")
	if err != nil || info.Mode().Perm() != 0o444 {
		t.Fatalf("after the read-only open: -shm %v, %v; this test expects SQLite's 0444 -shm", info, err)
	}
	os.Chmod(p, 0o644)
	s, err = Open(p, Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if info, err := os.Stat(p + "-shm"); err == nil && info.Mode().Perm()&0o200 == 0 {
		t.Errorf("-shm left %v beside a writable project", info.Mode().Perm())
	}
	if err := s.SetStatus(d.ID, annotate.StatusDone); err != nil {
		t.Fatalf("write after a read-only open: %v", err)
	}
}

// TestDamagedProjectWithWalLeftAsItWas: a damaged project whose last
// session crashed (its -wal still beside it, no -shm) is refused, and the
// message that it was not changed is true: the file and its -wal are byte
// for byte as they were and no -shm was made. (Checking it through a
// writable connection checkpointed the -wal into the file on close and
// removed both.)
func TestDamagedProjectWithWalLeftAsItWas(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "src.gloss")
	soundProject(t, src)
	s, err := Open(src, Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	addDoc(t, s, "pending", "an edit still in the -wal")
	crashed := filepath.Join(t.TempDir(), "p.gloss")
	wal, err := os.ReadFile(src + "-wal")
	if err != nil || len(wal) == 0 {
		t.Fatalf("-wal: %d bytes, %v", len(wal), err)
	}
	os.WriteFile(crashed+"-wal", wal, 0o644)
	s.Close()
	os.WriteFile(crashed, corruptPages(t, src), 0o644)

	_, err = Open(crashed, Options{})
	if !errors.Is(err, ErrDamaged) {
		t.Fatalf("err = %v; want ErrDamaged", err)
	}
	if !bytes.Equal(snapshot(t, crashed), corruptPages(t, src)) {
		t.Error("the project file changed")
	}
	if !bytes.Equal(snapshot(t, crashed+"-wal"), wal) {
		t.Error("its -wal changed")
	}
	if _, err := os.Stat(crashed + "-shm"); err == nil {
		t.Error("an -shm was made")
	}
}
