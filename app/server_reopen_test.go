package app_test

import (
	"context"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"gloss/annotate"
	"gloss/app"
	"gloss/store/pgstore"
)

// A new annotator name reopens a server project in the background, behind
// the Connecting dialog with Cancel, as opening one does: the window never
// waits for the server, and the project shown stays open until the new one
// has opened.

// reopenWindow is a window on a server project holding two documents,
// showing the second, with a Connector that opens as the annotator the
// preferences name (as cmd/gloss's does). While *silent is set, the
// Connector connects to a loopback socket that never answers instead;
// every attempt's error is sent to ended.
func reopenWindow(t *testing.T) (g *app.Probe, silent *atomic.Bool, ended chan error) {
	t.Helper()
	c := startServer(t)
	project := newServerProject(t, c)
	s, err := pgstore.Open(context.Background(), project, pgstore.Options{Annotator: "tester"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.AddDocuments([]*annotate.Document{annotate.NewDocument("second", "the second document", "")}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	a := test.NewTempApp(t)
	a.Preferences().SetString("annotator", "alice")
	silent, ended = &atomic.Bool{}, make(chan error, 8)
	quiet := silentServer(t)
	connect := func(ctx context.Context, addr string) (app.Project, error) {
		if silent.Load() {
			u, err := url.Parse(addr)
			if err != nil {
				return nil, err
			}
			u.Host = quiet
			addr = u.String()
		}
		s, err := pgstore.Open(ctx, addr, pgstore.Options{Annotator: app.AnnotatorName(a.Preferences())})
		ended <- err
		if err != nil {
			return nil, err
		}
		return s, nil
	}
	w, err := app.StartWith(a, withSecret(project), app.StartOptions{Open: serverOpener("nobody"), Connect: connect})
	if err != nil {
		t.Fatal(err)
	}
	g = app.NewProbe(w)
	t.Cleanup(func() { g.Close() })
	awaitOpened(t, g)
	if err := <-ended; err != nil {
		t.Fatal(err)
	}
	g.MenuAction("Go", "Next document")()
	if g.Document() == nil || g.Document().Title != "second" {
		t.Fatalf("the window shows %v, want the second document", g.Document())
	}
	return g, silent, ended
}

// annotatorOf is the annotator a project records edits under.
func annotatorOf(t *testing.T, p app.Project) string {
	t.Helper()
	team, ok := p.(interface{ Annotator() string })
	if !ok {
		t.Fatalf("%T does not say its annotator", p)
	}
	return team.Annotator()
}

// wantAnnotatorShown fails unless the status bar names the annotator of the
// project shown, when the window knows it (a store that is an
// annotate.Team).
func wantAnnotatorShown(t *testing.T, g *app.Probe, name string) {
	t.Helper()
	if _, ok := g.Project().(annotate.Team); !ok {
		return
	}
	if got := g.AnnotatorShown(); got != "Annotator: "+name {
		t.Errorf("status bar = %q, want %s", got, name)
	}
}

func TestNewAnnotatorReopensAServerProjectInTheBackground(t *testing.T) {
	g, _, ended := reopenWindow(t)
	before := g.Project()
	docID := g.Document().ID

	g.SetAnnotator("carol") // returns at once: nothing waits for the server here
	if g.Connecting() == "" || !strings.Contains(g.OverlayText(), "Connecting to ") {
		t.Fatalf("no Connecting dialog: connecting %q, dialog %q", g.Connecting(), g.OverlayText())
	}
	if strings.Contains(g.OverlayText(), secret) {
		t.Errorf("the dialog shows the password: %q", g.OverlayText())
	}
	if g.Project() != before || annotatorOf(t, g.Project()) != "alice" {
		t.Fatal("the project shown changed before the new one opened")
	}
	if _, err := before.Documents(); err != nil {
		t.Errorf("the project shown while connecting: %v", err)
	}

	if !g.AwaitOpen(20 * time.Second) {
		t.Fatal("the project was not reopened within 20 s")
	}
	if err := <-ended; err != nil {
		t.Fatal(err)
	}
	if g.Connecting() != "" || g.Overlay() != nil {
		t.Errorf("after reopening: connecting %q, dialog %q", g.Connecting(), g.OverlayText())
	}
	if g.Project() == before || annotatorOf(t, g.Project()) != "carol" {
		t.Fatalf("after reopening the project records %q", annotatorOf(t, g.Project()))
	}
	wantAnnotatorShown(t, g, "carol")
	if g.Document() == nil || g.Document().ID != docID {
		t.Errorf("the document shown changed on reopening: %v", g.Document())
	}
	if _, err := before.Documents(); err == nil {
		t.Error("the project opened as alice is still open after the switch")
	}
}

func TestCancelReopeningKeepsTheServerProject(t *testing.T) {
	g, silent, ended := reopenWindow(t)
	before := g.Project()
	docID := g.Document().ID

	silent.Store(true) // the server no longer answers
	g.SetAnnotator("dave")
	if g.Connecting() == "" {
		t.Fatal("no Connecting dialog")
	}
	if !g.TapOverlayButton("Cancel") {
		t.Fatal("the Connecting dialog has no Cancel")
	}
	awaitCancelled(t, g, ended)
	if g.Project() != before || annotatorOf(t, before) != "alice" || g.Overlay() != nil {
		t.Errorf("after Cancel: project as %q, dialog %q; want the one shown before", annotatorOf(t, g.Project()), g.OverlayText())
	}
	if _, err := before.Documents(); err != nil {
		t.Errorf("the project shown before, after Cancel: %v", err)
	}
	wantAnnotatorShown(t, g, "alice")
	if g.Document() == nil || g.Document().ID != docID {
		t.Errorf("the document shown changed: %v", g.Document())
	}
	if _, state := g.StatusText(); !strings.Contains(state, "Stopped connecting") {
		t.Errorf("status = %q", state)
	}
}

// awaitCancelled waits for the attempt just cancelled to end, within 5 s,
// with its context's error (ended gets it from the Connector), and shows
// its end.
func awaitCancelled(t *testing.T, g *app.Probe, ended <-chan error) {
	t.Helper()
	select {
	case err := <-ended:
		if err == nil || !strings.Contains(err.Error(), "context canceled") {
			t.Errorf("the cancelled attempt ended with %v, want the context cancelled", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Cancel did not end the connection attempt")
	}
	if !g.AwaitOpen(5 * time.Second) {
		t.Fatal("the cancelled attempt never ended")
	}
}
