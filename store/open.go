// Package store keeps a Gloss project in one SQLite file (*.gloss): embedded
// migrations, one transaction per operation, and a file header check so that
// no file that is not ours is ever written to.
package store

import (
	"bytes"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"gloss/annotate"
	"gloss/internal/whoami"

	_ "github.com/mattn/go-sqlite3" // the SQLite driver
)

// ApplicationID marks a SQLite file as a Gloss project ("Glos" in ASCII).
const ApplicationID = 0x476C6F73

// Options tune how a project is opened.
type Options struct {
	// Annotator is recorded on new spans and in the edit log; defaults to
	// whoami.Default(): $GLOSS_ANNOTATOR, else the OS user name.
	Annotator string
	// ReadOnly opens without write access even when the file is writable.
	ReadOnly bool
	// NoCreate refuses to create a missing file.
	NoCreate bool
	// NoBackup skips the rolling backup that Open makes of an existing
	// project (see Backups), for tools that open a file many times a second.
	NoBackup bool
}

// Store is an open project file. It implements annotate.Project.
type Store struct {
	db        *sql.DB // writes: transactions take the write lock at BEGIN
	rdb       *sql.DB // reads: deferred transactions that never block writers
	path      string
	readOnly  bool
	annotator string

	openBackup    BackupInfo    // the backup Open made, if any: set before backupDone closes
	openBackupErr error         // why Open could not make one
	backupDone    chan struct{} // closed when the backup Open started is written; nil: none
	backupGo      chan struct{} // closed to start that backup before backupDelay
	backupGoOnce  sync.Once

	lengths sync.Map // lengthKey -> a document length checked against its text
}

var _ annotate.Project = (*Store)(nil)

// Open opens the project at path, creating it (with no labels) when missing.
// A file that is not a Gloss project is refused with an EINVALID error and
// left untouched; one from a newer Gloss is refused with ECONFLICT; a
// damaged one with an error matching ErrDamaged, as far as checks whose
// cost does not grow with the corpus can tell (see opencheck.go: damage
// they miss is reported when it is read, and by Check and
// CheckInBackground). Opening an existing writable project with documents
// that changed since its newest backup starts a rolling backup of it as it
// is before anything is written: Open returns while the copy is written in
// the background, and Close waits for it (see Backups and OpenBackup).
func Open(path string, opts Options) (*Store, error) {
	if err := requireFTS5(); err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	exists, writable, err := checkFile(abs)
	if err != nil {
		return nil, err
	}
	if !exists && (opts.NoCreate || opts.ReadOnly) {
		return nil, annotate.Errorf(annotate.ENOTFOUND, "%s: no such project file", path)
	}
	ro := opts.ReadOnly || (exists && !writable)
	stamp := statProject(abs)
	if exists {
		// Everything that can refuse the file is checked through a
		// connection that cannot write, so a refused file is left as it was.
		if err := inspect(abs, stamp); err != nil {
			return nil, err
		}
		if !ro {
			repairShm(abs)
		}
	}
	s, err := openFile(abs, exists, ro, false, opts, stamp)
	if err != nil && exists && cannotWriteBeside(err) {
		// The folder cannot be written (read-only media, another user's
		// folder), so SQLite cannot make its journal files: open read-only,
		// and failing that as an unchanging file (safe only when no journal
		// holds changes that are not in the file yet).
		if !ro {
			s, err = openFile(abs, exists, true, false, opts, stamp)
		}
		if err != nil && cannotWriteBeside(err) && !stamp.walDirty {
			s, err = openFile(abs, exists, true, true, opts, stamp)
		}
	}
	if err == nil {
		return s, nil
	}
	if !exists {
		removeDB(abs) // a project that could not be created leaves no empty file behind
	}
	if isCorrupt(err) {
		err = damaged(abs, err.Error())
	}
	if errors.Is(err, ErrDamaged) {
		return nil, err
	}
	if e := openErr(abs, err); e != err {
		return nil, e
	}
	return nil, fmt.Errorf("open %s: %w", path, err)
}

// openFile opens the two connection pools on the file and initialises it;
// immutable tells SQLite that nothing can change the file, so that it
// reads it without journal files.
func openFile(abs string, exists, ro, immutable bool, opts Options, stamp projectStamp) (*Store, error) {
	name := dsn(abs, ro)
	if immutable {
		name += "&immutable=1"
	}
	db, err := sql.Open(driverName, name)
	if err != nil {
		return nil, err
	}
	rdb, err := sql.Open(driverName, strings.Replace(name, "_txlock=immediate", "_txlock=deferred", 1))
	if err != nil {
		db.Close()
		return nil, err
	}
	s := &Store{db: db, rdb: rdb, path: abs, readOnly: ro, annotator: opts.Annotator}
	if s.annotator == "" {
		s.annotator = whoami.Default()
	}
	backup := func() {
		if exists && !opts.NoBackup {
			s.startBackup(stamp)
		}
	}
	if err := s.init(exists, backup); err != nil {
		s.OpenBackup() // the copy of the file as it was before the failed upgrade
		rdb.Close()
		db.Close()
		return nil, err
	}
	return s, nil
}

