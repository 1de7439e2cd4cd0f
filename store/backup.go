package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"gloss/annotate"
)

// KeepBackups is how many automatic backups are kept per project: Open
// makes one of an existing project each time its content differs from the
// newest backup's (see contentToken and contentFingerprint), and then
// removes all but the newest KeepBackups.
const KeepBackups = 5

// BackupInfo describes one backup copy of a project.
type BackupInfo = annotate.Backup

// Backups lists the backups of the project at projectPath, newest first:
// those in the folder next to it, .NAME.backups/NAME-YYYYMMDD-HHMMSS.gloss,
// and those kept in the user's data folder when that folder could not be
// written. The project itself need not exist or be sound. Each listed file
// can be passed to Restore.
func Backups(projectPath string) ([]BackupInfo, error) {
	abs, err := filepath.Abs(projectPath)
	if err != nil {
		return nil, err
	}
	var all []backupFile
	for _, dir := range backupDirs(abs) {
		list, err := listBackups(dir, backupBase(abs))
		if err != nil {
			return nil, fmt.Errorf("list backups of %s: %w", projectPath, err)
		}
		all = append(all, list...)
	}
	sortBackups(all)
	out := make([]BackupInfo, len(all))
	for i, b := range all {
		out[i] = b.BackupInfo
	}
	return out, nil
}

// Backup writes a complete, compacted copy of the project to dest (a new
// file: an existing one is refused with ECONFLICT) with SQLite's VACUUM
// INTO. The copy is consistent even while this or another process writes,
// since it is read in one transaction; it is written to a temporary file,
// synced to disk and only then given its name, so dest is either the whole
// backup or absent. Read-only projects can be backed up too.
func (s *Store) Backup(dest string) error {
	abs, err := filepath.Abs(dest)
	if err != nil {
		return err
	}
	if _, err := os.Lstat(abs); err == nil {
		return annotate.Errorf(annotate.ECONFLICT, "%s already exists; choose a new name for the backup", dest)
	}
	dir := filepath.Dir(abs)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(abs)+".tmp-*")
	if err != nil {
		return fmt.Errorf("back up to %s: %w", dest, err)
	}
	name := tmp.Name()
	tmp.Close()
	done := false
	defer func() {
		if !done {
			os.Remove(name)
		}
	}()
	// VACUUM INTO accepts an existing file only when it is empty, as tmp is.
	if _, err := s.rdb.Exec(`VACUUM INTO ?`, name); err != nil {
		if isCorrupt(err) {
			return damaged(s.path, err.Error())
		}
		return fmt.Errorf("could not write the backup %s (is the disk full?): %w", dest, err)
	}
	if err := syncFile(name); err != nil {
		return fmt.Errorf("back up to %s: %w", dest, err)
	}
	if info, err := os.Stat(s.path); err == nil {
		os.Chmod(name, info.Mode().Perm())
	}
	if err := claimName(name, abs); err != nil {
		if errors.Is(err, os.ErrExist) {
			return annotate.Errorf(annotate.ECONFLICT, "%s already exists; choose a new name for the backup", dest)
		}
		return fmt.Errorf("back up to %s: %w", dest, err)
	}
	done = true
	syncDir(dir)
	return nil
}

// OpenBackup returns the rolling backup Open made of this project, and the
// error if making one failed (the project is open and usable regardless; a
// user interface should say that no backup could be made). Open only
// pins the state to copy: OpenBackup starts the copy if it is still
// waiting (see backupDelay) and waits until it is written (a user
// interface waits for OpenBackupDone off its event loop instead). The
// BackupInfo is zero when Open made none: the project was new, had no
// documents, had the content of its newest backup, was opened read-only or
// with NoBackup.
func (s *Store) OpenBackup() (BackupInfo, error) {
	s.backupNow()
	<-s.OpenBackupDone()
	return s.openBackup, s.openBackupErr
}

// OpenBackupDone returns a channel that is closed when the backup Open
// started is written (at once when it started none); the copy begins
// backupDelay after Open, or at OpenBackup or Close.
func (s *Store) OpenBackupDone() <-chan struct{} {
	if s.backupDone == nil {
		return closedChan
	}
	return s.backupDone
}

// backupDelay is how long after Open the copy waits, so that it does not
// compete with what is shown first (the state it copies is pinned at Open).
var backupDelay = time.Second

// backupNow starts the copy Open pinned without waiting for backupDelay.
func (s *Store) backupNow() {
	if s.backupGo != nil {
		s.backupGoOnce.Do(func() { close(s.backupGo) })
	}
}

var closedChan = func() chan struct{} { c := make(chan struct{}); close(c); return c }()

