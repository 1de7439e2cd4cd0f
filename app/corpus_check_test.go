package app_test

import (
	"database/sql"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"gloss/annotate"
	"gloss/app"
	"gloss/store"
)

// TestBackgroundCheckSkippedWhileACleanOneCoversTheProject: after a
// window's check finds nothing, damage the content token cannot see (a
// row changed with the token put back, as damage below SQLite would
// leave it) is not looked for by the next window's background check,
// while Help ▸ Check project finds it; once the clean check is
// store.CleanCheckFor old, the background check runs and finds it.
func TestBackgroundCheckSkippedWhileACleanOneCoversTheProject(t *testing.T) {
	g, s := newGloss(t)
	d := annotate.NewDocument("To be damaged", "Its hash will not match.", "")
	if err := s.AddDocuments([]*annotate.Document{d}); err != nil {
		t.Fatal(err)
	}
	path := s.Path()
	g.Close()
	open := func() *app.Probe { // a window whose check runs at open (inline in the tests)
		t.Helper()
		p, err := store.Open(path, store.Options{Annotator: "tester", NoBackup: true})
		if err != nil {
			t.Fatal(err)
		}
		g := app.NewProbe(app.New(test.NewTempApp(t), p, openStore))
		g.Window().Resize(fyne.NewSize(1200, 800))
		return g
	}
	g = open() // its check finds nothing and records it
	if _, state := g.StatusText(); strings.Contains(state, "problem") {
		t.Fatalf("a sound project has a check notice: %q", state)
	}
	g.Close()

	db, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.Exec(q, args...); err != nil {
			t.Fatal(err)
		}
	}
	var token []byte
	if err := db.QueryRow(`SELECT token FROM content_version`).Scan(&token); err != nil {
		t.Fatal(err)
	}
	exec(`UPDATE documents SET sha256 = 'abc' WHERE id = ?`, d.ID)
	exec(`UPDATE content_version SET token = ?`, token)

	g = open()
	if _, state := g.StatusText(); strings.Contains(state, "problem") {
		t.Errorf("the background check ran although a clean check covers the project: %q", state)
	}
	g.MenuAction("Help", "Check project")()
	if text := dialogText(g.Overlay()); !strings.Contains(text, "1 problem found") || !strings.Contains(text, d.ID) {
		t.Errorf("Check project says %q, want 1 problem naming %s", text, d.ID)
	}
	g.Close()

	exec(`UPDATE check_state SET checked_at = ?`, time.Now().Add(-store.CleanCheckFor-time.Minute).UTC().Format(time.RFC3339Nano))
	g = open()
	defer g.Close()
	if _, state := g.StatusText(); !strings.Contains(state, "found 1 problem") {
		t.Errorf("status after a check due by age %q, want it to say it found 1 problem", state)
	}
}
