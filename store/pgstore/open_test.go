package pgstore

import (
	"context"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"gloss/annotate"
	"gloss/internal/pgtest"
)

// exec runs SQL on the database at url outside any Store.
func exec(t *testing.T, url, sql string, args ...any) {
	t.Helper()
	ctx := context.Background()
	c, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	if _, err := c.Exec(ctx, sql, args...); err != nil {
		t.Fatal(err)
	}
}

// count returns a count(*) query's result on the database at url.
func count(t *testing.T, url, sql string) int {
	t.Helper()
	ctx := context.Background()
	c, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	var n int
	if err := c.QueryRow(ctx, sql).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestInitThenOpen(t *testing.T) {
	ctx := context.Background()
	s, url := newProject(t, "ann")
	l, d := seed(t, s)
	if err := s.AddSpan(annotate.NewSpan(d.ID, 0, 5, l.ID)); err != nil {
		t.Fatal(err)
	}
	s.Close()
	o, err := Open(ctx, url, Options{Annotator: "other"})
	if err != nil {
		t.Fatal(err)
	}
	defer o.Close()
	spans, err := o.Spans(d.ID)
	if err != nil || len(spans) != 1 || spans[0].Annotator != "ann" {
		t.Fatalf("reopened project has spans %v (%v), want ann's one span", spans, err)
	}
	if n := count(t, url, `SELECT count(*) FROM gloss_migrations`); n != SchemaVersion() {
		t.Errorf("%d migrations recorded, want %d", n, SchemaVersion())
	}
	if _, err := Init(ctx, url, Options{}); annotate.ErrorCode(err) != annotate.ECONFLICT {
		t.Errorf("Init on a project = %v, want ECONFLICT", err)
	}
}

func TestRefusals(t *testing.T) {
	ctx := context.Background()
	t.Run("open an empty database", func(t *testing.T) {
		url := pgtest.NewDatabase(t)
		_, err := Open(ctx, url, Options{})
		wantCode(t, err, annotate.ENOTFOUND)
		if n := count(t, url, `SELECT count(*) FROM pg_tables WHERE schemaname = 'public'`); n != 0 {
			t.Errorf("Open made %d tables in an empty database", n)
		}
	})
	t.Run("open another application's database", func(t *testing.T) {
		url := pgtest.NewDatabase(t)
		exec(t, url, `CREATE TABLE customers (id int); INSERT INTO customers VALUES (1)`)
		_, err := Open(ctx, url, Options{})
		wantCode(t, err, annotate.EINVALID)
		if !strings.Contains(err.Error(), "not a Gloss project") {
			t.Errorf("message %q does not say it is not a Gloss project", err)
		}
		if n := count(t, url, `SELECT count(*) FROM pg_tables WHERE schemaname = 'public'`); n != 1 {
			t.Errorf("the refused database has %d tables, want its 1", n)
		}
	})
	t.Run("init a non-empty database", func(t *testing.T) {
		url := pgtest.NewDatabase(t)
		exec(t, url, `CREATE SEQUENCE other_app_ids`)
		_, err := Init(ctx, url, Options{})
		wantCode(t, err, annotate.EINVALID)
		if n := count(t, url, `SELECT count(*) FROM pg_tables WHERE schemaname = 'public'`); n != 0 {
			t.Errorf("Init made %d tables in a refused database", n)
		}
	})
	t.Run("open a project of a newer Gloss", func(t *testing.T) {
		s, url := newProject(t, "ann")
		s.Close()
		exec(t, url, `INSERT INTO gloss_migrations(version, name, applied_at) VALUES ($1, 'future', 'x')`, SchemaVersion()+1)
		_, err := Open(ctx, url, Options{})
		wantCode(t, err, annotate.ECONFLICT)
		if !strings.Contains(err.Error(), "newer Gloss") {
			t.Errorf("message %q does not name a newer Gloss", err)
		}
	})
	t.Run("open a database without the project marker", func(t *testing.T) {
		s, url := newProject(t, "ann")
		s.Close()
		exec(t, url, `DELETE FROM gloss_project`)
		_, err := Open(ctx, url, Options{})
		wantCode(t, err, annotate.EINVALID)
	})
	t.Run("not a URL", func(t *testing.T) {
		_, err := Open(ctx, "/tmp/p.gloss", Options{})
		wantCode(t, err, annotate.EINVALID)
	})
}

func TestReadOnly(t *testing.T) {
	s, url := newProject(t, "ann")
	l, d := seed(t, s)
	ro, err := Open(context.Background(), url, Options{Annotator: "ann", ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if !ro.ReadOnly() {
		t.Error("ReadOnly() = false")
	}
	wantCode(t, ro.AddSpan(annotate.NewSpan(d.ID, 0, 3, l.ID)), annotate.EINVALID)
	wantCode(t, ro.AddLabel(annotate.NewLabel("x", "#000000", "", "")), annotate.EINVALID)
	if labels, err := ro.Labels(); err != nil || len(labels) != 1 {
		t.Errorf("read-only Labels = %v, %v", labels, err)
	}
	// The server refuses writes on its connections too.
	_, err = ro.pool.Exec(context.Background(), `DELETE FROM labels`)
	if sqlState(err) != "25006" {
		t.Errorf("a write on a read-only store's connection: %v, want read_only_sql_transaction", err)
	}
}

func TestURLs(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{{"postgres://h/db", true}, {"postgresql://u@h:5433/db?sslmode=require", true}, {"POSTGRES://h/db", true},
		{"project.gloss", false}, {"/home/x/postgres://", false}, {"mysql://h/db", false}} {
		if got := IsURL(c.in); got != c.want {
			t.Errorf("IsURL(%q) = %v, want %v", c.in, got, c.want)
		}
	}
	red := Redact("postgres://coder:s3cret@db.lab:5432/proj?sslmode=verify-full")
	if strings.Contains(red, "s3cret") || !strings.Contains(red, "coder:xxxxx@db.lab:5432/proj") || !strings.Contains(red, "sslmode=verify-full") {
		t.Errorf("Redact = %q", red)
	}
	if red := Redact("postgres://h/db?password=s3cret"); strings.Contains(red, "s3cret") {
		t.Errorf("Redact kept a password parameter: %q", red)
	}
}

func TestPasswordNeverShown(t *testing.T) {
	// Nothing listens on port 1: the connection fails, and neither the
	// error nor Path may show the password.
	_, err := Open(context.Background(), "postgres://coder:s3cret@127.0.0.1:1/proj?sslmode=disable&connect_timeout=2", Options{})
	if err == nil || strings.Contains(err.Error(), "s3cret") {
		t.Fatalf("error %v shows the password (or there is no error)", err)
	}
	s, url := newProject(t, "ann")
	if strings.Contains(s.Path(), "@") && strings.Contains(url, ":") && s.Path() != Redact(url) {
		t.Errorf("Path() = %q, want the redacted URL %q", s.Path(), Redact(url))
	}
}

func TestCredentialsFromEnvironmentAndSSLMode(t *testing.T) {
	// pgx reads PGPASSWORD (and ~/.pgpass) when the URL has no password,
	// and honours sslmode: the configuration the store connects with.
	t.Setenv("PGPASSWORD", "fromenv")
	cfg, err := pgxpool.ParseConfig("postgres://coder@db.lab/proj?sslmode=require")
	if err != nil {
		t.Fatal(err)
	}
	if cfg.ConnConfig.Password != "fromenv" {
		t.Errorf("password %q, want PGPASSWORD's", cfg.ConnConfig.Password)
	}
	if cfg.ConnConfig.TLSConfig == nil {
		t.Error("sslmode=require gives no TLS configuration")
	}
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("PGPASSWORD", "")
	t.Setenv("PGPASSFILE", home+"/.pgpass")
	exec2 := func() string {
		cfg, err := pgxpool.ParseConfig("postgres://coder@db.lab:5432/proj")
		if err != nil {
			t.Fatal(err)
		}
		return cfg.ConnConfig.Password
	}
	writeFile(t, home+"/.pgpass", "db.lab:5432:proj:coder:frompgpass\n")
	if got := exec2(); got != "frompgpass" {
		t.Errorf("password %q, want ~/.pgpass's", got)
	}
}
