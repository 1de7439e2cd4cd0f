package app_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"gloss/annotate"
	"gloss/app"
	"gloss/assets"
	"gloss/internal/pgtest"
	"gloss/store/pgstore"
)

// The window on a project on a PostgreSQL server (issue 18): opened from
// a URL whose password it never saves, and following what another
// annotator saves there without reopening.

// secret is the password typed in the test's URL (the throwaway cluster
// trusts loopback connections, so any password opens it).
const secret = "s3cret-pw-77"

// startServer starts a throwaway PostgreSQL cluster for one test.
func startServer(t *testing.T) *pgtest.Cluster {
	t.Helper()
	c, err := pgtest.Start()
	if errors.Is(err, pgtest.ErrNoPostgres) && os.Getenv("CI") != "true" {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := c.Stop(); err != nil {
			t.Error(err)
		}
	})
	return c
}

// serverOpener opens server projects as annotator, project files as openStore.
func serverOpener(annotator string) app.Opener {
	return func(path string) (app.Project, error) {
		if !pgstore.IsURL(path) {
			return openStore(path)
		}
		s, err := pgstore.Open(context.Background(), path, pgstore.Options{Annotator: annotator})
		if err != nil {
			return nil, err
		}
		return s, nil
	}
}

// newServerProject makes a project with the default labels and the sample
// article in a new database and returns its URL (without a password).
func newServerProject(t *testing.T, c *pgtest.Cluster) string {
	t.Helper()
	ctx := context.Background()
	url, err := c.CreateDatabase(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s, err := pgstore.Init(ctx, url, pgstore.Options{Annotator: "tester"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := assets.Seed(s, true); err != nil {
		t.Fatal(err)
	}
	return url
}

// withSecret puts the test's password into url's user part.
func withSecret(url string) string {
	return strings.Replace(url, "://postgres@", "://postgres:"+secret+"@", 1)
}

// preferencesText is every preference the app holds, as text.
func preferencesText(t *testing.T, a fyne.App) string {
	t.Helper()
	r, ok := a.Preferences().(interface{ ReadValues(func(map[string]any)) })
	if !ok {
		t.Fatalf("the test app's preferences (%T) cannot be listed", a.Preferences())
	}
	var out string
	r.ReadValues(func(m map[string]any) { out = fmt.Sprint(m) })
	return out
}

// awaitLive shows live updates until ok holds or 10 s have passed.
func awaitLive(t *testing.T, g *app.Probe, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("no live update showed %s within 10 s", what)
		}
		g.AwaitLive(200 * time.Millisecond)
	}
}

// listeningNow waits until the window's listener hears bob's changes: a
// change saved before LISTEN runs is not announced to it.
func listeningNow(t *testing.T, g *app.Probe, bob *pgstore.Store, docID string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		if err := bob.SetStatus(docID, annotate.StatusInProgress); err != nil {
			t.Fatal(err)
		}
		if g.AwaitLive(300 * time.Millisecond) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("the window hears no change saved by another annotator")
		}
	}
}

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

	// What needs a project file says so, and nothing fails.
	for _, it := range [][2]string{{"File", "Restore backup"}, {"File", "Merge coders"}, {"Team", "Agreement"}, {"Team", "Curation"}} {
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
	if auto := g.MenuAction("Team", "Curate automatically"); auto != nil {
		t.Error("Curate automatically is an action, not a submenu: update the test")
	}
	curated := false
	for _, m := range g.Window().MainMenu().Items {
		for _, it := range m.Items {
			if strings.HasPrefix(it.Label, "Curate automatically") && it.ChildMenu != nil {
				it.ChildMenu.Items[0].Action() // failed on a missing project interface before
				curated = true
			}
		}
	}
	if !curated {
		t.Error("no Team ▸ Curate automatically")
	} else if g.Overlay() == nil {
		t.Error("Curate automatically on a server project: no message")
	} else {
		g.Overlay().Hide()
	}

	// Opened again through File ▸ Open server project…: Enter opens.
	enter := &fyne.KeyEvent{Name: fyne.KeyReturn}
	g.MenuAction("File", "Open server project")()
	entry, ok := g.Window().Canvas().Focused().(fyne.Focusable)
	if g.Overlay() == nil || !ok {
		t.Fatal("File ▸ Open server project… shows no dialog with the address field focused")
	}
	again := withSecret(url) + "&application_name=again"
	test.Type(entry, again)
	entry.TypedKey(enter)
	if g.Overlay() != nil {
		t.Fatal("Enter did not open the server project")
	}
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
	if !g.Listening() || g.Project().Path() != pgstore.Redact(withSecret(url)) {
		t.Errorf("from the recent list: listening %v, project %s", g.Listening(), g.Project().Path())
	}
	if prefs := preferencesText(t, a); strings.Contains(prefs, secret) {
		t.Errorf("preferences hold the password: %s", prefs)
	}
}

