package store

import (
	"bufio"
	"bytes"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"gloss/annotate"
)

func init() { roles["backup-crash"] = backupCrashChild }

// gateBackup makes backups copy one page per step and stop before their
// second step until the returned release is called; reached is closed
// when the first backup gets there (part of the file copied).
func gateBackup(t *testing.T) (reached <-chan struct{}, release func()) {
	t.Helper()
	r, g := make(chan struct{}), make(chan struct{})
	var once, rel sync.Once
	backupStepPages = 1
	backupStepHook = func(copied int) {
		if copied > 0 {
			once.Do(func() { close(r); <-g })
		}
	}
	release = func() { rel.Do(func() { close(g) }) }
	t.Cleanup(func() {
		release()
		backupStepPages, backupStepHook = 1024, nil
	})
	return r, release
}

// projectToBackUp makes a project with documents and spans whose next
// Open makes a backup; it returns its path, the number of spans and the
// content token.
func projectToBackUp(t *testing.T) (string, int, []byte) {
	t.Helper()
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	path := filepath.Join(t.TempDir(), "p.gloss")
	s := openAs(t, path, "ann")
	defer s.Close()
	s.AddLabel(&annotate.Label{Name: "claim"})
	claim := label(t, s, "claim")
	for i := 0; i < 20; i++ {
		d := addDoc(t, s, fmt.Sprintf("doc %d", i), strings.Repeat(fmt.Sprintf("text of document %d. ", i), 200))
		if err := s.AddSpan(annotate.NewSpan(d.ID, 0, 4, claim)); err != nil {
			t.Fatal(err)
		}
	}
	tok, err := contentToken(s.db)
	if err != nil {
		t.Fatal(err)
	}
	return path, 20, tok
}

// openReturns opens path, failing if Open does not return (because it
// waits for a gated backup).
func openReturns(t *testing.T, path string) *Store {
	t.Helper()
	type res struct {
		s   *Store
		err error
	}
	c := make(chan res, 1)
	go func() { s, err := Open(path, Options{Annotator: "ann"}); c <- res{s, err} }()
	select {
	case r := <-c:
		if r.err != nil {
			t.Fatal(r.err)
		}
		return r.s
	case <-time.After(30 * time.Second):
		t.Fatal("Open waits for the backup to be written")
		return nil
	}
}

// parts lists the part files in the project's backups folder.
func parts(path string) []string {
	p, _ := filepath.Glob(filepath.Join(backupDirs(path)[0], ".*-backup-*.partial"))
	return p
}

// checkBackupFile checks that the backup at path is sound, stands alone
// (rollback journal, not WAL), and holds spans spans and the content token tok.
func checkBackupFile(t *testing.T, path string, spans int, tok []byte) {
	t.Helper()
	db, err := sql.Open(driverName, "file:"+escapePath(path)+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var res string
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&res); err != nil || res != "ok" {
		t.Fatalf("integrity_check of the backup: %q, %v", res, err)
	}
	raw, _ := os.ReadFile(path)
	if len(raw) < 100 || raw[18] != 1 || raw[19] != 1 {
		t.Errorf("backup header says WAL (bytes 18-19 %v); want a file that stands alone", raw[18:20])
	}
	if n := spanCount(t, path); n != spans {
		t.Errorf("backup has %d spans, want %d (the project as opened)", n, spans)
	}
	if got, err := fileContentToken(path); err != nil || !bytes.Equal(got, tok) {
		t.Errorf("backup content token %x (%v), want %x", got, err, tok)
	}
}

