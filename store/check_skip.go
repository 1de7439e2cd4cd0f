package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"time"
)

// When the window may skip its background check.
//
// The full check (Check) reads every page of the file: 25 s of CPU at
// 1,000,000 documents. Run after every open, it finds nothing new when
// nothing was written since the last check that found nothing. That is
// what a clean check records (check_state, migration 007): the content
// token it read in its snapshot (every write of content replaces the
// token, in the same transaction), the schema version, the check rules
// of the Gloss that ran it, the file (device and inode) and the time.
// After open, CheckDue says the check is not due while all of these still
// hold and the clean check is under CleanCheckFor old.
//
// What the token cannot see is damage below SQLite: a page changed on
// disk by a failing drive, a sync tool or a copy taken mid-write. Such
// damage does not replace the token. The file identity catches a file
// replaced or copied (a copy is a new inode, so it is checked), and the
// age limit bounds how long damage to the same file can go unnoticed by
// the background check; reading a damaged page still fails loudly (the
// error names the row), and Help ▸ Check project and gloss-cli check
// always run the full check.

// CleanCheckFor is how long a full check that found nothing lets later
// opens skip the background check of a project whose content, schema
// and file are unchanged.
const CleanCheckFor = 7 * 24 * time.Hour

// checkRules is the version of what Check looks for: bump it when Check
// learns something new, so that a clean check by an older Gloss does not
// let a newer one skip it.
const checkRules = 1

// checkedState is what a clean check records, and what CheckDue compares.
type checkedState struct {
	token  []byte
	schema int
	rules  int
	file   string
	at     time.Time
}

// same reports whether the project is still as the check c saw it.
func (c checkedState) same(now checkedState) bool {
	return len(c.token) > 0 && bytes.Equal(c.token, now.token) &&
		c.schema == now.schema && c.rules == now.rules && c.file != "" && c.file == now.file
}

// currentState reads the project's content token and schema version in
// q's snapshot, with the file's identity and this Gloss's check rules.
func (s *Store) currentState(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}) (checkedState, error) {
	st := checkedState{rules: checkRules, file: fileIdentity(s.path)}
	if err := q.QueryRowContext(ctx, `SELECT token FROM content_version WHERE id = 1`).Scan(&st.token); err != nil {
		return st, err
	}
	if len(st.token) == 0 {
		return st, errors.New("empty content token")
	}
	err := q.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&st.schema)
	return st, err
}

// lastCleanCheck reads what the last clean check recorded; ok is false
// when none is recorded (or it cannot be read).
func (s *Store) lastCleanCheck() (st checkedState, ok bool) {
	var at string
	err := s.rdb.QueryRow(`SELECT token, schema_version, rules, file, checked_at FROM check_state WHERE id = 1`).
		Scan(&st.token, &st.schema, &st.rules, &st.file, &at)
	if err != nil {
		return st, false
	}
	st.at, err = time.Parse(time.RFC3339Nano, at)
	return st, err == nil
}

// CheckDue reports whether the background check should run at now: false
// only when a full check that found nothing ran less than CleanCheckFor
// before now (and not after it: a clock set back makes it due) on this
// file with the same content token, schema version and check rules. A
// project never checked clean, or whose state cannot be read, is due.
func (s *Store) CheckDue(now time.Time) bool {
	last, ok := s.lastCleanCheck()
	if !ok {
		return true
	}
	cur, err := s.currentState(context.Background(), s.rdb)
	if err != nil || !last.same(cur) {
		return true
	}
	age := now.Sub(last.at)
	return age < 0 || age >= CleanCheckFor
}

// CheckAndRecord runs Check and, when it finds nothing in a writable
// project, records the content token and the time it read, so that opens
// until CleanCheckFor later can skip the background check (CheckDue).
// Recording writes only check_state, which is not content: the token and
// the backups are unaffected. A failure to record is not an error.
func (s *Store) CheckAndRecord(ctx context.Context) ([]Problem, error) {
	problems, state, err := s.checkState(ctx)
	if err != nil || len(problems) > 0 || s.readOnly || state.token == nil {
		return problems, err
	}
	s.write(func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO check_state(id, token, schema_version, rules, file, checked_at)
			VALUES (1, ?, ?, ?, ?, ?)
			ON CONFLICT(id) DO UPDATE SET token = excluded.token, schema_version = excluded.schema_version,
				rules = excluded.rules, file = excluded.file, checked_at = excluded.checked_at`,
			state.token, state.schema, state.rules, state.file, state.at.UTC().Format(time.RFC3339Nano))
		return err
	})
	return problems, nil
}

// checkState runs the checks and reads the project's state in the same
// snapshot; the state's token is nil when it cannot be read.
func (s *Store) checkState(ctx context.Context) ([]Problem, checkedState, error) {
	var state checkedState
	at := time.Now()
	tx, err := s.rdb.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, state, err
	}
	defer tx.Rollback()
	// The first read fixes the snapshot that every check then reads.
	if state, err = s.currentState(ctx, tx); err != nil {
		state.token = nil
	}
	state.at = at
	problems, err := checkTx(ctx, tx)
	return problems, state, err
}

// BackgroundCheck is the check a window runs after open: none when
// CheckDue says a clean check still covers the project (ran is false),
// else CheckAndRecord at low CPU priority (on Linux, a thread of its own
// at nice 19), so that the window's keystrokes get the CPU first. It
// renders each problem on one line naming its row.
func (s *Store) BackgroundCheck(ctx context.Context) (problems []string, ran bool, err error) {
	if !s.CheckDue(time.Now()) {
		return nil, false, nil
	}
	var found []Problem
	runLowPriority(func() { found, err = s.CheckAndRecord(ctx) })
	if err != nil {
		return nil, true, err
	}
	return problemLines(found), true, nil
}

// problemLines renders each problem on one line.
func problemLines(problems []Problem) []string {
	out := make([]string, len(problems))
	for i, p := range problems {
		out[i] = p.String()
	}
	return out
}
