package app_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

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
	t.Setenv("XDG_DATA_HOME", t.TempDir()) // the default project shown while connecting
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

// awaitOpened waits until the window has opened the server project it is
// connecting to, failing the test when it shows an error instead.
func awaitOpened(t *testing.T, g *app.Probe) {
	t.Helper()
	if g.Connecting() == "" {
		t.Fatal("the window is not connecting to a server project")
	}
	if !g.AwaitOpen(20 * time.Second) {
		t.Fatal("the server project did not open within 20 s")
	}
	if g.Connecting() != "" || g.Overlay() != nil {
		t.Fatalf("after connecting: still connecting to %q, dialog %q", g.Connecting(), g.OverlayText())
	}
}
