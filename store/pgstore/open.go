// Package pgstore keeps a Gloss project in one PostgreSQL database: the
// server counterpart of package store (the SQLite project file), with the
// same behaviour through annotate.Project and annotate.Historian, for teams
// whose annotators work on one project at once. See docs/server.md.
package pgstore

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"gloss/annotate"
	"gloss/internal/whoami"
)

// Options tune how a project is opened, as store.Options does.
type Options struct {
	// Annotator is recorded on new spans and in the edit log; defaults to
	// $GLOSS_ANNOTATOR, else the OS user name (whoami.Default).
	Annotator string
	// ReadOnly opens without write access: every change is refused, and the
	// server refuses writes on the store's connections too.
	ReadOnly bool
}

// Store is a Gloss project in a PostgreSQL database. It implements
// annotate.Project, annotate.Historian, annotate.Source and
// annotate.Watcher, and is safe for use by many goroutines; many Stores
// (many annotators, on many machines) may have one project open at once.
type Store struct {
	pool      *pgxpool.Pool
	url       string // the URL with its password redacted
	readOnly  bool
	annotator string
	origin    string // this open project, to tell its own changes from others' (Listen)
	kind      string // the connection's kind of member ("" when not bound: see roles.go)

	closed context.Context // done once Close is called: Listen stops
	close  context.CancelFunc
}

var (
	_ annotate.Project   = (*Store)(nil)
	_ annotate.Historian = (*Store)(nil)
	_ annotate.Source    = (*Store)(nil)
	_ annotate.Watcher   = (*Store)(nil)
)

// IsURL reports whether s names a server project (a postgres:// or
// postgresql:// URL) rather than a project file.
func IsURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://")
}

// Redact returns the URL with its password, if any, replaced by xxxxx,
// for messages and for remembering the project (recent projects).
func Redact(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return "(a PostgreSQL URL that cannot be parsed)"
	}
	if q := u.Query(); q.Has("password") {
		q.Set("password", "xxxxx")
		u.RawQuery = q.Encode()
	}
	return u.Redacted()
}

// Init creates a Gloss project (with no labels) in an empty database: one
// with no tables, views or sequences of its own. A database that has any is
// refused with an EINVALID error (ECONFLICT when it is a Gloss project
// already) and left untouched.
func Init(ctx context.Context, rawURL string, opts Options) (*Store, error) {
	if opts.ReadOnly {
		return nil, annotate.Errorf(annotate.EINVALID, "%s: a project cannot be created read-only", Redact(rawURL))
	}
	s, err := connect(ctx, rawURL, opts)
	if err != nil {
		return nil, err
	}
	if err := s.create(ctx); err != nil {
		s.pool.Close()
		return nil, err
	}
	return s, nil
}

// Open opens the Gloss project in a database, bringing its schema up to
// date. A database that is not a Gloss project is refused with an EINVALID
// error (ENOTFOUND when it is empty: Init creates a project there), one
// from a newer Gloss with ECONFLICT; neither is changed.
func Open(ctx context.Context, rawURL string, opts Options) (*Store, error) {
	s, err := connect(ctx, rawURL, opts)
	if err != nil {
		return nil, err
	}
	if err := s.open(ctx); err != nil {
		s.pool.Close()
		return nil, err
	}
	if err := s.join(ctx, rawURL, opts); err != nil {
		s.pool.Close()
		return nil, err
	}
	return s, nil
}

// connect makes the connection pool. Credentials come from the URL,
// PGPASSWORD or ~/.pgpass and TLS from sslmode, as libpq does (pgx reads
// them); every connection says who it is for the live-update notices.
func connect(ctx context.Context, rawURL string, opts Options) (*Store, error) {
	shown := Redact(rawURL)
	if !IsURL(rawURL) {
		return nil, annotate.Errorf(annotate.EINVALID, "%s is not a postgres:// URL", shown)
	}
	cfg, err := pgxpool.ParseConfig(rawURL)
	if err != nil {
		return nil, annotate.Errorf(annotate.EINVALID, "%s: %v", shown, redactErr(err, rawURL))
	}
	s := &Store{url: shown, readOnly: opts.ReadOnly, annotator: opts.Annotator, origin: annotate.NewID()}
	s.closed, s.close = context.WithCancel(context.Background())
	if s.annotator == "" {
		s.annotator = whoami.Default()
	}
	rp := cfg.ConnConfig.RuntimeParams
	rp["application_name"] = "gloss"
	rp["gloss.annotator"] = s.annotator
	rp["gloss.origin"] = s.origin
	if opts.ReadOnly {
		rp["default_transaction_read_only"] = "on"
	}
	if cfg.MaxConns < 8 {
		cfg.MaxConns = 8
	}
	if s.pool, err = pgxpool.NewWithConfig(ctx, cfg); err != nil {
		return nil, fmt.Errorf("open %s: %w", shown, redactErr(err, rawURL))
	}
	if err := s.pool.Ping(ctx); err != nil {
		s.pool.Close()
		return nil, fmt.Errorf("open %s: %w", shown, redactErr(err, rawURL))
	}
	return s, nil
}

// redactErr keeps the password out of an error that quotes the URL.
func redactErr(err error, rawURL string) error {
	u, perr := url.Parse(rawURL)
	if perr != nil || u.User == nil {
		return err
	}
	if pw, ok := u.User.Password(); ok && pw != "" && strings.Contains(err.Error(), pw) {
		return fmt.Errorf("%s", strings.ReplaceAll(err.Error(), pw, "xxxxx"))
	}
	return err
}

// Path returns the project's URL with its password redacted.
func (s *Store) Path() string { return s.url }

// ReadOnly reports whether the project was opened without write access.
func (s *Store) ReadOnly() bool { return s.readOnly }

// Annotator returns the name recorded on new spans and edits.
func (s *Store) Annotator() string { return s.annotator }

// Close stops Listen and closes the store's connections.
func (s *Store) Close() error {
	s.close()
	s.pool.Close()
	return nil
}

// conn is what the helpers need from a transaction or the pool.
type conn interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}
