package app_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"gloss/app"
	"gloss/assets"
	"gloss/store"
)

func TestStartDefaultProjectThenLast(t *testing.T) {
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	a := test.NewTempApp(t)
	g0, err := app.Start(a, "", openStore, store.Keeper)
	if err != nil {
		t.Fatal(err)
	}
	g := app.NewProbe(g0)
	want := filepath.Join(data, "Gloss", "My project.gloss")
	if g.Project().Path() != want {
		t.Errorf("default project at %s, want %s", g.Project().Path(), want)
	}
	if g.Document() == nil || g.Document().Title != assets.SampleTitle {
		t.Errorf("default project shows %+v, want the sample article", g.Document())
	}
	if labels, _ := g.Project().Labels(); len(labels) != 3 {
		t.Errorf("default project has %d labels, want 3", len(labels))
	}
	g.Close()

	// Next start, with a project named on the command line: created with
	// the default labels and no documents.
	named := filepath.Join(t.TempDir(), "new.gloss")
	g0, err = app.Start(a, named, openStore, store.Keeper)
	if err != nil {
		t.Fatal(err)
	}
	g = app.NewProbe(g0)
	if g.Project().Path() != named || g.Document() != nil {
		t.Errorf("named project: %s, document %+v", g.Project().Path(), g.Document())
	}
	if got := g.Window().Title(); got != "Gloss — new" {
		t.Errorf("title %q", got)
	}
	g.Close()

	// Without an argument, the project opened last comes back.
	g0, err = app.Start(a, "", openStore, store.Keeper)
	if err != nil {
		t.Fatal(err)
	}
	g = app.NewProbe(g0)
	defer g.Close()
	if g.Project().Path() != named {
		t.Errorf("reopened %s, want the last project %s", g.Project().Path(), named)
	}
}

func TestStartUnreadableFallsBack(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	bad := filepath.Join(t.TempDir(), "notes.gloss")
	if err := os.WriteFile(bad, []byte("not a database"), 0o644); err != nil {
		t.Fatal(err)
	}
	g0, err := app.Start(test.NewTempApp(t), bad, openStore, store.Keeper)
	if err != nil {
		t.Fatal(err)
	}
	g := app.NewProbe(g0)
	defer g.Close()
	if !strings.HasSuffix(g.Project().Path(), "My project.gloss") {
		t.Errorf("opened %s, want the default project", g.Project().Path())
	}
	if g.Overlay() == nil {
		t.Error("no dialog says why the named file was not opened")
	}
	if data, _ := os.ReadFile(bad); string(data) != "not a database" {
		t.Error("the unreadable file was changed")
	}
}

func TestReadOnlyProject(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ro.gloss")
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	assets.Seed(s, true)
	s.Close()
	ro, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	g := app.NewProbe(app.New(test.NewTempApp(t), ro, openStore))
	defer g.Close()
	if !g.NoticeShown() || !strings.HasSuffix(g.Window().Title(), "(read-only)") {
		t.Errorf("no read-only notice (title %q)", g.Window().Title())
	}
	dragSelect(g, wordStart, wordEnd)
	test.Type(g.View(), "1")
	if got, _ := ro.Spans(g.Document().ID); len(got) != 0 {
		t.Fatal("a read-only project was annotated")
	}
	if _, state := g.StatusText(); !strings.Contains(state, "read-only") {
		t.Errorf("status says %q", state)
	}
}
