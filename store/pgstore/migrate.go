package pgstore

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"gloss/annotate"
)

//go:embed migration/*.sql
var migrationFS embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns the embedded migrations in order; their file names
// are NNN_name.sql.
func migrations() []migration {
	entries, err := migrationFS.ReadDir("migration")
	if err != nil {
		panic(err) // embedded at build time
	}
	var out []migration
	for _, e := range entries {
		num, name, _ := strings.Cut(strings.TrimSuffix(e.Name(), ".sql"), "_")
		v, err := strconv.Atoi(num)
		if err != nil {
			panic("pgstore: migration file without a number: " + e.Name())
		}
		b, _ := migrationFS.ReadFile("migration/" + e.Name())
		out = append(out, migration{v, name, string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	return out
}

// SchemaVersion is the newest schema this Gloss knows.
func SchemaVersion() int {
	m := migrations()
	return m[len(m)-1].version
}

// migrationLock is the advisory lock key that serialises creating and
// upgrading a project ("Glos").
const migrationLock = 0x476C6F73

// state says what the database holds: whether it has the migrations
// table, and how many relations of its own (tables, views, sequences...).
func (s *Store) state(ctx context.Context, q conn) (project bool, own int, err error) {
	err = q.QueryRow(ctx, `SELECT to_regclass('gloss_migrations') IS NOT NULL,
		(SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		 WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
		   AND n.nspname NOT LIKE 'pg_temp%')`).Scan(&project, &own)
	return project, own, err
}

// create applies every migration to an empty database.
func (s *Store) create(ctx context.Context) error {
	return s.withMigrationLock(ctx, func(c *pgx.Conn) error {
		project, own, err := s.state(ctx, c)
		switch {
		case err != nil:
			return fmt.Errorf("init %s: %w", s.url, err)
		case project:
			return annotate.Errorf(annotate.ECONFLICT, "%s is a Gloss project already: open it instead", s.url)
		case own > 0:
			return annotate.Errorf(annotate.EINVALID, "%s is not empty (%d tables, views or sequences): a project is created only in an empty database; it was not changed", s.url, own)
		}
		return s.migrate(ctx, c, 0)
	})
}

// open checks that the database is a Gloss project this Gloss can read and
// brings an older schema up to date (unless read-only).
func (s *Store) open(ctx context.Context) error {
	check := func(c *pgx.Conn) (int, error) {
		project, own, err := s.state(ctx, c)
		switch {
		case err != nil:
			return 0, fmt.Errorf("open %s: %w", s.url, err)
		case !project && own == 0:
			return 0, annotate.Errorf(annotate.ENOTFOUND, "%s is an empty database, not a Gloss project: gloss-cli init creates one there", s.url)
		case !project:
			return 0, annotate.Errorf(annotate.EINVALID, "%s is not a Gloss project (it has tables of another application); it was not changed", s.url)
		}
		var v int
		var app string
		err = c.QueryRow(ctx, `SELECT (SELECT coalesce(max(version), 0) FROM gloss_migrations),
			coalesce((SELECT application FROM gloss_project WHERE id = 1), '')`).Scan(&v, &app)
		switch {
		case err != nil:
			return 0, annotate.Errorf(annotate.EINVALID, "%s is not a Gloss project (%v); it was not changed", s.url, err)
		case app != "gloss":
			return 0, annotate.Errorf(annotate.EINVALID, "%s is not a Gloss project (no project marker); it was not changed", s.url)
		case v > SchemaVersion():
			return 0, annotate.Errorf(annotate.ECONFLICT, "%s was saved by a newer Gloss (schema %d; this Gloss knows up to %d): update Gloss to open it", s.url, v, SchemaVersion())
		case v < SchemaVersion() && s.readOnly:
			return 0, annotate.Errorf(annotate.EINVALID, "%s has an older schema (%d) that must be upgraded: open it once with write access", s.url, v)
		}
		return v, nil
	}
	c, err := s.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("open %s: %w", s.url, err)
	}
	v, err := check(c.Conn())
	c.Release()
	if err != nil || v == SchemaVersion() {
		return err
	}
	return s.withMigrationLock(ctx, func(c *pgx.Conn) error {
		v, err := check(c) // another Gloss may have upgraded it meanwhile
		if err != nil {
			return err
		}
		return s.migrate(ctx, c, v)
	})
}

// withMigrationLock runs fn on one connection holding the migration lock.
func (s *Store) withMigrationLock(ctx context.Context, fn func(*pgx.Conn) error) error {
	c, err := s.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("open %s: %w", s.url, err)
	}
	defer c.Release()
	if _, err := c.Exec(ctx, `SELECT pg_advisory_lock($1)`, migrationLock); err != nil {
		return fmt.Errorf("open %s: %w", s.url, err)
	}
	defer c.Exec(context.Background(), `SELECT pg_advisory_unlock($1)`, migrationLock)
	return fn(c.Conn())
}

// migrate applies the migrations after version from, each in its own
// transaction with its record in gloss_migrations.
func (s *Store) migrate(ctx context.Context, c *pgx.Conn, from int) error {
	for _, m := range migrations() {
		if m.version <= from {
			continue
		}
		err := pgx.BeginFunc(ctx, c, func(tx pgx.Tx) error {
			if m.version == 1 {
				if _, err := tx.Exec(ctx, `CREATE TABLE gloss_migrations (
					version    integer PRIMARY KEY,
					name       text NOT NULL,
					applied_at text NOT NULL)`); err != nil {
					return err
				}
			}
			if _, err := tx.Exec(ctx, m.sql); err != nil {
				return err
			}
			if m.version == 1 {
				if _, err := tx.Exec(ctx, `INSERT INTO gloss_project(id, application, created_at) VALUES (1, 'gloss', $1)`, now()); err != nil {
					return err
				}
			}
			_, err := tx.Exec(ctx, `INSERT INTO gloss_migrations(version, name, applied_at) VALUES ($1, $2, $3)`, m.version, m.name, now())
			return err
		})
		if err != nil {
			var ae *annotate.Error
			if errors.As(err, &ae) {
				return err
			}
			if sqlState(err) == "42501" { // not the owner: see roles.go
				return upgradeRefused(s.url, from, m)
			}
			return fmt.Errorf("%s: migration %03d_%s: %w", s.url, m.version, m.name, err)
		}
	}
	return nil
}
