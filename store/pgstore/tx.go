package pgstore

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"gloss/annotate"
)

// now is the store's clock, as stored text (the SQLite store's format).
func now() string { return time.Now().UTC().Format(time.RFC3339Nano) }

func parseTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}

func fmtTime(t time.Time) string {
	if t.IsZero() {
		return now()
	}
	return t.UTC().Format(time.RFC3339Nano)
}

// maxAttempts bounds how often a transaction that lost a race (a
// serialization failure or a deadlock) is run again.
const maxAttempts = 12

// write runs fn in one REPEATABLE READ transaction: fn sees one snapshot,
// and a row it changes that another transaction changed since is a
// serialization failure, on which the whole transaction is run again (so
// no update is lost), as on a deadlock. Rows fn reads in order to change
// them are read FOR UPDATE.
func (s *Store) write(fn func(ctx context.Context, tx pgx.Tx) error) error {
	if s.readOnly {
		return annotate.Errorf(annotate.EINVALID, "%s is open read-only: changes cannot be saved", s.url)
	}
	return s.run(pgx.TxOptions{IsoLevel: pgx.RepeatableRead}, fn)
}

// writeLatest runs fn in one READ COMMITTED transaction: for writes that
// do not depend on what they read, where the latest write wins (a status),
// so that many annotators writing the same row wait in turn instead of
// failing and retrying.
func (s *Store) writeLatest(fn func(ctx context.Context, tx pgx.Tx) error) error {
	if s.readOnly {
		return annotate.Errorf(annotate.EINVALID, "%s is open read-only: changes cannot be saved", s.url)
	}
	return s.run(pgx.TxOptions{IsoLevel: pgx.ReadCommitted}, fn)
}

// read runs fn in one read-only REPEATABLE READ transaction, so that what
// fn reads is one consistent state of the project.
func (s *Store) read(fn func(ctx context.Context, tx pgx.Tx) error) error {
	return s.run(pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, fn)
}

func (s *Store) run(opts pgx.TxOptions, fn func(ctx context.Context, tx pgx.Tx) error) error {
	ctx := context.Background()
	var err error
	for attempt := 0; attempt < maxAttempts; attempt++ {
		err = pgx.BeginTxFunc(ctx, s.pool, opts, func(tx pgx.Tx) error { return fn(ctx, tx) })
		if !retryable(err) {
			break
		}
		retries.Add(1)
		// Back off a random while, longer each time, so that the
		// transactions that clashed do not clash again.
		time.Sleep(time.Duration(rand.IntN(1<<min(attempt, 6)+1)) * time.Millisecond)
	}
	return dbErr(s.url, err)
}

// retries counts the transactions run again, for the load test's report.
var retries atomic.Int64

// errRace is a conflict with a transaction that committed after this one
// began (a unique violation its checks could not see): the transaction is
// run again, and then sees it.
var errRace = errors.New("a concurrent change: run again")

// retryable reports a serialization failure, a deadlock or errRace.
func retryable(err error) bool {
	code := sqlState(err)
	return code == "40001" || code == "40P01" || errors.Is(err, errRace)
}

func sqlState(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code
	}
	return ""
}

func isUnique(err error) bool { return sqlState(err) == "23505" }

func isForeignKey(err error) bool { return sqlState(err) == "23503" }

// dbErr passes domain errors on and says which project other errors are from.
func dbErr(shown string, err error) error {
	if err == nil || annotate.ErrorCode(err) != "" {
		return err
	}
	if sqlState(err) == "25006" { // read_only_sql_transaction
		return annotate.Errorf(annotate.EINVALID, "%s is open read-only: changes cannot be saved", shown)
	}
	return fmt.Errorf("%s: %w", shown, err)
}

// logEvent records one edit in the project's edit log.
func (s *Store) logEvent(ctx context.Context, tx pgx.Tx, action, docID, spanID, before, after string) error {
	_, err := tx.Exec(ctx, `INSERT INTO events(at, annotator, action, document_id, span_id, before, after)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`, now(), s.annotator, action, docID, spanID, before, after)
	return err
}

// clearRedo marks what this annotator could redo as replaced: a new edit
// after an undo clears the redo, as editors do.
func (s *Store) clearRedo(ctx context.Context, tx pgx.Tx) error {
	_, err := tx.Exec(ctx, `UPDATE events SET undone = $1 WHERE undone = $2 AND annotator = $3`, undoneForGood, undone, s.annotator)
	return err
}

// The events.undone states (see migration/001_init.sql).
const (
	inEffect      = 0
	undone        = 1
	undoneForGood = 2
	cannotUndo    = 3
)
