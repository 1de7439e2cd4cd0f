package store

import (
	"bytes"
	"database/sql"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"gloss/annotate"
)

// pauseFingerprint holds the background comparison before it computes
// the pinned state's fingerprint, until release is called; reached is
// closed when it gets there.
func pauseFingerprint(t *testing.T) (reached <-chan struct{}, release func()) {
	t.Helper()
	r, g := make(chan struct{}), make(chan struct{})
	var once, rel sync.Once
	fingerprintHook = func() { once.Do(func() { close(r); <-g }) }
	release = func() { rel.Do(func() { close(g) }) }
	t.Cleanup(func() { release(); fingerprintHook = nil })
	return r, release
}

// backedUpProject makes a project with two documents and its backup (the
// newest holds its content and token); it returns the path and the
// second document's ID.
func backedUpProject(t *testing.T) (string, string) {
	t.Helper()
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	path := filepath.Join(t.TempDir(), "p.gloss")
	s := openAs(t, path, "ann")
	addDoc(t, s, "first", "alpha beta gamma")
	d := addDoc(t, s, "second", "delta epsilon")
	s.Close()
	s = openAs(t, path, "ann")
	b, err := s.OpenBackup()
	s.Close()
	if b.Path == "" || err != nil {
		t.Fatalf("no first backup: %v", err)
	}
	return path, d.ID
}

// tokenDiffers checks that the project's content token is not its newest
// backup's, so that Open cannot decide by the tokens.
func tokenDiffers(t *testing.T, path string) {
	t.Helper()
	list, err := Backups(path)
	if err != nil || len(list) == 0 {
		t.Fatalf("backups %v, %v", list, err)
	}
	cur, err1 := fileContentToken(path)
	old, err2 := fileContentToken(list[0].Path)
	if err1 != nil || err2 != nil || bytes.Equal(cur, old) {
		t.Fatalf("tokens %x (%v) and %x (%v): want two different ones", cur, err1, old, err2)
	}
}

// awaitReached waits for the paused comparison to get to its fingerprint.
func awaitReached(t *testing.T, reached <-chan struct{}) {
	t.Helper()
	select {
	case <-reached:
	case <-time.After(30 * time.Second):
		t.Fatal("the background comparison never computed the fingerprint")
	}
}

// TestOpenReturnsBeforeFingerprint: when the content token differs from
// the newest backup's (a label added and deleted: the token changed, the
// content did not), Open returns before any content fingerprint is
// computed; the comparison runs in the background, of the state Open
// pinned: a document the session adds meanwhile does not make the
// content differ, so no backup is made, as when Open compared before
// returning.
func TestOpenReturnsBeforeFingerprint(t *testing.T) {
	path, _ := backedUpProject(t)
	s := openAs(t, path, "ann")
	if err := s.AddLabel(&annotate.Label{Name: "passing"}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteLabel(label(t, s, "passing"), ""); err != nil {
		t.Fatal(err)
	}
	s.Close()
	tokenDiffers(t, path)

	reached, release := pauseFingerprint(t)
	before := fingerprints.Load()
	s = openReturns(t, path)
	defer s.Close()
	if n := fingerprints.Load() - before; n != 0 {
		t.Fatalf("Open computed %d content fingerprints before it returned", n)
	}
	s.backupNow()
	awaitReached(t, reached)
	select {
	case <-s.OpenBackupDone():
		t.Fatal("the backup decision finished while its fingerprint was held")
	default:
	}
	if n := fingerprints.Load() - before; n != 0 {
		t.Fatalf("%d fingerprints computed before the paused one", n)
	}
	addDoc(t, s, "written after open", "not in the pinned state")
	release()

	b, err := s.OpenBackup()
	if b.Path != "" || err != nil {
		t.Fatalf("a backup %q (%v) of the content the newest backup holds", b.Path, err)
	}
	if n := fingerprints.Load() - before; n != 2 {
		t.Errorf("%d fingerprints computed, want 2 (the pinned state and the backup)", n)
	}
	if list, _ := Backups(path); len(list) != 1 {
		t.Errorf("%d backups, want the first only", len(list))
	}
}

// TestBackupComparesPinnedState: a project changed since its newest
// backup (a document added) is backed up as it was opened, even when the
// session undoes the change (deletes the document) before the background
// comparison runs: the comparison and the copy are of the pinned state.
func TestBackupComparesPinnedState(t *testing.T) {
	path, _ := backedUpProject(t)
	s := openAs(t, path, "ann")
	extra := addDoc(t, s, "extra", "added since the backup")
	s.Close()
	tokenDiffers(t, path)

	reached, release := pauseFingerprint(t)
	s = openReturns(t, path)
	defer s.Close()
	s.backupNow()
	awaitReached(t, reached)
	if err := s.DeleteDocument(extra.ID); err != nil {
		t.Fatal(err)
	}
	release()

	b, err := s.OpenBackup()
	if b.Path == "" || err != nil {
		t.Fatalf("no backup of the changed project: %v", err)
	}
	if n := docCount(t, b.Path); n != 3 {
		t.Errorf("the backup has %d documents, want 3 (the project as opened)", n)
	}
	if list, _ := Backups(path); len(list) != 2 {
		t.Errorf("%d backups, want 2", len(list))
	}
}

// TestBackupBaselineDecidesOnOpen: decideOnOpen (the benchmarks'
// baseline) compares before Open returns, with the same outcome.
func TestBackupBaselineDecidesOnOpen(t *testing.T) {
	path, _ := backedUpProject(t)
	s := openAs(t, path, "ann")
	addDoc(t, s, "extra", "added since the backup")
	s.Close()
	decideOnOpen = true
	defer func() { decideOnOpen = false }()
	before := fingerprints.Load()
	s = openAs(t, path, "ann")
	if n := fingerprints.Load() - before; n != 2 {
		t.Errorf("Open computed %d fingerprints, want 2", n)
	}
	b, err := s.OpenBackup()
	s.Close()
	if b.Path == "" || err != nil || docCount(t, b.Path) != 3 {
		t.Fatalf("backup %q: %v", b.Path, err)
	}
	if n := fingerprints.Load() - before; n != 2 {
		t.Errorf("%d fingerprints in all, want 2", n)
	}
}

// docCount counts the documents of the closed project or backup at path.
func docCount(t *testing.T, path string) int {
	t.Helper()
	db, err := sql.Open(driverName, "file:"+escapePath(path)+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM documents`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
