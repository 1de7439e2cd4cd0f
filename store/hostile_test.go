package store

import (
	"bytes"
	"database/sql"
	"errors"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"gloss/annotate"
)

// Broken project files. Foreign files, empty files and folders are in
// open_test.go (TestOpenRefusesForeignFiles); this file covers Gloss
// projects that were damaged after they were written.

const pageSize = 4096

// soundProject writes a closed project with a few hundred kilobytes of
// documents, labels and spans, and returns its bytes.
func soundProject(t *testing.T, path string) []byte {
	t.Helper()
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.AddLabel(&annotate.Label{Name: "claim"})
	if _, err := s.Import(textBatch("doc", 60, 3000)); err != nil {
		t.Fatal(err)
	}
	docs, _ := s.Documents()
	claim, _ := s.LabelByName("claim")
	for i, d := range docs {
		s.AddSpan(annotate.NewSpan(d.ID, i%20, i%20+5, claim.ID))
	}
	s.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// corruptPages returns the file's bytes with the start of every page in
// its middle third overwritten, as a bad sector or a stray write would.
func corruptPages(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	pages := len(b) / pageSize
	for p := pages / 3; p < 2*pages/3 || p == pages/3; p++ {
		for i := 0; i < 16 && p*pageSize+i < len(b); i++ {
			b[p*pageSize+i] = 0xFF
		}
	}
	return b
}

// TestOpenDamagedProjects: truncated and overwritten projects are refused
// at Open with an error that matches ErrDamaged, names the file and says
// to restore a backup; the file is left byte for byte as it was and no
// journal files are left beside it.
func TestOpenDamagedProjects(t *testing.T) {
	dir := t.TempDir()
	good := soundProject(t, filepath.Join(dir, "good.gloss"))
	rnd := rand.New(rand.NewSource(5))
	flipped := append([]byte(nil), good...)
	for i := 0; i < 64; i++ {
		flipped[len(good)/2+rnd.Intn(len(good)/4)] ^= byte(1 + rnd.Intn(255))
	}
	zeroed := append([]byte(nil), good...)
	clear(zeroed[len(zeroed)/2:])
	garbage := append([]byte(nil), good[:100]...)
	garbage = append(garbage, make([]byte, len(good)-100)...)
	rnd.Read(garbage[100:])
	cases := map[string][]byte{
		"truncated to half":      good[:len(good)/2],
		"truncated to one page":  good[:pageSize],
		"header only":            good[:100],
		"middle pages corrupted": corruptPages(t, filepath.Join(dir, "good.gloss")),
		"second half zeroed":     zeroed,
		"random bytes in middle": flipped,
		"garbage after header":   garbage,
	}
	for name, content := range cases {
		t.Run(name, func(t *testing.T) {
			sub := t.TempDir()
			p := filepath.Join(sub, "p.gloss")
			os.WriteFile(p, content, 0o644)
			s, err := Open(p, Options{})
			if err == nil {
				// Random flips may miss every structure SQLite checks (they
				// can land in text); then the file must still work.
				defer s.Close()
				if name != "random bytes in middle" {
					t.Fatal("damaged project opened")
				}
				if _, err := s.Documents(); err != nil && !errors.Is(err, ErrDamaged) && !isCorrupt(err) {
					t.Fatalf("query on it: %v", err)
				}
				return
			}
			if !errors.Is(err, ErrDamaged) || annotate.ErrorCode(err) != annotate.EINVALID {
				t.Fatalf("err = %v; want ErrDamaged with code EINVALID", err)
			}
			msg := err.Error()
			if !strings.Contains(msg, p) || !strings.Contains(msg, "Restore a backup") || strings.Contains(msg, "\n") {
				t.Errorf("message %q should name the file, say to restore a backup, and be one line", msg)
			}
			if !bytes.Equal(content, snapshot(t, p)) {
				t.Error("file changed")
			}
			if entries, _ := os.ReadDir(sub); len(entries) != 1 {
				t.Errorf("files left beside it: %v", entries)
			}
		})
	}
}

// TestOpenPendingHeader: a project whose header (with the application ID)
// is still only in its -wal, because the process that created it is
// running or was killed, is recognised; another program's WAL database is
// still refused unchanged.
func TestOpenPendingHeader(t *testing.T) {
	dir := t.TempDir()
	pending := func(name string, appID int) string {
		src := filepath.Join(dir, "src-"+name)
		db, err := sql.Open("sqlite3", "file:"+src+"?_journal_mode=WAL")
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		db.SetMaxOpenConns(1)
		for _, q := range []string{`PRAGMA wal_autocheckpoint = 0`, migrationsTableSQL, `PRAGMA user_version = 0`} {
			if _, err := db.Exec(q); err != nil {
				t.Fatal(err)
			}
		}
		db.Exec(`PRAGMA application_id = ` + strconv.Itoa(appID))
		// copy while the writer still has it open: the header change is only in the -wal
		dst := filepath.Join(dir, name)
		for _, suffix := range []string{"", "-wal", "-shm"} {
			b, err := os.ReadFile(src + suffix)
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(dst+suffix, b, 0o644)
		}
		return dst
	}
	ours := pending("ours.gloss", ApplicationID)
	s, err := Open(ours, Options{})
	if err != nil {
		t.Fatalf("project with its header in the -wal: %v", err)
	}
	s.Close()
	theirs := pending("theirs.db", 0x12345)
	before, walBefore := snapshot(t, theirs), snapshot(t, theirs+"-wal")
	if _, err := Open(theirs, Options{}); annotate.ErrorCode(err) != annotate.EINVALID {
		t.Fatalf("foreign WAL database: %v", err)
	}
	if !bytes.Equal(before, snapshot(t, theirs)) || !bytes.Equal(walBefore, snapshot(t, theirs+"-wal")) {
		t.Error("foreign database changed")
	}
}
