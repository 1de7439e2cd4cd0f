package store

import (
	"database/sql"
	"os"

	"gloss/annotate"
)

// inspect checks an existing project before it is opened for writing:
// SQLite's quick check of every page, a schema version this Gloss knows,
// and a schema exactly as the migrations make it. It reads through a
// read-only connection; when no -wal or -shm is beside the file, as an
// immutable file, so that it creates none either. A refused file is thus
// left byte for byte as it was, with nothing added beside it.
func inspect(abs string, st projectStamp) error {
	err := inspectWith(abs, !st.wal && !st.shm)
	if err != nil && cannotWriteBeside(err) && !st.walDirty {
		// A read-only folder without an -shm: read the file as it is.
		err = inspectWith(abs, true)
	}
	return err
}

func inspectWith(abs string, immutable bool) error {
	name := "file:" + escapePath(abs) + "?mode=ro&_busy_timeout=10000"
	if immutable {
		name += "&immutable=1"
	}
	db, err := sql.Open(driverName, name)
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if err := checkHealth(db, abs); err != nil {
		return err
	}
	var v int
	if err := db.QueryRow(`PRAGMA user_version`).Scan(&v); err != nil {
		return storageErr(abs, err)
	}
	if v > SchemaVersion() {
		return annotate.Errorf(annotate.ECONFLICT, "this project was saved by a newer Gloss (schema %d; this Gloss knows up to %d): update Gloss to open it", v, SchemaVersion())
	}
	return verifySchema(db, abs, v)
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
