package store

import (
	"database/sql"
	"embed"
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"gloss/annotate"
)

//go:embed migration/*.sql
var migrationFS embed.FS

// migration is one embedded schema change, numbered by its file name prefix.
type migration struct {
	version int
	name    string
	sql     string
}

func loadMigrations() ([]migration, error) {
	entries, err := migrationFS.ReadDir("migration")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: name must start with a number and _", e.Name())
		}
		b, err := migrationFS.ReadFile(path.Join("migration", e.Name()))
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{v, e.Name(), string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("migration %s: expected number %d", m.name, i+1)
		}
	}
	return ms, nil
}

// SchemaVersion is the schema version this build of Gloss writes.
func SchemaVersion() int {
	ms, err := loadMigrations()
	if err != nil {
		panic(err)
	}
	return len(ms)
}

// migrationsTableSQL creates the table that records applied migrations.
const migrationsTableSQL = `CREATE TABLE IF NOT EXISTS gloss_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`

// migrate brings the schema up to date, one transaction per migration, and
// refuses a file written by a newer Gloss.
func migrate(db *sql.DB) error {
	return migrateTo(db, SchemaVersion())
}

// migrateTo applies the migrations up to version.
func migrateTo(db *sql.DB, version int) error {
	ms, err := loadMigrations()
	if err != nil {
		return err
	}
	if version < 0 || version > len(ms) {
		return fmt.Errorf("no schema version %d", version)
	}
	if _, err := db.Exec(migrationsTableSQL); err != nil {
		return err
	}
	var have int
	if err := db.QueryRow(`SELECT coalesce(max(version), 0) FROM gloss_migrations`).Scan(&have); err != nil {
		return err
	}
	if have > len(ms) {
		return annotate.Errorf(annotate.ECONFLICT,
			"this project was saved by a newer Gloss (schema %d; this Gloss knows up to %d): update Gloss to open it", have, len(ms))
	}
	for _, m := range ms[min(have, version):version] {
		if err := applyMigration(db, m); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	return nil
}

func applyMigration(db *sql.DB, m migration) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.Exec(m.sql); err != nil {
		return err
	}
	if _, err := tx.Exec(`INSERT INTO gloss_migrations(version, name, applied_at) VALUES (?, ?, ?)`,
		m.version, m.name, time.Now().UTC().Format(time.RFC3339Nano)); err != nil {
		return err
	}
	if _, err := tx.Exec(fmt.Sprintf(`PRAGMA user_version = %d`, m.version)); err != nil {
		return err
	}
	return tx.Commit()
}
