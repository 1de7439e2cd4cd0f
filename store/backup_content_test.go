package store

import (
	"path/filepath"
	"testing"

	"gloss/annotate"
)

// TestBackupOnlyWhenContentChanged: opens and imports that change nothing
// (but write the edit log, so the file's time changes) make no backup, so
// they can no longer push every older backup out: after six of them the
// backup of the state before the last real change is still there, and the
// newest backup holds the current content.
func TestBackupOnlyWhenContentChanged(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	path := filepath.Join(t.TempDir(), "p.gloss")
	s := openAs(t, path, "ann")
	s.AddLabel(&annotate.Label{Name: "claim"})
	d := addDoc(t, s, "doc", "alpha beta gamma")
	s.Close()

	s = openAs(t, path, "ann") // backup 1: no spans
	if b, _ := s.OpenBackup(); b.Path == "" {
		t.Fatal("no backup of a changed project")
	}
	if err := s.AddSpan(annotate.NewSpan(d.ID, 0, 5, label(t, s, "claim"))); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = openAs(t, path, "ann") // backup 2: one span
	first, _ := s.OpenBackup()
	s.Close()
	again := &annotate.Document{}
	*again = *d
	for i := 0; i < 6; i++ {
		s = openAs(t, path, "ann")
		if b, err := s.OpenBackup(); b.Path != "" || err != nil {
			t.Fatalf("open %d of an unchanged project made backup %s (%v)", i, b.Path, err)
		}
		res, err := s.Import(&annotate.Batch{Documents: []*annotate.Document{again}})
		if err != nil || res.Documents != 0 {
			t.Fatalf("import: %+v, %v", res, err)
		}
		s.Close()
	}
	list, err := Backups(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].Path != first.Path {
		t.Fatalf("backups %+v; want the two made before the no-op imports", list)
	}
	if spanCount(t, list[0].Path) != 1 || spanCount(t, list[1].Path) != 0 {
		t.Errorf("backups hold %d and %d spans; want 1 and 0", spanCount(t, list[0].Path), spanCount(t, list[1].Path))
	}
	// a real change is backed up at the next open
	s = openAs(t, path, "ann")
	s.SetStatus(d.ID, annotate.StatusDone)
	s.Close()
	s = openAs(t, path, "ann")
	defer s.Close()
	if b, _ := s.OpenBackup(); b.Path == "" {
		t.Error("a status change was not backed up")
	}
}
