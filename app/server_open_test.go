package app_test

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"gloss/app"
	"gloss/store/pgstore"
)

// Opening a server project runs in the background behind a "Connecting"
// dialog with Cancel; the project shown before stays open meanwhile.

// silentServer accepts connections on loopback and never answers; it
// returns its address.
func silentServer(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var conns []net.Conn
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			conns = append(conns, c) // held open, never read or answered
		}
	}()
	t.Cleanup(func() {
		l.Close()
		<-done
		for _, c := range conns {
			c.Close()
		}
	})
	return l.Addr().String()
}

// pgConnect is the Connector cmd/gloss passes: pgstore.Open with the
// attempt's context. ended reports each attempt's error.
func pgConnect(ended chan<- error) app.Connector {
	return func(ctx context.Context, addr string) (app.Project, error) {
		s, err := pgstore.Open(ctx, addr, pgstore.Options{Annotator: "tester"})
		if ended != nil {
			ended <- err
		}
		if err != nil {
			return nil, err
		}
		return s, nil
	}
}

// fileWindow opens a window on a new project file with a Connector.
func fileWindow(t *testing.T, connect app.Connector) *app.Probe {
	t.Helper()
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	path := t.TempDir() + "/before.gloss"
	w, err := app.StartWith(test.NewTempApp(t), path, app.StartOptions{Open: openStore, Connect: connect})
	if err != nil {
		t.Fatal(err)
	}
	g := app.NewProbe(w)
	t.Cleanup(func() { g.Close() })
	return g
}

func TestCancelWhileConnectingKeepsTheProjectOpen(t *testing.T) {
	ended := make(chan error, 4)
	g := fileWindow(t, pgConnect(ended))
	before := g.Project()
	silent := silentServer(t)
	addr := "postgres://ana:" + secret + "@" + silent + "/news?sslmode=disable"

	g.OpenServer(addr)
	if g.Connecting() == "" || g.Overlay() == nil {
		t.Fatalf("no connecting dialog: connecting %q", g.Connecting())
	}
	text := g.OverlayText()
	if !strings.Contains(text, "Connecting to ana@"+silent+"/news…") || strings.Contains(text, secret) {
		t.Errorf("dialog = %q, want where it connects, without the password", text)
	}
	// The project shown is still open and usable meanwhile.
	if g.Project() != before {
		t.Fatal("the project shown changed before the server project opened")
	}
	if docs, err := g.Project().Documents(); err != nil {
		t.Errorf("the project shown while connecting: %v (%d documents)", err, len(docs))
	}
	// A second open while connecting is refused; the same address is ignored.
	g.OpenServer(addr)
	if g.OverlayText() != text {
		t.Errorf("opening the same address again changed the dialog to %q", g.OverlayText())
	}
	g.OpenPath(t.TempDir() + "/other.gloss")
	if !strings.Contains(g.OverlayText(), "still connecting") || g.Project() != before {
		t.Errorf("another open while connecting: dialog %q, project %s", g.OverlayText(), g.Project().Path())
	}
	g.Overlay().Hide()

	// Cancel closes the dialog at once and ends the attempt (its context),
	// long before the connection timeout.
	if !g.TapOverlayButton("Cancel") {
		t.Fatal("the connecting dialog has no Cancel")
	}
	if g.Connecting() != "" || g.Overlay() != nil {
		t.Errorf("after Cancel: connecting %q, dialog %q", g.Connecting(), g.OverlayText())
	}
	awaitCancelled(t, g, ended)
	if g.Project() != before || g.Overlay() != nil {
		t.Errorf("after the cancelled attempt ended: project %s, dialog %q", g.Project().Path(), g.OverlayText())
	}
	if _, state := g.StatusText(); !strings.Contains(state, "Stopped connecting") || strings.Contains(state, secret) {
		t.Errorf("status = %q, want that connecting stopped", state)
	}
}

func TestServerThatNeverAnswersIsReported(t *testing.T) {
	defer app.SetConnectTimeout(300 * time.Millisecond)()
	g := fileWindow(t, pgConnect(nil))
	before := g.Project()
	silent := silentServer(t)
	g.OpenServer("postgres://ana:" + secret + "@" + silent + "/news?sslmode=disable")
	if !g.AwaitOpen(10 * time.Second) {
		t.Fatal("the attempt did not end after the connection timeout")
	}
	msg := g.OverlayText()
	if !strings.Contains(msg, "Could not open the server project postgres://ana@"+silent+"/news") ||
		!strings.Contains(msg, "did not answer") || strings.Contains(msg, secret) {
		t.Errorf("error = %q, want the address without its password and that the server did not answer", msg)
	}
	if g.Project() != before {
		t.Errorf("project = %s after a failed open, want the one shown before", g.Project().Path())
	}
}
