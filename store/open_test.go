package store

import (
	"bytes"
	"crypto/rand"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gloss/annotate"
)

func TestOpenRefusesForeignFiles(t *testing.T) {
	dir := t.TempDir()
	otherDB := filepath.Join(dir, "other.db")
	db, err := sql.Open("sqlite3", otherDB)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE notes(x TEXT); INSERT INTO notes VALUES ('keep me')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	random := make([]byte, 4096)
	rand.Read(random)
	files := map[string][]byte{
		"text.gloss":   []byte("just some notes\n"),
		"empty.gloss":  {},
		"random.gloss": random,
		"fake.gloss":   append([]byte("SQLite format 3\x00"), make([]byte, 200)...),
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	paths := []string{otherDB, dir}
	for name := range files {
		paths = append(paths, filepath.Join(dir, name))
	}
	for _, p := range paths {
		t.Run(filepath.Base(p), func(t *testing.T) {
			before := snapshot(t, p)
			s, err := Open(p, Options{})
			if err == nil {
				s.Close()
				t.Fatalf("Open(%s) succeeded, want refusal", p)
			}
			if annotate.ErrorCode(err) != annotate.EINVALID || !strings.Contains(err.Error(), p) {
				t.Errorf("error %q should be EINVALID and name the file", err)
			}
			if after := snapshot(t, p); !bytes.Equal(before, after) {
				t.Errorf("%s was modified", p)
			}
			for _, suffix := range []string{"-wal", "-shm", "-journal"} {
				if _, err := os.Stat(p + suffix); err == nil {
					t.Errorf("%s%s was created", p, suffix)
				}
			}
		})
	}
}

// snapshot returns a file's bytes, or a folder's listing.
func snapshot(t *testing.T, p string) []byte {
	t.Helper()
	info, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if info.IsDir() {
		entries, _ := os.ReadDir(p)
		var b bytes.Buffer
		for _, e := range entries {
			b.WriteString(e.Name() + "\n")
		}
		return b.Bytes()
	}
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestOpenMarksAndMigrates(t *testing.T) {
	p := filepath.Join(t.TempDir(), "new.gloss")
	s, err := Open(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var appID, version int
	s.DB().QueryRow(`PRAGMA application_id`).Scan(&appID)
	s.DB().QueryRow(`SELECT max(version) FROM gloss_migrations`).Scan(&version)
	var mode string
	s.DB().QueryRow(`PRAGMA journal_mode`).Scan(&mode)
	var fk int
	s.DB().QueryRow(`PRAGMA foreign_keys`).Scan(&fk)
	s.Close()
	if appID != ApplicationID {
		t.Errorf("application_id = %#x, want %#x", appID, ApplicationID)
	}
	if version != SchemaVersion() {
		t.Errorf("migrations recorded up to %d, want %d", version, SchemaVersion())
	}
	if mode != "wal" || fk != 1 {
		t.Errorf("journal_mode %q foreign_keys %d, want wal and 1", mode, fk)
	}
	// reopening applies nothing new and keeps the data
	s, err = Open(p, Options{})
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	s.Close()
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	p := filepath.Join(t.TempDir(), "future.gloss")
	s, err := Open(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.DB().Exec(`INSERT INTO gloss_migrations VALUES (999, '999_future.sql', 'x'); PRAGMA user_version = 999`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before := snapshot(t, p)
	_, err = Open(p, Options{})
	if annotate.ErrorCode(err) != annotate.ECONFLICT || !strings.Contains(err.Error(), "newer Gloss") {
		t.Fatalf("err = %v, want a newer-schema conflict", err)
	}
	if !bytes.Equal(before, snapshot(t, p)) {
		t.Error("file changed")
	}
}

func TestOpenNoCreate(t *testing.T) {
	p := filepath.Join(t.TempDir(), "missing.gloss")
	if _, err := Open(p, Options{NoCreate: true}); annotate.ErrorCode(err) != annotate.ENOTFOUND {
		t.Fatalf("err = %v, want ENOTFOUND", err)
	}
	if _, err := os.Stat(p); err == nil {
		t.Fatal("file was created")
	}
}

func TestOpenReadOnlyFile(t *testing.T) {
	if os.Geteuid() == 0 {
		// root ignores file permissions; use the option instead.
		t.Log("running as root: testing the ReadOnly option")
	}
	p := filepath.Join(t.TempDir(), "ro.gloss")
	s, err := Open(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := annotate.NewDocument("a", "alpha", "")
	if err := s.AddDocuments([]*annotate.Document{d}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	os.Chmod(p, 0o444)
	ro, err := Open(p, Options{ReadOnly: os.Geteuid() == 0})
	if err != nil {
		t.Fatalf("open read-only: %v", err)
	}
	defer ro.Close()
	if !ro.ReadOnly() {
		t.Fatal("ReadOnly() = false")
	}
	docs, err := ro.Documents()
	if err != nil || len(docs) != 1 {
		t.Fatalf("Documents() = %v, %v", docs, err)
	}
	err = ro.AddDocuments([]*annotate.Document{annotate.NewDocument("b", "beta", "")})
	if err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Fatalf("write to read-only project: %v", err)
	}
}
