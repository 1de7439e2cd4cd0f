package store

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"gloss/annotate"
)

// inspect checks an existing project before it is opened for writing:
// checks whose cost does not grow with the corpus (opencheck.go; SQLite's
// quick check of every page only when they find something wrong), a schema version this Gloss knows,
// and a schema exactly as the migrations make it. It reads through a
// read-only connection that creates nothing beside the file (see
// readOnlyDSN and readOnlyCopy), so a refused file is left byte for byte
// as it was, its -wal too, with nothing added beside it.
func inspect(abs string, st projectStamp) error {
	if st.wal && !st.shm {
		return inspectCopy(abs)
	}
	err := inspectWith(abs, readOnlyDSN(abs, st))
	if err != nil && cannotWriteBeside(err) && !st.walDirty {
		// A read-only folder without an -shm: read the file as it is.
		err = inspectWith(abs, readOnlyDSN(abs, projectStamp{}))
	}
	return err
}

// readOnlyDSN names a connection that reads the project without writing
// to it. With no -wal or -shm beside the file, no other connection has it
// open, and it is read as an immutable file: nothing is created beside it.
// Otherwise it is read as usual (a read-only connection may create an
// -shm, which is why inspect copies a file that has a -wal but no -shm).
func readOnlyDSN(abs string, st projectStamp) string {
	name := "file:" + escapePath(abs) + "?mode=ro&_busy_timeout=10000"
	if !st.wal && !st.shm {
		name += "&immutable=1"
	}
	return name
}

// readOnlyCopy copies a project that has a -wal but no -shm (its last
// session crashed, or it was sent with its -wal) with its -wal into a new
// temporary folder, and returns the copy's DSN and a function removing it:
// SQLite cannot read a -wal without an -shm, and would leave one beside
// the project.
func readOnlyCopy(abs string) (string, func(), error) {
	dir, err := os.MkdirTemp("", "gloss-inspect-*")
	if err != nil {
		return "", nil, fmt.Errorf("check %s: %w", abs, err)
	}
	done := func() { os.RemoveAll(dir) }
	cp := filepath.Join(dir, "p.gloss")
	err = copyFile(abs, cp)
	if err == nil {
		if err = copyFile(abs+"-wal", cp+"-wal"); errors.Is(err, os.ErrNotExist) {
			err = nil
		}
	}
	if err != nil {
		done()
		return "", nil, fmt.Errorf("check %s: %w", abs, err)
	}
	return "file:" + escapePath(cp) + "?mode=ro&_busy_timeout=10000", done, nil
}

func inspectCopy(abs string) error {
	name, done, err := readOnlyCopy(abs)
	if err != nil {
		return err
	}
	defer done()
	return inspectWith(abs, name)
}

func inspectWith(abs, name string) error {
	db, err := sql.Open(driverName, name)
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if looksDamaged(abs) { // cheap: see opencheck.go
		if err := checkHealth(db, abs); err != nil {
			return err
		}
	}
	var v int
	if err := db.QueryRow(`PRAGMA user_version`).Scan(&v); err != nil {
		return storageErr(abs, err)
	}
	if v < 0 {
		return damaged(abs, fmt.Sprintf("its schema version %d is negative", v))
	}
	if v > SchemaVersion() {
		return annotate.Errorf(annotate.ECONFLICT, "this project was saved by a newer Gloss (schema %d; this Gloss knows up to %d): update Gloss to open it", v, SchemaVersion())
	}
	if err := verifySchema(db, abs, v); err != nil {
		return err
	}
	// The migrations that will run are chosen by what gloss_migrations
	// records: it must agree with the schema's version.
	// applied is the last migration of an unbroken run from 1.
	applied, err := appliedMigrations(db)
	if err != nil && v > 0 {
		return storageErr(abs, err)
	}
	if applied != v {
		return damaged(abs, fmt.Sprintf("it records migrations up to %d but its schema version is %d", applied, v))
	}
	return nil
}

// repairShm makes a -shm left unwritable beside a writable project
// writable again. SQLite creates the -shm with the project's mode, so a
// project opened while it was read-only (0444) leaves a 0444 -shm behind,
// and once the project is writable again every write would fail on it.
// The -shm only indexes the -wal; its mode guards nothing. Only its owner
// can change it; otherwise SQLite reports the project read-only as before.
func repairShm(abs string) {
	db, err := os.Stat(abs)
	if err != nil {
		return
	}
	shm, err := os.Lstat(abs + "-shm")
	if err != nil || !shm.Mode().IsRegular() || shm.Mode().Perm()&0o200 != 0 {
		return
	}
	os.Chmod(abs+"-shm", db.Mode().Perm()|0o200)
}

// appliedMigrations returns n where gloss_migrations records migrations 1 to
// n without a gap (a gap or a repeat ends the run).
func appliedMigrations(db *sql.DB) (int, error) {
	rows, err := db.Query(`SELECT version FROM gloss_migrations ORDER BY version`)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return 0, err
		}
		if v != n+1 {
			break
		}
		n = v
	}
	return n, rows.Err()
}
