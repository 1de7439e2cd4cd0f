package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gloss/annotate"
)

// spanCount opens a project file read-only and counts its spans.
func spanCount(t *testing.T, path string) int {
	t.Helper()
	s, err := Open(path, Options{ReadOnly: true, NoCreate: true})
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer s.Close()
	st, err := s.Stats()
	if err != nil {
		t.Fatal(err)
	}
	return st.Spans
}

// TestOpenKeepsRollingBackups opens a project eight times, adding a span
// each time: the newest five backups remain, each a sound project holding
// what the file held at that open. An open that finds nothing changed, and
// a new empty project, make none.
func TestOpenKeepsRollingBackups(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.gloss")
	s := openAs(t, path, "ann")
	if b, err := s.OpenBackup(); err != nil || b.Path != "" {
		t.Fatalf("new project backed up: %+v %v", b, err)
	}
	s.AddLabel(&annotate.Label{Name: "claim"})
	d := addDoc(t, s, "doc", strings.Repeat("word ", 100))
	claim := label(t, s, "claim")
	s.Close()
	for i := 0; i < 8; i++ {
		s = openAs(t, path, "ann")
		b, err := s.OpenBackup()
		if err != nil || b.Path == "" {
			t.Fatalf("open %d: backup %+v, %v", i, b, err)
		}
		if want := filepath.Join(filepath.Dir(path), ".notes.backups"); filepath.Dir(b.Path) != want {
			t.Fatalf("backup in %s, want %s", b.Path, want)
		}
		if err := s.AddSpan(annotate.NewSpan(d.ID, i*5, i*5+4, claim)); err != nil {
			t.Fatal(err)
		}
		s.Close()
	}
	list, err := Backups(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != KeepBackups {
		t.Fatalf("%d backups, want %d", len(list), KeepBackups)
	}
	for i, b := range list {
		if want := 7 - i; spanCount(t, b.Path) != want {
			t.Errorf("backup %d (%s) has %d spans, want %d", i, filepath.Base(b.Path), spanCount(t, b.Path), want)
		}
		if !strings.HasPrefix(filepath.Base(b.Path), "notes-") || b.Size == 0 || b.Time.IsZero() {
			t.Errorf("backup %+v", b)
		}
	}
	// unchanged since the last backup: twice opened, one backup more
	s = openAs(t, path, "ann")
	s.Close()
	s = openAs(t, path, "ann")
	if b, err := s.OpenBackup(); err != nil || b.Path != "" {
		t.Errorf("unchanged project backed up again: %+v %v", b, err)
	}
	s.Close()
	if list, _ := Backups(path); spanCount(t, list[0].Path) != 8 || spanCount(t, list[1].Path) != 7 {
		t.Errorf("newest backups hold %d and %d spans, want 8 and 7", spanCount(t, list[0].Path), spanCount(t, list[1].Path))
	}
}

// TestBackupFallsBackToDataFolder: when the folder next to the project
// cannot hold backups, they go to the user's data folder and are listed.
func TestBackupFallsBackToDataFolder(t *testing.T) {
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	dir := t.TempDir()
	path := filepath.Join(dir, "p.gloss")
	s := openAs(t, path, "ann")
	addDoc(t, s, "doc", "text")
	s.Close()
	if err := os.WriteFile(filepath.Join(dir, ".p.backups"), []byte("in the way"), 0o644); err != nil {
		t.Fatal(err)
	}
	s = openAs(t, path, "ann")
	b, err := s.OpenBackup()
	s.Close()
	if err != nil || !strings.HasPrefix(b.Path, filepath.Join(data, "gloss", "backups")+string(filepath.Separator)) {
		t.Fatalf("backup %+v, %v; want it under %s", b, err, data)
	}
	list, err := Backups(path)
	if err != nil || len(list) != 1 || list[0].Path != b.Path {
		t.Fatalf("Backups = %+v, %v", list, err)
	}
}

func TestBackupOnDemand(t *testing.T) {
	s := newProject(t)
	fillProject(t, s)
	dest := filepath.Join(t.TempDir(), "copy.gloss")
	if err := s.Backup(dest); err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(dest); annotate.ErrorCode(err) != annotate.ECONFLICT {
		t.Fatalf("backup over an existing file: %v, want ECONFLICT", err)
	}
	c, err := Open(dest, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if got, want := dump(t, c), dump(t, s); !sameDump(got, want) {
		t.Fatal("backup differs from the project")
	}
	entries, _ := os.ReadDir(filepath.Dir(dest))
	if len(entries) != 1 {
		t.Errorf("backup left extra files: %v", entries)
	}
}

func sameDump(a, b projectDump) bool {
	return len(a.Documents) == len(b.Documents) && len(a.Labels) == len(b.Labels) &&
		strings.Join(spanKeys(a), ",") == strings.Join(spanKeys(b), ",")
}

func spanKeys(d projectDump) []string {
	var keys []string
	for _, doc := range d.Documents {
		for _, sp := range d.Spans[doc.ID] {
			keys = append(keys, sp.ID+sp.LabelID+sp.Note)
		}
	}
	return keys
}

// TestRestore: a backup replaces the project, the replaced state is kept as
// a new backup, and a process that has the project open sees the restored
// content; files that are not sound Gloss projects are refused unchanged.
func TestRestore(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "p.gloss")
	s := openAs(t, path, "ann")
	s.AddLabel(&annotate.Label{Name: "claim"})
	d := addDoc(t, s, "doc", "alpha beta gamma")
	claim := label(t, s, "claim")
	s.AddSpan(annotate.NewSpan(d.ID, 0, 5, claim))
	old := filepath.Join(dir, "old.gloss")
	if err := s.Backup(old); err != nil {
		t.Fatal(err)
	}
	s.AddSpan(annotate.NewSpan(d.ID, 6, 10, claim))
	// another process (here: another Store) keeps the project open
	if err := Restore(path, old); err != nil {
		t.Fatal(err)
	}
	if spans, err := s.Spans(d.ID); err != nil || len(spans) != 1 {
		t.Fatalf("open store after restore: %d spans, %v; want 1", len(spans), err)
	}
	s.Close()
	if n := spanCount(t, path); n != 1 {
		t.Fatalf("restored project has %d spans, want 1", n)
	}
	list, _ := Backups(path)
	if len(list) != 1 || spanCount(t, list[0].Path) != 2 {
		t.Fatalf("the replaced state was not kept: %+v", list)
	}

	t.Run("refuses non-Gloss backups", func(t *testing.T) {
		before := snapshot(t, path)
		notes := filepath.Join(dir, "notes.txt")
		os.WriteFile(notes, []byte("notes"), 0o644)
		for _, bad := range []string{notes, filepath.Join(dir, "missing.gloss"), dir} {
			if err := Restore(path, bad); err == nil {
				t.Errorf("restore from %s succeeded", bad)
			}
		}
		if !bytes.Equal(before, snapshot(t, path)) {
			t.Error("project changed")
		}
	})
	t.Run("refuses to overwrite another program's file", func(t *testing.T) {
		other := filepath.Join(dir, "thesis.docx")
		os.WriteFile(other, []byte("PK\x03\x04 my thesis"), 0o644)
		if err := Restore(other, old); err == nil {
			t.Fatal("restore over a foreign file succeeded")
		}
		if b, _ := os.ReadFile(other); string(b) != "PK\x03\x04 my thesis" {
			t.Fatal("foreign file changed")
		}
	})
	t.Run("refuses a damaged backup", func(t *testing.T) {
		bad := filepath.Join(dir, "bad.gloss")
		os.WriteFile(bad, corruptPages(t, old), 0o644)
		before := snapshot(t, path)
		err := Restore(path, bad)
		if !errors.Is(err, ErrDamaged) {
			t.Fatalf("restore from a damaged backup: %v", err)
		}
		if !bytes.Equal(before, snapshot(t, path)) {
			t.Error("project changed")
		}
	})
	t.Run("replaces a damaged project", func(t *testing.T) {
		dmg := filepath.Join(dir, "dmg.gloss")
		os.WriteFile(dmg, corruptPages(t, old), 0o644)
		if _, err := Open(dmg, Options{}); !errors.Is(err, ErrDamaged) {
			t.Fatalf("open damaged: %v", err)
		}
		if err := Restore(dmg, old); err != nil {
			t.Fatal(err)
		}
		if n := spanCount(t, dmg); n != 1 {
			t.Fatalf("restored %d spans", n)
		}
		kept, _ := filepath.Glob(filepath.Join(dir, ".dmg.backups", "dmg-*.damaged"))
		if len(kept) != 1 {
			t.Fatalf("damaged file not kept: %v", kept)
		}
	})
	t.Run("restores a missing project", func(t *testing.T) {
		gone := filepath.Join(dir, "gone.gloss")
		if err := Restore(gone, old); err != nil {
			t.Fatal(err)
		}
		if n := spanCount(t, gone); n != 1 {
			t.Fatalf("restored %d spans", n)
		}
	})
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".gloss-restore-*"))
	if len(leftovers) > 0 {
		t.Errorf("restore left %v", leftovers)
	}
}