// TestBackupIsTheStateOpened: Open returns while its backup is being
// copied; the session's writes meanwhile (spans, documents, a delete, a
// status, a checkpoint) are not in the backup, which is a sound copy of the
// project as it was opened; no half-written backup is ever listed, and a
// running backup's part file is not taken for an abandoned one.
func TestBackupIsTheStateOpened(t *testing.T) {
	path, spans, tok := projectToBackUp(t)
	reached, release := gateBackup(t)
	s := openReturns(t, path)
	defer s.Close()
	select {
	case <-s.OpenBackupDone():
		t.Fatal("the backup finished though it was held")
	case <-reached:
	}
	if list, err := Backups(path); err != nil || len(list) != 0 {
		t.Fatalf("Backups lists %+v (%v) while the backup is being written", list, err)
	}
	if p := parts(path); len(p) != 1 {
		t.Fatalf("part files %v while the backup is written, want one", p)
	}
	removeStaleParts(backupDirs(path)[0], "p")
	if p := parts(path); len(p) != 1 {
		t.Fatal("a running backup's part file was removed as abandoned")
	}

	claim := label(t, s, "claim")
	docs, _ := s.Documents()
	for i := 0; i < 50; i++ {
		d := addDoc(t, s, fmt.Sprintf("new %d", i), strings.Repeat("written while the backup runs. ", 100))
		if err := s.AddSpan(annotate.NewSpan(d.ID, 0, 7, claim)); err != nil {
			t.Fatal(err)
		}
	}
	old, _ := s.Spans(docs[0].ID)
	if err := s.DeleteSpan(old[0].ID); err != nil {
		t.Fatal(err)
	}
	if err := s.SetStatus(docs[1].ID, annotate.StatusDone); err != nil {
		t.Fatal(err)
	}
	s.db.Exec(`PRAGMA wal_checkpoint(PASSIVE)`)
	release()

	b, err := s.OpenBackup()
	if err != nil || b.Path == "" {
		t.Fatalf("backup %+v, %v", b, err)
	}
	checkBackupFile(t, b.Path, spans, tok)
	if st, _ := s.Stats(); st.Spans != spans+50-1 {
		t.Errorf("the project has %d spans, want %d", st.Spans, spans+49)
	}
	if p := parts(path); len(p) != 0 {
		t.Errorf("part files left: %v", p)
	}
	if list, _ := Backups(path); len(list) != 1 || list[0].Path != b.Path {
		t.Errorf("Backups = %+v, want the one backup", list)
	}
}

// TestCloseWaitsForBackup: Close does not return while the backup Open
// started is being written, and leaves it whole.
func TestCloseWaitsForBackup(t *testing.T) {
	path, spans, tok := projectToBackUp(t)
	reached, release := gateBackup(t)
	s := openReturns(t, path)
	<-reached
	closed := make(chan error, 1)
	go func() { closed <- s.Close() }()
	select {
	case <-closed:
		t.Fatal("Close returned while the backup was being written")
	case <-time.After(300 * time.Millisecond):
	}
	release()
	if err := <-closed; err != nil {
		t.Fatal(err)
	}
	list, err := Backups(path)
	if err != nil || len(list) != 1 {
		t.Fatalf("Backups = %+v, %v; want one", list, err)
	}
	checkBackupFile(t, list[0].Path, spans, tok)
}

// backupCrashChild opens the project at args[0] and is killed while its
// backup is half written.
func backupCrashChild(args []string) error {
	backupStepPages = 1
	backupStepHook = func(copied int) {
		if copied == 2 {
			fmt.Println("copying")
			select {}
		}
	}
	_, err := Open(args[0], Options{Annotator: "ann"})
	if err != nil {
		return err
	}
	select {}
}

// TestBackupCrashLeavesOnlyAPart: a process killed while writing its
// backup leaves a part file that Backups does not list and the next Open
// removes (making the backup again).
func TestBackupCrashLeavesOnlyAPart(t *testing.T) {
	path, spans, tok := projectToBackUp(t)
	cmd := helperCmd(t, "backup-crash", path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(out).ReadString('\n')
	cmd.Process.Kill()
	cmd.Wait()
	if line != "copying\n" {
		t.Fatalf("child said %q", line)
	}
	if p := parts(path); len(p) != 1 {
		t.Fatalf("part files after the crash: %v, want one", p)
	}
	if list, err := Backups(path); err != nil || len(list) != 0 {
		t.Fatalf("Backups lists %+v (%v) after a crash mid-backup", list, err)
	}
	s := openAs(t, path, "ann")
	b, err := s.OpenBackup()
	s.Close()
	if err != nil || b.Path == "" {
		t.Fatalf("backup %+v, %v", b, err)
	}
	if p := parts(path); len(p) != 0 {
		t.Errorf("the abandoned part was not removed: %v", p)
	}
	checkBackupFile(t, b.Path, spans, tok)
}
