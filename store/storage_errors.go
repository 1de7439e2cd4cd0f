package store

import (
	"errors"
	"strings"

	"github.com/mattn/go-sqlite3"
)

// storageError is a failure of the disk or file under a project, reworded
// so that the user knows what happened and that nothing was half-saved.
// It wraps SQLite's error.
type storageError struct {
	msg string
	err error
}

func (e *storageError) Error() string { return e.msg }
func (e *storageError) Unwrap() error { return e.err }

// storageErr rewords SQLite's storage failures (disk full, file size limit,
// I/O error, file made read-only, lock held too long, damage) on the
// project at path; any other error is returned as it is. A failed
// transaction is rolled back whole, which the messages say.
func storageErr(path string, err error) error {
	var se sqlite3.Error
	if !errors.As(err, &se) {
		return err
	}
	var msg string
	switch se.Code {
	case sqlite3.ErrFull:
		msg = "could not save to " + path + ": the disk is full (or the file reached its size limit); nothing was changed. Free some space and try again"
	case sqlite3.ErrIoErr:
		msg = "could not save to " + path + ": the disk reported an error (" + se.Error() + "); nothing was changed. Check the disk, and keep a backup"
	case sqlite3.ErrReadonly, sqlite3.ErrPerm:
		msg = "could not save to " + path + ": the file or its folder is read-only now; nothing was changed"
	case sqlite3.ErrBusy, sqlite3.ErrLocked:
		msg = "could not save to " + path + ": another program kept the project busy for too long; nothing was changed. Try again"
	case sqlite3.ErrCorrupt, sqlite3.ErrNotADB:
		return damaged(path, se.Error())
	default:
		return err
	}
	return &storageError{msg, err}
}

// openErr rewords a storage failure while opening the project at path.
func openErr(path string, err error) error {
	var se sqlite3.Error
	if !errors.As(err, &se) {
		return err
	}
	switch se.Code {
	case sqlite3.ErrFull, sqlite3.ErrIoErr:
		return &storageError{"cannot open " + path + ": the disk is full or could not be written (" + se.Error() + "); the file was not changed", err}
	case sqlite3.ErrCantOpen:
		return &storageError{"cannot open " + path + ": SQLite could not open it or create its journal files beside it (is the folder read-only?)", err}
	}
	return err
}

// cannotWriteBeside reports whether SQLite failed for want of write access
// to the file or to its folder (where it keeps the -wal and -shm files).
func cannotWriteBeside(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && (se.Code == sqlite3.ErrReadonly || se.Code == sqlite3.ErrCantOpen || se.Code == sqlite3.ErrPerm)
}

// errorList is several errors reported on one line (errors.Join uses
// line breaks, which a one-line message in a dialog or terminal cannot show).
type errorList []error

func (l errorList) Error() string {
	msgs := make([]string, len(l))
	for i, err := range l {
		msgs[i] = err.Error()
	}
	return strings.Join(msgs, "; ")
}

func (l errorList) Unwrap() []error { return l }
