package store

import (
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"gloss/annotate"
)

// Restore replaces the project at projectPath with the backup at
// backupPath (one of Backups(projectPath), or any Gloss project file).
//
// The backup is checked first: a file that is not a sound Gloss project,
// or one from a newer Gloss, is refused and nothing changes. So is a
// projectPath that holds another program's file. The current project is
// then itself backed up (a sound one as a normal backup, listed by
// Backups; a damaged one byte for byte, as NAME-YYYYMMDD-HHMMSS.damaged in
// the backups folder), and replaced: a sound project through SQLite's
// backup API, in one transaction that other processes with the file open
// see as one change; a damaged or missing one by renaming a checked copy
// into place. Close the project before restoring and open it again after.
func Restore(projectPath, backupPath string) error {
	abs, err := filepath.Abs(projectPath)
	if err != nil {
		return err
	}
	babs, err := filepath.Abs(backupPath)
	if err != nil {
		return err
	}
	bexists, _, err := checkFile(babs)
	if err != nil {
		return fmt.Errorf("cannot restore from it: %w", err)
	}
	if !bexists {
		return annotate.Errorf(annotate.ENOTFOUND, "%s: no such backup", backupPath)
	}
	// A project reached through a symbolic link is restored in its target;
	// its backups stay where Open and Backups look for them, by the link.
	target, err := followLinks(abs)
	if err != nil {
		return fmt.Errorf("restore %s: %w", projectPath, err)
	}
	pexists, err := checkRestoreTarget(target)
	if err != nil {
		return err
	}
	if pexists && sameFile(target, babs) {
		return annotate.Errorf(annotate.EINVALID, "%s is the project itself, not a backup of it", backupPath)
	}
	tmp, err := stageBackup(babs, filepath.Dir(target))
	if err != nil {
		return err
	}
	defer removeDB(tmp)
	if err := replaceProject(abs, target, pexists, tmp); err != nil {
		return err
	}
	for _, dir := range backupDirs(abs) {
		pruneBackups(dir, backupBase(abs), KeepBackups)
	}
	return nil
}

// checkRestoreTarget reports whether there is a project to replace,
// refusing a folder or a file of another program. An empty file (a project
// lost to a failing disk or program) counts as none and is restored over.
func checkRestoreTarget(abs string) (bool, error) {
	info, err := os.Stat(abs)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err == nil && info.Mode().IsRegular() && info.Size() == 0 {
		return false, nil
	}
	exists, _, err := checkFile(abs)
	if err != nil {
		return exists, fmt.Errorf("will not restore over it (if it is the damaged project, move it elsewhere first): %w", err)
	}
	return exists, nil
}

// stageBackup copies the backup (and its -wal, if any) next to the project
// and checks the copy: sound, a Gloss project, a schema this Gloss knows.
func stageBackup(backup, dir string) (string, error) {
	tmp, err := createStaged(dir)
	if err != nil {
		return "", fmt.Errorf("restore: %w", err)
	}
	ok := false
	defer func() {
		if !ok {
			removeDB(tmp)
		}
	}()
	if err := copyFile(backup, tmp); err != nil {
		return "", fmt.Errorf("restore: copy %s: %w", backup, err)
	}
	if _, err := os.Stat(backup + "-wal"); err == nil {
		if err := copyFile(backup+"-wal", tmp+"-wal"); err != nil {
			return "", fmt.Errorf("restore: copy %s-wal: %w", backup, err)
		}
	}
	db, err := sql.Open(driverName, "file:"+escapePath(tmp)+"?_busy_timeout=10000")
	if err != nil {
		return "", err
	}
	defer db.Close()
	if err := checkHealth(db, backup); err != nil {
		return "", fmt.Errorf("cannot restore from it: %w", err)
	}
	if err := checkSchema(db, true); err != nil {
		return "", fmt.Errorf("cannot restore from %s: %w", backup, err)
	}
	var v int
	if err := db.QueryRow(`PRAGMA user_version`).Scan(&v); err != nil {
		return "", fmt.Errorf("restore: %w", err)
	}
	if err := verifySchema(db, backup, v); err != nil {
		return "", fmt.Errorf("cannot restore from it: %w", err)
	}
	if _, err := db.Exec(`PRAGMA journal_mode = DELETE`); err != nil { // fold a -wal into the copy
		return "", fmt.Errorf("restore: %w", err)
	}
	ok = true
	return tmp, nil
}

