package store

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/mattn/go-sqlite3"

	"gloss/annotate"
)

// ErrDamaged is in the chain of every error that reports a damaged project
// file (truncated, overwritten, bad sectors): test with errors.Is and offer
// to restore one of Backups(path). The error itself also carries the
// annotate.EINVALID code and a message that says what to do.
var ErrDamaged = errors.New("project file is damaged")

// damagedError is a domain error that also matches ErrDamaged.
type damagedError struct{ err *annotate.Error }

func (e damagedError) Error() string        { return e.err.Error() }
func (e damagedError) Unwrap() error        { return e.err }
func (e damagedError) Is(target error) bool { return target == ErrDamaged }

// damaged returns the error for a damaged project file at path; detail is
// SQLite's account of the damage (shortened).
func damaged(path, detail string) error {
	return damagedError{annotate.Errorf(annotate.EINVALID,
		"%s is damaged and cannot be used safely (%s); it was not changed. Restore a backup: "+
			"File ▸ Restore in Gloss, or gloss-cli backup --list and gloss-cli restore", path, shorten(detail))}
}

// isCorrupt reports whether err is SQLite saying the file is not a sound database.
func isCorrupt(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && (se.Code == sqlite3.ErrCorrupt || se.Code == sqlite3.ErrNotADB)
}

// checkHealth runs SQLite's quick structural check of every page (about
// 40 ms for an 80 MB project, growing with the file) and reports damage as
// a damaged error. Open runs it only when its cheap checks see damage
// (looksDamaged); restoring a backup runs it always.
func checkHealth(db *sql.DB, path string) error {
	rows, err := db.Query(`PRAGMA quick_check(5)`)
	if err != nil {
		if isCorrupt(err) {
			return damaged(path, err.Error())
		}
		return fmt.Errorf("check: %w", err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return err
		}
		problems = append(problems, line)
	}
	if err := rows.Err(); err != nil {
		if isCorrupt(err) {
			return damaged(path, err.Error())
		}
		return err
	}
	if len(problems) == 1 && problems[0] == "ok" {
		return nil
	}
	return damaged(path, strings.Join(problems, "; "))
}

// shorten keeps a message to one line of reasonable length.
func shorten(s string) string {
	s = strings.Join(strings.Fields(strings.ReplaceAll(s, "*** in database main ***", "")), " ")
	if len(s) > 300 {
		n := 300
		for n > 0 && !utf8.RuneStart(s[n]) {
			n--
		}
		s = s[:n] + "…"
	}
	return s
}
