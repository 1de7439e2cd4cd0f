package app_test

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"gloss/app"
	"gloss/store/pgstore"
)

// The window on a server project: opening it without saving its password.

func TestServerProjectOpensWithoutSavingThePassword(t *testing.T) {
	c := startServer(t)
	url := newServerProject(t, c)
	a := test.NewTempApp(t)
	w, err := app.Start(a, withSecret(url), serverOpener("tester"), nil)
	if err != nil {
		t.Fatal(err)
	}
	g := app.NewProbe(w)
	t.Cleanup(func() { g.Close() })
	awaitOpened(t, g)
	if g.Document() == nil {
		t.Fatal("the server project's sample article is not shown")
	}
	if !g.Listening() {
		t.Error("the window does not follow a server project's changes")
	}
	if title := g.WindowTitle(); !strings.Contains(title, url) || strings.Contains(title, secret) {
		t.Errorf("title = %q, want the URL %s without its password", title, url)
	}
	if _, state := g.StatusText(); !strings.Contains(state, "Server project "+url) || strings.Contains(state, secret) {
		t.Errorf("status = %q, want the server project's URL without its password", state)
	}
	if recent := g.RecentLabels(); !slices.Contains(recent, url) {
		t.Errorf("recent projects = %q, want %s (no password)", recent, url)
	}
	if prefs := preferencesText(t, a); strings.Contains(prefs, secret) || !strings.Contains(prefs, url) {
		t.Errorf("preferences = %s: want the URL, never the password", prefs)
	}

	// What needs a project file says so, and nothing fails. (The team
	// features work on a server project: team_server_test.go.)
	for _, it := range [][2]string{{"File", "Restore backup"}, {"File", "Merge coders"}} {
		act := g.MenuAction(it[0], it[1])
		if act == nil {
			t.Fatalf("no menu item %s ▸ %s", it[0], it[1])
		}
		act()
		if g.Overlay() == nil {
			t.Errorf("%s ▸ %s on a server project: no message", it[0], it[1])
			continue
		}
		g.Overlay().Hide()
	}
	// Opened again through File ▸ Open server project…: Enter opens.
	enter := &fyne.KeyEvent{Name: fyne.KeyReturn}
	g.MenuAction("File", "Open server project")()
	entry := g.Window().Canvas().Focused()
	if g.Overlay() == nil || entry == nil {
		t.Fatal("File ▸ Open server project… shows no dialog with the address field focused")
	}
	again := withSecret(url) + "&application_name=again"
	test.Type(entry, again)
	entry.TypedKey(enter)
	awaitOpened(t, g) // Enter opened it
	if got := g.Project().Path(); !strings.Contains(got, "application_name=again") || strings.Contains(got, secret) {
		t.Errorf("project open = %s, want the one typed (without its password)", got)
	}
	if prefs := preferencesText(t, a); strings.Contains(prefs, secret) {
		t.Errorf("preferences hold the password after File ▸ Open server project: %s", prefs)
	}
	if !g.Listening() {
		t.Error("not listening after opening the server project again")
	}

	// Escape cancels; an address that is not a server's is refused.
	g.MenuAction("File", "Open server project")()
	g.Window().Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if g.Overlay() != nil {
		t.Error("Escape did not close the dialog")
	}
	g.OpenServer("/tmp/not-a-server.gloss")
	if g.Overlay() == nil {
		t.Error("an address that is not a server's gives no error")
	} else {
		g.Overlay().Hide()
	}

	// A project file has no live updates; switching stops the listener.
	file := t.TempDir() + "/file.gloss"
	if fp, err := openStore(file); err != nil {
		t.Fatal(err)
	} else {
		fp.Close()
	}
	g.OpenPath(file)
	if g.Listening() || strings.Contains(g.Project().Path(), "postgres") {
		t.Errorf("after opening a project file: listening %v, project %s", g.Listening(), g.Project().Path())
	}

	// Recent projects reopens the server project with the password typed
	// in this session, and never saves it.
	g.OpenPath(url)
	awaitOpened(t, g)
	if !g.Listening() || g.Project().Path() != pgstore.Redact(withSecret(url)) {
		t.Errorf("from the recent list: listening %v, project %s", g.Listening(), g.Project().Path())
	}
	if prefs := preferencesText(t, a); strings.Contains(prefs, secret) {
		t.Errorf("preferences hold the password: %s", prefs)
	}
}
