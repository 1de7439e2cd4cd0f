package store

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gloss/annotate"
)

// plantedProject writes a closed project with one document and span, then
// runs each statement on it through a plain connection, as someone
// crafting a file would.
func plantedProject(t *testing.T, path string, stmts ...string) {
	t.Helper()
	s, err := Open(path, Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	d := addDoc(t, s, "doc", "Moscow and Beijing met.")
	s.AddLabel(&annotate.Label{Name: "actor"})
	if err := s.AddSpan(annotate.NewSpan(d.ID, 0, 6, label(t, s, "actor"))); err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// craftedProject writes a project whose migrations were edited by tweak
// (for what writable_schema, refused in defensive mode, would otherwise do).
func craftedProject(t *testing.T, path string, tweak func(string) string) {
	t.Helper()
	ms, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite3", "file:"+path+"?_journal_mode=WAL")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	q := fmt.Sprintf("PRAGMA application_id = %d;", ApplicationID) + migrationsTableSQL + ";"
	for _, m := range ms {
		q += tweak(m.sql) + fmt.Sprintf(";INSERT INTO gloss_migrations VALUES (%d, '%s', 'x');", m.version, m.name)
	}
	q += fmt.Sprintf("PRAGMA user_version = %d", len(ms))
	if _, err := db.Exec(q); err != nil {
		t.Fatal(err)
	}
}

// TestOpenRefusesForeignSchema: a project whose schema has anything the
// migrations do not make (a trigger, a view, a table, an index, an altered
// constraint or trigger) is refused at Open, read-only or not, naming the
// object; the file is left byte for byte and nothing is created beside it.
func TestOpenRefusesForeignSchema(t *testing.T) {
	planted := map[string][]string{
		`trigger "wipe"`:   {`CREATE TRIGGER wipe AFTER INSERT ON spans BEGIN DELETE FROM documents; END`},
		`view "v"`:         {`CREATE VIEW v AS SELECT id FROM documents`},
		`table "extra"`:    {`CREATE TABLE extra(x)`},
		`index "by_title"`: {`CREATE INDEX by_title ON documents(title)`},
		`trigger "events_clear_redo" was altered`:                                               {`DROP TRIGGER events_clear_redo`, `CREATE TRIGGER events_clear_redo AFTER INSERT ON events BEGIN DELETE FROM spans; END`},
		`index "spans_by_label" is missing`:                                                     {`DROP INDEX spans_by_label`},
		fmt.Sprintf("records migrations up to 1 but its schema version is %d", SchemaVersion()): {`DELETE FROM gloss_migrations WHERE version = 2`},
		fmt.Sprintf("records migrations up to 2 but its schema version is %d", SchemaVersion()): {`DELETE FROM gloss_migrations WHERE version = 3`},
	}
	dir := t.TempDir()
	paths := map[string]string{}
	i := 0
	for want, stmts := range planted {
		i++
		p := filepath.Join(dir, fmt.Sprintf("p%d.gloss", i))
		plantedProject(t, p, stmts...)
		paths[want] = p
	}
	check := filepath.Join(dir, "check.gloss")
	craftedProject(t, check, func(q string) string {
		return strings.Replace(q, `CHECK (start >= 0 AND start < "end")`, `CHECK (start >= 0)`, 1)
	})
	paths[`table "spans" was altered`] = check
	for want, p := range paths {
		t.Run(want, func(t *testing.T) {
			for _, ro := range []bool{false, true} {
				before := snapshot(t, p)
				assertAlone(t, p)
				s, err := Open(p, Options{ReadOnly: ro})
				if err == nil {
					s.Close()
					t.Fatalf("read-only %v: opened", ro)
				}
				if !errors.Is(err, ErrDamaged) || annotate.ErrorCode(err) != annotate.EINVALID {
					t.Errorf("err = %v; want ErrDamaged, EINVALID", err)
				}
				if msg := err.Error(); !strings.Contains(msg, want) || !strings.Contains(msg, p) || strings.Contains(msg, "\n") {
					t.Errorf("message %q should name %s and the file, on one line", msg, want)
				}
				if !bytes.Equal(before, snapshot(t, p)) {
					t.Error("file changed")
				}
				assertAlone(t, p)
			}
		})
	}
}

// assertAlone fails when anything but the project is in its folder
// (journal files, a backup folder).
func assertAlone(t *testing.T, p string) {
	t.Helper()
	entries, _ := os.ReadDir(filepath.Dir(p))
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), filepath.Base(p)) && e.Name() != filepath.Base(p) ||
			strings.HasPrefix(e.Name(), "."+backupBase(p)+".") {
			t.Errorf("%s beside the project", e.Name())
		}
	}
}

// TestPlantedTriggerNeverRuns: even the trigger that the issue found
// deleting every document is refused before any edit can fire it.
func TestPlantedTriggerNeverRuns(t *testing.T) {
	p := filepath.Join(t.TempDir(), "p.gloss")
	plantedProject(t, p, `CREATE TRIGGER wipe AFTER INSERT ON events BEGIN DELETE FROM documents; END`)
	if s, err := Open(p, Options{}); err == nil {
		d, _ := s.Documents()
		s.SetStatus(d[0].ID, annotate.StatusDone)
		s.Close()
		t.Fatal("opened")
	}
	db, _ := sql.Open("sqlite3", "file:"+p+"?mode=ro")
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM documents`).Scan(&n); err != nil || n != 1 {
		t.Fatalf("documents %d, %v; want 1", n, err)
	}
}

// TestConnectionsAreDefensive: every connection has SQLite's defensive
// mode (writable_schema cannot be turned on) and an untrusted schema.
func TestConnectionsAreDefensive(t *testing.T) {
	s := newProject(t)
	for _, db := range []*sql.DB{s.db, s.rdb} {
		var ws, ts int
		db.Exec(`PRAGMA writable_schema = ON`)
		if err := db.QueryRow(`PRAGMA writable_schema`).Scan(&ws); err != nil {
			t.Fatal(err)
		}
		if err := db.QueryRow(`PRAGMA trusted_schema`).Scan(&ts); err != nil {
			t.Fatal(err)
		}
		if ws != 0 || ts != 0 {
			t.Errorf("writable_schema %d trusted_schema %d; want 0 and 0", ws, ts)
		}
	}
	if _, err := s.db.Exec(`PRAGMA journal_mode = OFF`); err != nil {
		t.Fatal(err)
	}
	var mode string
	s.db.QueryRow(`PRAGMA journal_mode`).Scan(&mode)
	if mode != "wal" {
		t.Errorf("journal_mode = %q after asking for OFF; defensive mode keeps the journal", mode)
	}
}

// TestRestoreRefusesForeignSchema: a backup with a planted trigger is not
// restored; the project is unchanged.
func TestRestoreRefusesForeignSchema(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.gloss")
	plantedProject(t, bad, `CREATE TRIGGER wipe AFTER INSERT ON events BEGIN DELETE FROM documents; END`)
	p := filepath.Join(dir, "p.gloss")
	plantedProject(t, p)
	before := snapshot(t, p)
	err := Restore(p, bad)
	if err == nil || !strings.Contains(err.Error(), `trigger "wipe"`) {
		t.Fatalf("err = %v; want a refusal naming the trigger", err)
	}
	if !bytes.Equal(before, snapshot(t, p)) {
		t.Error("project changed")
	}
}
