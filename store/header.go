package store

import (
	"database/sql"
	"os"
)

// pendingGlossHeader reports whether a file whose header carries no
// application ID is a Gloss project whose header is still in its -wal: a
// project just created by a process that has it open or was killed before
// the header reached the file (both leave the -wal and -shm files). It
// asks SQLite through a read-only connection, which never writes to the
// file and, with both files there, creates none.
func pendingGlossHeader(path string) bool {
	wal, err := os.Stat(path + "-wal")
	if err != nil || wal.Size() == 0 {
		return false
	}
	if _, err := os.Stat(path + "-shm"); err != nil {
		return false
	}
	db, err := sql.Open(driverName, "file:"+escapePath(path)+"?mode=ro&_busy_timeout=10000")
	if err != nil {
		return false
	}
	defer db.Close()
	var id int64
	return db.QueryRow(`PRAGMA application_id`).Scan(&id) == nil && id == ApplicationID
}