// init checks an existing file's health, then (when writable) backs it up
// and brings its schema up to date, so that the backup predates any upgrade.
func (s *Store) init(exists bool, backup func()) error {
	if err := s.db.Ping(); err != nil {
		return err
	}
	if s.readOnly {
		return checkSchema(s.db, false)
	}
	if !exists {
		if _, err := s.db.Exec(fmt.Sprintf(`PRAGMA application_id = %d`, ApplicationID)); err != nil {
			return err
		}
	} else {
		if err := checkSchema(s.db, true); err != nil {
			return err
		}
		backup()
	}
	if err := migrate(s.db); err != nil {
		return err
	}
	if !exists {
		// Put the new header (with the application ID) into the file itself,
		// so that other processes recognise the project while this one has it open.
		s.db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`)
	}
	return nil
}

// checkSchema refuses a file whose schema is newer than this Gloss knows
// and, unless upgradable, one that is older (a read-only file cannot be upgraded).
func checkSchema(db *sql.DB, upgradable bool) error {
	var v int
	if err := db.QueryRow(`PRAGMA user_version`).Scan(&v); err != nil {
		return err
	}
	if v > SchemaVersion() {
		return annotate.Errorf(annotate.ECONFLICT, "this project was saved by a newer Gloss (schema %d; this Gloss knows up to %d): update Gloss to open it", v, SchemaVersion())
	}
	if v < SchemaVersion() && !upgradable {
		return annotate.Errorf(annotate.EINVALID, "this read-only project has an older schema (%d) that must be upgraded: make the file writable and open it once", v)
	}
	return nil
}

func dsn(abs string, ro bool) string {
	r := strings.NewReplacer("%", "%25", "?", "%3F", "#", "%23")
	q := "_foreign_keys=on&_busy_timeout=10000&_txlock=immediate&_sync=FULL"
	if ro {
		q += "&mode=ro"
	} else {
		q += "&_journal_mode=WAL"
	}
	return "file:" + r.Replace(abs) + "?" + q
}

// checkFile reads the file's header, without writing, and refuses anything
// that is not a Gloss project: a folder, an empty or non-SQLite file, or a
// SQLite file with another application ID.
func checkFile(path string) (exists, writable bool, err error) {
	info, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		dir := filepath.Dir(path)
		if st, derr := os.Stat(dir); derr != nil || !st.IsDir() {
			return false, false, annotate.Errorf(annotate.ENOTFOUND, "%s: folder %s does not exist", path, dir)
		}
		return false, true, nil
	}
	if err != nil {
		return false, false, annotate.Errorf(annotate.EINVALID, "%s: %v", path, err)
	}
	if info.IsDir() {
		return true, false, annotate.Errorf(annotate.EINVALID, "%s is a folder, not a Gloss project file", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return true, false, annotate.Errorf(annotate.EINVALID, "%s: cannot read: %v", path, err)
	}
	defer f.Close()
	head := make([]byte, 100)
	n, err := io.ReadFull(f, head)
	switch {
	case n == 0:
		return true, false, annotate.Errorf(annotate.EINVALID, "%s is empty, not a Gloss project", path)
	case err != nil || !bytes.HasPrefix(head, []byte("SQLite format 3\x00")):
		return true, false, annotate.Errorf(annotate.EINVALID, "%s is not a Gloss project (not a SQLite database)", path)
	}
	if id := binary.BigEndian.Uint32(head[68:72]); id != ApplicationID && !(id == 0 && pendingGlossHeader(path)) {
		return true, false, annotate.Errorf(annotate.EINVALID, "%s is a SQLite database of another application (id %#x), not a Gloss project; it was not changed", path, id)
	}
	w, err := os.OpenFile(path, os.O_RDWR, 0)
	if err == nil {
		w.Close()
		return true, true, nil
	}
	return true, false, nil
}

// Path returns the project file's absolute path.
func (s *Store) Path() string { return s.path }

// ReadOnly reports whether the project was opened without write access.
func (s *Store) ReadOnly() bool { return s.readOnly }

// Annotator returns the name recorded on new spans and edits.
func (s *Store) Annotator() string { return s.annotator }

// Close waits for the backup Open started, if it is still being written
// (never cancelled: it is the only copy of the project as it was before
// this session), then checkpoints the journal and closes the file.
func (s *Store) Close() error {
	s.OpenBackup()
	if !s.readOnly {
		s.db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`)
	}
	s.rdb.Close()
	return s.db.Close()
}