// replaceProject saves the current project at target (abs, or the file a
// link at abs points to) and puts the staged copy in its place, with the
// project's permissions.
func replaceProject(abs, target string, exists bool, staged string) error {
	mode := os.FileMode(0)
	if info, err := os.Stat(target); err == nil {
		mode = info.Mode().Perm()
	}
	if exists {
		// Checked read-only first: a damaged (or tampered) project is saved
		// byte for byte as it is, not as a connection closing it leaves it.
		err := inspect(target, statProject(target))
		if err != nil && !errors.Is(err, ErrDamaged) && annotate.ErrorCode(err) != annotate.ECONFLICT {
			return fmt.Errorf("restore %s: %w", abs, err)
		}
		if !errors.Is(err, ErrDamaged) {
			db, err := sql.Open(driverName, dsn(target, false))
			if err != nil {
				return err
			}
			defer db.Close()
			if err := saveBeforeRestore(db, abs); err != nil {
				return err
			}
			return copyDatabase(db, staged)
		}
		if err := saveDamaged(abs, target); err != nil {
			return err
		}
	}
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		if err := os.Remove(target + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("restore %s: %w", abs, err)
		}
	}
	if mode != 0 {
		if err := os.Chmod(staged, mode); err != nil {
			return fmt.Errorf("restore %s: %w", abs, err)
		}
	}
	if err := syncFile(staged); err != nil {
		return err
	}
	if err := os.Rename(staged, target); err != nil {
		return fmt.Errorf("restore %s: %w", abs, err)
	}
	syncDir(filepath.Dir(target))
	return nil
}

// createStaged creates a new empty file in dir for a restored project,
// with the permissions SQLite gives a new project (0644 less the umask),
// which a project that did not exist keeps.
func createStaged(dir string) (string, error) {
	for try := 0; ; try++ {
		name := filepath.Join(dir, ".gloss-restore-"+strconv.FormatUint(rand.Uint64(), 36)+".gloss")
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			return name, f.Close()
		}
		if !errors.Is(err, os.ErrExist) || try == 10 {
			return "", err
		}
	}
}

// followLinks returns the file a chain of symbolic links at p ends in
// (also when that file does not exist yet), or p when it is no link.
func followLinks(p string) (string, error) {
	for i := 0; i < 40; i++ {
		info, err := os.Lstat(p)
		if err != nil || info.Mode()&os.ModeSymlink == 0 {
			return p, nil
		}
		to, err := os.Readlink(p)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(to) {
			to = filepath.Join(filepath.Dir(p), to)
		}
		p = to
	}
	return "", fmt.Errorf("%s: too many levels of symbolic links", p)
}

// saveBeforeRestore backs up the sound project about to be replaced.
func saveBeforeRestore(db *sql.DB, abs string) error {
	s := &Store{db: db, rdb: db, path: abs}
	var errs []error
	for _, dir := range backupDirs(abs) {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			errs = append(errs, err)
			continue
		}
		if err := s.Backup(newBackupPath(dir, backupBase(abs), time.Now())); err != nil {
			errs = append(errs, err)
			continue
		}
		return nil
	}
	return fmt.Errorf("restore: could not first back up the current %s, so it was not replaced: %w", abs, errorList(errs))
}

// saveDamaged copies a damaged project at target (and its -wal) byte for
// byte into the backups folder of the project at abs before it is replaced.
func saveDamaged(abs, target string) error {
	var errs []error
	for _, dir := range backupDirs(abs) {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			errs = append(errs, err)
			continue
		}
		dest := filepath.Join(dir, backupBase(abs)+"-"+time.Now().UTC().Format(backupTimeLayout)+".damaged")
		err := copyFile(target, dest)
		if _, werr := os.Stat(target + "-wal"); err == nil && werr == nil {
			err = copyFile(target+"-wal", dest+"-wal")
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		return nil
	}
	return fmt.Errorf("restore: could not first save a copy of the damaged %s, so it was not replaced: %w", abs, errorList(errs))
}
