package pgstore

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"gloss/annotate"
	"gloss/internal/pgtest"
)

// team is a project set up by the superuser with four members: alice and
// bob (annotators), carol (curator) and mary (manager), each with a store
// opened as their own PostgreSQL login role.
type team struct {
	url                            string // the project's URL as the superuser
	admin, alice, bob, carol, mary *Store
	label                          *annotate.Label
	doc                            *annotate.Document
}

func newTeam(t testing.TB) *team {
	t.Helper()
	createRoles(t, "alice", "bob", "carol", "mary", "dave")
	admin, u := newProject(t, "admin")
	tm := &team{url: u, admin: admin}
	tm.label, tm.doc = seed(t, admin)
	for _, m := range []Member{{"alice", "alice", KindAnnotator}, {"bob", "bob", KindAnnotator},
		{"carol", "carol", KindCurator}, {"mary", "mary", KindManager}} {
		if err := admin.AddMember(ctxb, m.Role, m.Annotator, m.Kind); err != nil {
			t.Fatal(err)
		}
	}
	tm.alice, tm.bob = tm.openRole(t, "alice", ""), tm.openRole(t, "bob", "")
	tm.carol, tm.mary = tm.openRole(t, "carol", ""), tm.openRole(t, "mary", "")
	return tm
}

// createRoles makes login roles on the shared cluster (roles are the
// cluster's, so tests share them).
func createRoles(t testing.TB, names ...string) {
	t.Helper()
	c, err := pgx.Connect(ctxb, pgtest.Shared(t).URL("postgres"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctxb)
	for _, n := range names {
		var exists bool
		if err := c.QueryRow(ctxb, `SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)`, n).Scan(&exists); err != nil {
			t.Fatal(err)
		}
		if !exists {
			if _, err := c.Exec(ctxb, "CREATE ROLE "+n+" LOGIN"); err != nil && sqlState(err) != "42710" && sqlState(err) != "23505" {
				t.Fatal(err)
			}
		}
	}
}

// roleURL is the project's URL as PostgreSQL role role.
func (tm *team) roleURL(role string) string {
	u, err := url.Parse(tm.url)
	if err != nil {
		panic(err)
	}
	u.User = url.User(role)
	return u.String()
}

// openRole opens the project as role, asking for annotator.
func (tm *team) openRole(t testing.TB, role, annotator string) *Store {
	t.Helper()
	s, err := Open(ctxb, tm.roleURL(role), Options{Annotator: annotator})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// raw is a plain pgx connection as role: what a member could do without Gloss.
func (tm *team) raw(t *testing.T, role string) *pgx.Conn {
	t.Helper()
	c, err := pgx.Connect(ctxb, tm.roleURL(role))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close(context.Background()) })
	return c
}

// wantForbidden checks that err is EFORBIDDEN with exactly message msg.
func wantForbidden(t *testing.T, err error, msg string) {
	t.Helper()
	if annotate.ErrorCode(err) != annotate.EFORBIDDEN || err.Error() != msg {
		t.Fatalf("got error %v (code %q), want EFORBIDDEN %q", err, annotate.ErrorCode(err), msg)
	}
}

// wantRefused checks that the server refused a raw statement with SQLSTATE
// 42501 and a message containing msg.
func wantRefused(t *testing.T, err error, msg string) {
	t.Helper()
	var pe *pgconn.PgError
	if !errors.As(err, &pe) || pe.Code != "42501" || !strings.Contains(pe.Message, msg) {
		t.Fatalf("got %v, want the server's refusal (42501) %q", err, msg)
	}
}

// annotators lists the annotators of the spans s sees in doc.
func annotators(t *testing.T, s *Store, doc string) string {
	t.Helper()
	spans, err := s.Spans(doc)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, sp := range spans {
		names = append(names, sp.Annotator)
	}
	return strings.Join(names, ",")
}