func TestServerProjectShowsAnotherAnnotatorsSpans(t *testing.T) {
	c := startServer(t)
	url := newServerProject(t, c)
	a := test.NewTempApp(t)
	w, err := app.Start(a, url, serverOpener("tester"), nil)
	if err != nil {
		t.Fatal(err)
	}
	g := app.NewProbe(w)
	t.Cleanup(func() { g.Close() })
	g.Window().Resize(fyne.NewSize(1200, 800))
	doc := g.Document()
	if doc == nil {
		t.Fatal("no document shown")
	}
	bob, err := pgstore.Open(context.Background(), url, pgstore.Options{Annotator: "bob"})
	if err != nil {
		t.Fatal(err)
	}
	defer bob.Close()
	labels, err := bob.Labels()
	if err != nil || len(labels) == 0 {
		t.Fatalf("labels: %v, %v", labels, err)
	}
	listeningNow(t, g, bob, doc.ID)

	// bob adds a span: it appears in the text, the spans list, the
	// documents panel's count and the status bar, without reopening.
	first := &annotate.Span{DocumentID: doc.ID, Start: wordStart, End: wordEnd, LabelID: labels[0].ID}
	if err := bob.AddSpan(first); err != nil {
		t.Fatal(err)
	}
	awaitLive(t, g, "bob's span", func() bool { return len(g.View().SpansAt(wordStart+1)) == 1 })
	if rows := g.SpanRows(); !slices.Contains(rows, "Consequently") {
		t.Errorf("spans list = %q, want bob's span on Consequently", rows)
	}
	if n := g.PanelSpanCount(doc.ID); n != 1 {
		t.Errorf("documents panel count = %d, want 1", n)
	}
	if _, state := g.StatusText(); !strings.Contains(state, "bob changed spans in ‘"+doc.Title+"’") {
		t.Errorf("status = %q, want who changed what", state)
	}

	// The user's selected span, text selection and scroll position survive
	// the next change.
	g.TapSpanRow(0)
	if g.SelectedSpan() != first.ID {
		t.Fatalf("selected span = %q, want bob's %q", g.SelectedSpan(), first.ID)
	}
	g.View().ScrollTopTo(200)
	top := g.View().TopOffset()
	second := &annotate.Span{DocumentID: doc.ID, Start: 0, End: 5, LabelID: labels[0].ID}
	if err := bob.AddSpan(second); err != nil {
		t.Fatal(err)
	}
	awaitLive(t, g, "bob's second span", func() bool { return len(g.SpanRows()) == 2 })
	if g.SelectedSpan() != first.ID {
		t.Errorf("selected span = %q after another change, want %q kept", g.SelectedSpan(), first.ID)
	}
	if s, e := g.View().Selection(); s != wordStart || e != wordEnd {
		t.Errorf("text selection = [%d,%d), want [%d,%d) kept", s, e, wordStart, wordEnd)
	}
	if got := g.View().TopOffset(); got != top {
		t.Errorf("scrolled to %d after a live update, want %d kept", got, top)
	}

	// bob deletes the selected span: it goes, and nothing is selected.
	if err := bob.DeleteSpan(first.ID); err != nil {
		t.Fatal(err)
	}
	awaitLive(t, g, "the deletion", func() bool { return len(g.SpanRows()) == 1 })
	if g.SelectedSpan() != "" || len(g.View().SpansAt(wordStart+1)) != 0 {
		t.Errorf("after bob deleted it: selected %q, spans at the word %d", g.SelectedSpan(), len(g.View().SpansAt(wordStart+1)))
	}

	// A new label appears in the label bar's labels.
	if err := bob.AddLabel(&annotate.Label{ID: annotate.NewID(), Name: "Bob's label", Color: "#336699"}); err != nil {
		t.Fatal(err)
	}
	awaitLive(t, g, "bob's label", func() bool {
		ls, err := g.Project().Labels()
		return err == nil && len(ls) == len(labels)+1 && strings.Contains(fmt.Sprint(g.LabelNames()), "Bob's label")
	})
}