// TestBackupPredatesUpgrade: opening a project of an older schema backs it
// up before migrating, so the backup is the file exactly as the older Gloss
// left it, and restoring it upgrades again on the next open.
func TestBackupPredatesUpgrade(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.gloss")
	s := openAs(t, path, "ann")
	addDoc(t, s, "doc", "text")
	// turn the file back into schema 1: what migrations 002, 003 and 004 added goes
	for _, q := range []string{`DROP TABLE document_categories`, `DROP TABLE category_sets`, `DROP TABLE norms`, `DROP TABLE equivs`,
		`DROP TABLE notes`, `DROP TABLE attribute_defs`, `DROP TABLE event_args`, `DROP TABLE text_events`, `DROP TABLE relations`,
		`DROP TABLE relation_types`, `ALTER TABLE spans DROP COLUMN attrs`, `DROP TABLE document_status`, `DROP TRIGGER events_clear_redo`, `DROP INDEX events_undo`, `ALTER TABLE events DROP COLUMN ref`,
		`DELETE FROM gloss_migrations WHERE version > 1`, `PRAGMA user_version = 1`} {
		if _, err := s.DB().Exec(q); err != nil {
			t.Fatal(q, err)
		}
	}
	s.Close()
	s = openAs(t, path, "ann")
	b, err := s.OpenBackup()
	s.Close()
	if err != nil || b.Path == "" {
		t.Fatalf("no backup: %v", err)
	}
	old, err := Open(b.Path, Options{ReadOnly: true})
	if err == nil {
		old.Close()
		t.Fatal("backup opened read-only though its schema is older")
	}
	raw, _ := os.ReadFile(b.Path)
	if version := binary.BigEndian.Uint32(raw[60:64]); version != 1 { // the header's user_version
		t.Fatalf("backup has schema %d, want 1 (made before the upgrade)", version)
	}
	if err := Restore(path, b.Path); err != nil {
		t.Fatal(err)
	}
	s = openAs(t, path, "ann")
	defer s.Close()
	if _, err := s.History(0); err != nil {
		t.Fatalf("history after restoring and upgrading: %v", err)
	}
}
