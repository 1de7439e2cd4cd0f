package app_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"gloss/annotate"
	"gloss/app"
	"gloss/assets"
	"gloss/store"
)

// projectWithBackup makes a project with one span and reopens it once, so
// that a rolling backup of that state exists. It returns the path and the
// document.
func projectWithBackup(t *testing.T) (string, *annotate.Document) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "kept.gloss")
	s, err := store.Open(path, store.Options{Annotator: "tester"})
	if err != nil {
		t.Fatal(err)
	}
	assets.Seed(s, true)
	docs, _ := s.Documents()
	doc, _ := s.Document(docs[0].ID)
	actor, _ := s.LabelByName("actor")
	if err := s.AddSpan(annotate.NewSpan(doc.ID, wordStart, wordEnd, actor.ID)); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = store.Open(path, store.Options{Annotator: "tester"}) // this open backs it up
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if list, err := store.Backups(path); err != nil || len(list) != 1 {
		t.Fatalf("backups %v, %v; want one", list, err)
	}
	return path, doc
}

func TestRestoreBackupFromMenu(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	path, doc := projectWithBackup(t)
	g0, err := app.Start(test.NewTempApp(t), path, openStore, store.Keeper)
	if err != nil {
		t.Fatal(err)
	}
	g := app.NewProbe(g0)
	defer g.Close()
	g.Window().Resize(fyne.NewSize(1200, 800))
	// a mistake after the backup: the span is deleted
	tapText(g, wordStart+2)
	g.MenuAction("Edit", "Delete selected span")()
	if n := len(g.SpanRows()); n != 0 {
		t.Fatalf("%d spans listed after deleting", n)
	}
	g.MenuAction("File", "Restore backup")()
	dlg := g.Overlay()
	if dlg == nil {
		t.Fatal("no restore dialog")
	}
	tapButton(t, dlg, "Restore")
	if g.Project() == nil || g.Project().Path() != path {
		t.Fatalf("after restore the window shows %v", g.Project())
	}
	spans, err := g.Project().Spans(doc.ID)
	if err != nil || len(spans) != 1 || spans[0].Start != wordStart {
		t.Fatalf("restored project spans %v, %v; want the one span of the backup", spans, err)
	}
	if rows := g.SpanRows(); len(rows) != 1 {
		t.Errorf("spans panel %q after restore", rows)
	}
	if _, state := g.StatusText(); !strings.Contains(state, "restored") {
		t.Errorf("status bar %q", state)
	}
}

func TestDamagedProjectOffersRestore(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	path, doc := projectWithBackup(t)
	b, _ := os.ReadFile(path)
	os.WriteFile(path, b[:len(b)/2], 0o644)

	g0, err := app.Start(test.NewTempApp(t), path, openStore, store.Keeper)
	if err != nil {
		t.Fatal(err)
	}
	g := app.NewProbe(g0)
	defer g.Close()
	if g.Project().Path() == path {
		t.Fatal("the damaged project was opened")
	}
	dlg := g.Overlay()
	if dlg == nil {
		t.Fatal("no dialog about the damaged project")
	}
	tapButton(t, dlg, "Restore a backup…")
	tapButton(t, g.Overlay(), "Restore")
	if g.Project().Path() != path {
		t.Fatalf("after restore the window shows %s, want %s", g.Project().Path(), path)
	}
	if spans, err := g.Project().Spans(doc.ID); err != nil || len(spans) != 1 {
		t.Fatalf("restored spans %v, %v", spans, err)
	}
}
