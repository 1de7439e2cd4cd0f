package store

import (
	"bytes"
	"database/sql"
	"path/filepath"
	"testing"

	"gloss/annotate"
)

// TestContentTokenTracksContent: every kind of content write replaces the
// content token in its transaction; an open, a read and an import that
// adds nothing (logged in the edit log) leave it.
func TestContentTokenTracksContent(t *testing.T) {
	s := newProject(t)
	token := func() []byte {
		t.Helper()
		tok, err := contentToken(s.db)
		if err != nil || len(tok) != 16 {
			t.Fatalf("token %x: %v", tok, err)
		}
		return tok
	}
	last := token()
	step := func(what string, changes bool, fn func()) {
		t.Helper()
		fn()
		now := token()
		if changed := !bytes.Equal(now, last); changed != changes {
			t.Errorf("%s: token changed %v, want %v", what, changed, changes)
		}
		last = now
	}
	var d *annotate.Document
	var claim string
	step("add a label", true, func() {
		if err := s.AddLabel(&annotate.Label{Name: "evidence"}); err != nil {
			t.Fatal(err)
		}
		claim = label(t, s, "evidence")
	})
	step("add a document", true, func() { d = addDoc(t, s, "doc", "alpha beta gamma") })
	sp := annotate.NewSpan(d.ID, 0, 5, claim)
	step("add a span", true, func() {
		if err := s.AddSpan(sp); err != nil {
			t.Fatal(err)
		}
	})
	step("set a status", true, func() {
		if err := s.SetStatus(d.ID, annotate.StatusDone); err != nil {
			t.Fatal(err)
		}
	})
	step("read", false, func() {
		if _, err := s.Document(d.ID); err != nil {
			t.Fatal(err)
		}
		s.Documents()
	})
	again := *d
	step("import of a document already present", false, func() {
		if res, err := s.Import(&annotate.Batch{Documents: []*annotate.Document{&again}}); err != nil || res.Documents != 0 {
			t.Fatalf("%+v %v", res, err)
		}
	})
	step("delete a span", true, func() {
		if err := s.DeleteSpan(sp.ID); err != nil {
			t.Fatal(err)
		}
	})
	path := s.path
	s.Close()
	s = openAs(t, path, "ann")
	defer func() { s.Close() }()
	step("open", false, func() {})
}

// TestBackupDecidedByToken: an open of a project whose file changed but
// whose content did not (logged no-op imports) makes no backup and
// computes no content fingerprint (O(1) in the corpus); a real change is
// backed up; a newest backup without a token (made by an older Gloss) is
// compared by fingerprint as before.
func TestBackupDecidedByToken(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	path := filepath.Join(t.TempDir(), "p.gloss")
	s := openAs(t, path, "ann")
	d := addDoc(t, s, "doc", "alpha beta gamma")
	s.Close()
	s = openAs(t, path, "ann")
	first, _ := s.OpenBackup()
	s.Close()
	if first.Path == "" {
		t.Fatal("no backup of a changed project")
	}
	again := *d
	for i := 0; i < 3; i++ {
		s = openAs(t, path, "ann")
		s.Import(&annotate.Batch{Documents: []*annotate.Document{&again}}) // logged: the file changes
		s.Close()
		before := fingerprints.Load()
		s = openAs(t, path, "ann")
		b, err := s.OpenBackup()
		s.Close()
		if b.Path != "" || err != nil {
			t.Fatalf("open %d of unchanged content made backup %q (%v)", i, b.Path, err)
		}
		if n := fingerprints.Load() - before; n != 0 {
			t.Fatalf("open %d computed %d content fingerprints; the tokens should decide", i, n)
		}
	}

	// A backup made before tokens existed: the fingerprints decide.
	db, err := sql.Open(driverName, "file:"+first.Path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`DROP TABLE content_version`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s = openAs(t, path, "ann")
	s.Import(&annotate.Batch{Documents: []*annotate.Document{&again}})
	s.Close()
	before := fingerprints.Load()
	s = openAs(t, path, "ann")
	b, _ := s.OpenBackup()
	s.Close()
	if b.Path != "" || fingerprints.Load()-before != 2 {
		t.Fatalf("old backup of the same content: backup %q, %d fingerprints (want none and 2)", b.Path, fingerprints.Load()-before)
	}

	// A real change is backed up, and the new backup carries the token.
	s = openAs(t, path, "ann")
	addDoc(t, s, "second", "delta")
	s.Close()
	s = openAs(t, path, "ann")
	b, err = s.OpenBackup()
	if b.Path == "" || err != nil {
		t.Fatalf("a new document was not backed up: %v", err)
	}
	cur, _ := contentToken(s.db)
	s.Close()
	if old, err := fileContentToken(b.Path); err != nil || !bytes.Equal(old, cur) {
		t.Fatalf("backup token %x (%v), project %x", old, err, cur)
	}
}
