package annotate

import "time"

// Backup is one saved copy of a project file.
type Backup struct {
	Path string    // the backup file, a complete project
	Time time.Time // when it was made, in UTC
	Size int64     // its size in bytes
}

// BackupKeeper lists and restores the rolling backups kept of project
// files. The store package provides one; the user interface offers restore
// through it.
type BackupKeeper interface {
	// List returns the backups of the project at path, newest first.
	List(project string) ([]Backup, error)
	// Restore replaces the project at path by a backup, saving the current
	// file as a backup first. The project must not be open.
	Restore(project, backup string) error
	// Damaged reports whether an error from opening a project means the
	// file is damaged, so that restoring a backup is the way out.
	Damaged(err error) bool
	// OpenProblem reports a backup that could not be made when p was opened.
	OpenProblem(p Project) error
}
