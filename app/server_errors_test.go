package app_test

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Why a server project cannot be opened is shown with its address (never
// the password), and the project shown before stays.

func TestServerOpenErrorsAreShownWithTheAddress(t *testing.T) {
	c := startServer(t)
	ctx := context.Background()
	project := newServerProject(t, c)
	empty, err := c.CreateDatabase(ctx)
	if err != nil {
		t.Fatal(err)
	}
	newer := newServerProject(t, c)
	exec(t, newer, `INSERT INTO gloss_migrations(version, name, applied_at) VALUES (999, 'future', now())`)
	// A role that must give a password (the cluster trusts everyone else).
	exec(t, c.URL("postgres"), `CREATE ROLE pwuser LOGIN PASSWORD 'right-one'`)
	hba := filepath.Join(c.Dir(), "data", "pg_hba.conf")
	old, err := os.ReadFile(hba)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(hba, append([]byte("host all pwuser 127.0.0.1/32 scram-sha-256\n"), old...), 0o600); err != nil {
		t.Fatal(err)
	}
	exec(t, c.URL("postgres"), `SELECT pg_reload_conf()`)
	l, err := net.Listen("tcp", "127.0.0.1:0") // a port where nothing listens
	if err != nil {
		t.Fatal(err)
	}
	closed := l.Addr().String()
	l.Close()

	g := fileWindow(t, pgConnect(nil))
	before := g.Project()
	for _, tc := range []struct{ name, url, want string }{
		{"refused", "postgres://ana:" + secret + "@" + closed + "/news?sslmode=disable", "Nothing is listening"},
		{"wrong password", strings.Replace(empty, "postgres@", "pwuser:"+secret+"@", 1), "refused the user name or password"},
		{"empty database", withSecret(empty), "It is an empty database, not a Gloss project"},
		{"newer", withSecret(newer), "It was saved by a newer Gloss"},
	} {
		g.OpenServer(tc.url)
		if !g.AwaitOpen(20 * time.Second) {
			t.Fatalf("%s: the attempt did not end", tc.name)
		}
		msg := g.OverlayText()
		if !strings.Contains(msg, "Could not open the server project "+withoutSecret(tc.url)) ||
			!strings.Contains(msg, tc.want) || strings.Contains(msg, secret) {
			t.Errorf("%s: error = %q, want the address without the password and %q", tc.name, msg, tc.want)
		}
		if g.Project() != before {
			t.Errorf("%s: project = %s, want the one shown before", tc.name, g.Project().Path())
		}
		if g.Overlay() != nil {
			g.Overlay().Hide()
		}
	}

	// A project opens, replacing the one shown.
	g.OpenServer(withSecret(project))
	awaitOpened(t, g)
	if g.Project() == before || !strings.Contains(g.Project().Path(), "gloss_test_") || !g.Listening() {
		t.Errorf("after opening the server project: project %s, listening %v", g.Project().Path(), g.Listening())
	}
}

// withoutSecret is url with the test's password taken out, as the window
// shows it.
func withoutSecret(url string) string { return strings.Replace(url, ":"+secret+"@", "@", 1) }

// exec runs one SQL statement on the database at url.
func exec(t *testing.T, url, sql string) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, sql); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}
