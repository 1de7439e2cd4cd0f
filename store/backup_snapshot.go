package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"
)

// The rolling backup is copied off the open path: Open pins the project as
// it is on a connection of its own (a read transaction, which in WAL mode
// sees one state of the file however much others write after it began) and
// returns; a goroutine then copies that state page by page with SQLite's
// online backup API. sqlite3_backup_step reads the source through the
// source connection's open read transaction when it has one (backup.c: it
// begins, and later ends, a transaction only when none is open), so every
// step copies the pinned state, never a page of a later write, and the
// copy never restarts: a restart happens only when the source connection's
// own page cache is reset, which a transaction that stays open prevents.

// backupStepPages is how many pages one backup step copies (4 MB of 4 kB
// pages); tests make it small so that writes land between steps.
var backupStepPages = 1024

// backupStepHook, when set (by tests), runs before each backup step with
// the number of pages copied so far.
var backupStepHook func(copied int)

// pinnedState is a project pinned as it was at one moment, for copying.
type pinnedState struct {
	db   *sql.DB   // a pool of its own, holding conn
	conn *sql.Conn // in a read transaction until release
	at   time.Time // when it was pinned: the backup's name
	mode os.FileMode
}

// pinSnapshot opens a connection on the project at abs and begins a read
// transaction on it, reading one row so that SQLite takes its WAL read
// mark: from then on the connection sees the project as it is now.
func pinSnapshot(abs string) (*pinnedState, error) {
	db, err := sql.Open(driverName, dsn(abs, false))
	if err != nil {
		return nil, err
	}
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		db.Close()
		return nil, err
	}
	var n int
	if _, err = conn.ExecContext(ctx, `BEGIN`); err == nil {
		err = conn.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema`).Scan(&n)
	}
	if err != nil {
		conn.Close()
		db.Close()
		return nil, err
	}
	snap := &pinnedState{db: db, conn: conn, at: time.Now(), mode: 0o644}
	if info, err := os.Stat(abs); err == nil {
		snap.mode = info.Mode().Perm()
	}
	return snap, nil
}

// release ends the read transaction and closes the connection.
func (sn *pinnedState) release() {
	sn.conn.ExecContext(context.Background(), `ROLLBACK`)
	sn.conn.Close()
	sn.db.Close()
}

// fingerprint returns the content fingerprint of the pinned state (not of
// the project as it is now, which the session may have changed since).
func (sn *pinnedState) fingerprint() ([32]byte, error) {
	if fingerprintHook != nil {
		fingerprintHook()
	}
	return hashContent(sn.conn)
}

// fingerprintHook, when set (by tests), runs before the fingerprint of a
// pinned state is computed.
var fingerprintHook func()

// writeBackup copies the pinned state into a new backup in dir, named for the
// moment it was pinned, with the project's modification time mod (zero:
// left as it is). The copy is written to a temporary part file (see
// createPart), synced, and only then given its name, so that Backups and
// Restore never see a partial copy.
func (sn *pinnedState) writeBackup(dir, base string, mod time.Time) (string, error) {
	part, err := createPart(dir, base)
	if err != nil {
		return "", err
	}
	defer part.release()
	if err := sn.copyTo(part.name); err != nil {
		return "", err
	}
	if err := syncFile(part.name); err != nil {
		return "", err
	}
	os.Chmod(part.name, sn.mode)
	if !mod.IsZero() {
		// The copy carries the project's modification time, which is how
		// the next Open tells that nothing changed since.
		os.Chtimes(part.name, time.Now(), mod)
	}
	for try := 0; ; try++ {
		dest := newBackupPath(dir, base, sn.at)
		err := claimName(part.name, dest)
		if err == nil {
			part.claimed = true
			syncDir(dir)
			return dest, nil
		}
		if !errors.Is(err, os.ErrExist) || try == 5 { // else another process took the name
			return "", err
		}
	}
}

// copyTo copies the pinned state into the empty database file at name,
// in steps of backupStepPages, and leaves it in rollback-journal mode, a
// file that stands alone.
func (sn *pinnedState) copyTo(name string) error {
	c, err := sn.db.Driver().Open("file:" + escapePath(name) + "?_sync=OFF&_journal_mode=MEMORY")
	if err != nil {
		return err
	}
	dst := c.(*sqlite3.SQLiteConn)
	defer dst.Close()
	err = sn.conn.Raw(func(dc any) error {
		bk, err := dst.Backup("main", dc.(*sqlite3.SQLiteConn), "main")
		if err != nil {
			return err
		}
		for copied := 0; ; copied += backupStepPages {
			if backupStepHook != nil {
				backupStepHook(copied)
			}
			done, err := bk.Step(backupStepPages)
			if err != nil {
				bk.Finish()
				return err
			}
			if done {
				break
			}
		}
		return bk.Finish()
	})
	if err != nil {
		return err
	}
	// A copy of a WAL project says WAL in its header; a backup is one file.
	if _, err := dst.Exec(`PRAGMA journal_mode = DELETE`, nil); err != nil {
		return err
	}
	return nil
}

// part is a backup being written: .NAME-backup-*.partial in the backups
// folder, locked (see lockPart) until it has its name or is removed.
type part struct {
	name    string
	lock    io.Closer
	claimed bool
}

// createPart creates a new, empty, locked part file in dir.
func createPart(dir, base string) (*part, error) {
	for try := 0; ; try++ {
		f, err := os.CreateTemp(dir, "."+base+"-backup-*.partial")
		if err != nil {
			return nil, err
		}
		lock, err := lockPart(f)
		if err == nil {
			return &part{name: f.Name(), lock: lock}, nil
		}
		f.Close()
		os.Remove(f.Name())
		if try == 3 {
			return nil, fmt.Errorf("could not make a temporary file in %s: %v", dir, err)
		}
	}
}

// release removes an unclaimed part and lets go of the lock.
func (p *part) release() {
	if !p.claimed {
		os.Remove(p.name)
	}
	p.lock.Close()
}

// removeStaleParts removes the part files in dir that no running backup
// holds: those a crash or a killed process left.
func removeStaleParts(dir, base string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		n := e.Name()
		if strings.HasPrefix(n, "."+base+"-backup-") && strings.HasSuffix(n, ".partial") && partAbandoned(filepath.Join(dir, n)) {
			os.Remove(filepath.Join(dir, n))
		}
	}
}