// startBackup starts Open's rolling backup: next to the project, or in the
// user's data folder when that fails, unless the project has no documents
// or its content is the newest backup's. What Open decides here costs the
// same whatever the corpus size: an unchanged file (its modification
// time) or the same content token as the newest backup means no backup is
// due. Otherwise it pins the project as it is now (see pinSnapshot) and a
// goroutine finishes in the background: when there is a newest backup, it
// compares the content fingerprints of the pinned state and of that backup
// (the token also changes with writes that leave the content as it was),
// then copies the pinned state, or lets it go when the content is the
// same. Edits made meanwhile are neither compared nor copied. It keeps the
// newest KeepBackups; since each backup differs from the one before it,
// the newest backup that differs from the project is always among them.
func (s *Store) startBackup(st projectStamp) {
	var has bool
	if err := s.db.QueryRow(`SELECT EXISTS (SELECT 1 FROM documents)`).Scan(&has); err != nil || !has {
		s.openBackupErr = err
		return
	}
	base := backupBase(s.path)
	dirs := backupDirs(s.path)
	var errs []error
	for i, dir := range dirs {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			errs = append(errs, err)
			continue
		}
		removeStaleParts(dir, base)
		newest := ""
		if list, _ := listBackups(dir, base); len(list) > 0 {
			newest = list[0].Path
			if st.unchangedSince(list[0].mod) {
				return
			}
			if s.sameToken(newest) || decideOnOpen && s.sameContent(newest) {
				st.standsFor(newest)
				return
			}
			if decideOnOpen {
				newest = "" // decided: a backup is due
			}
		}
		snap, err := pinSnapshot(s.path)
		if err != nil {
			s.openBackupErr = fmt.Errorf("could not back up %s: %w", s.path, err)
			return
		}
		done, now := make(chan struct{}), make(chan struct{})
		s.backupDone, s.backupGo = done, now
		go func() {
			defer close(done)
			defer snap.release()
			select {
			case <-now:
			case <-time.After(backupDelay):
			}
			if newest != "" && snap.sameContent(newest) {
				st.standsFor(newest)
				return
			}
			s.openBackup, s.openBackupErr = s.writeOpenBackup(snap, dirs[i:], st, errs)
		}()
		return
	}
	s.openBackupErr = fmt.Errorf("could not back up %s: %w", s.path, errorList(errs))
}

// writeOpenBackup writes the pinned state as a backup into the first of dirs
// that takes it, and prunes that folder.
func (s *Store) writeOpenBackup(snap *pinnedState, dirs []string, st projectStamp, errs []error) (BackupInfo, error) {
	base := backupBase(s.path)
	for _, dir := range dirs {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			errs = append(errs, err)
			continue
		}
		dest, err := snap.writeBackup(dir, base, st.mod)
		if err != nil {
			if isCorrupt(err) {
				return BackupInfo{}, damaged(s.path, err.Error())
			}
			errs = append(errs, fmt.Errorf("could not write a backup in %s (is the disk full?): %w", dir, err))
			continue
		}
		pruneBackups(dir, base, KeepBackups)
		list, _ := listBackups(dir, base)
		for _, b := range list {
			if b.Path == dest {
				return b.BackupInfo, nil
			}
		}
		return BackupInfo{}, fmt.Errorf("backup %s was made but not kept (another process made newer ones meanwhile)", dest)
	}
	return BackupInfo{}, fmt.Errorf("could not back up %s: %w", s.path, errorList(errs))
}

// projectStamp is what a project file looked like before Open touched it.
type projectStamp struct {
	mod      time.Time // the file's modification time; zero if unknown
	walDirty bool      // a non-empty -wal holds changes not yet in the file
	wal, shm bool      // a -wal, a -shm is beside the file
}

func statProject(abs string) projectStamp {
	info, err := os.Stat(abs)
	if err != nil {
		return projectStamp{}
	}
	wal, err := os.Lstat(abs + "-wal")
	_, serr := os.Lstat(abs + "-shm")
	return projectStamp{mod: info.ModTime(), walDirty: err == nil && wal.Size() > 0, wal: err == nil, shm: serr == nil}
}

// standsFor marks the backup at path, whose content is the project's, as
// standing for this state of the file too (it changed on disk, an edit log
// entry, not in content), so that the next Open of the unchanged file
// decides by the modification time alone.
func (st projectStamp) standsFor(path string) {
	if !st.mod.IsZero() {
		os.Chtimes(path, time.Now(), st.mod)
	}
}

// unchangedSince reports whether the project is known to be as it was
// when a backup carrying modification time mod was made.
func (st projectStamp) unchangedSince(mod time.Time) bool {
	return !st.mod.IsZero() && !st.walDirty && st.mod.Equal(mod)
}
