package store

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func mustCheckAndRecord(t *testing.T, s *Store) {
	t.Helper()
	if problems, err := s.CheckAndRecord(context.Background()); err != nil || len(problems) != 0 {
		t.Fatalf("CheckAndRecord: %v, %v", problems, err)
	}
}

func reopen(t *testing.T, path string, opts Options) *Store {
	t.Helper()
	opts.NoBackup = true
	s, err := Open(path, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestCleanCheckLetsLaterOpensSkipTheBackgroundCheck: a project never
// checked is due; after a clean check it is not, across a reopen, until
// CleanCheckFor has passed (or the clock went back), and a content write
// makes it due again; BackgroundCheck then runs and records the check.
func TestCleanCheckLetsLaterOpensSkipTheBackgroundCheck(t *testing.T) {
	s := newProject(t)
	addDoc(t, s, "one", "first text")
	now := time.Now()
	if !s.CheckDue(now) {
		t.Fatal("a project never checked is not due")
	}
	mustCheckAndRecord(t, s)
	if s.CheckDue(now.Add(time.Minute)) {
		t.Error("due right after a clean check")
	}
	path := s.Path()
	s.Close()
	s = reopen(t, path, Options{})
	if s.CheckDue(time.Now()) {
		t.Error("due after reopening the file checked clean")
	}
	if !s.CheckDue(time.Now().Add(CleanCheckFor)) {
		t.Error("not due CleanCheckFor after the clean check")
	}
	if !s.CheckDue(now.Add(-time.Hour)) {
		t.Error("not due before the clean check (the clock went back)")
	}
	if problems, ran, err := s.BackgroundCheck(context.Background()); ran || err != nil || problems != nil {
		t.Errorf("BackgroundCheck after a clean one: ran %v, %v, %v; want skipped", ran, problems, err)
	}

	addDoc(t, s, "two", "second text")
	if !s.CheckDue(time.Now()) {
		t.Fatal("not due after a document was added")
	}
	if problems, ran, err := s.BackgroundCheck(context.Background()); !ran || err != nil || len(problems) != 0 {
		t.Fatalf("BackgroundCheck after a change: ran %v, %v, %v; want run, clean", ran, problems, err)
	}
	if s.CheckDue(time.Now()) {
		t.Error("due after BackgroundCheck found nothing")
	}
}

// TestCheckDueAfterWhatTheTokenCannotVouchFor: a change written by
// another program (the triggers replace the token), a check that found
// problems, a record from older check rules and a copy of the file all
// leave the project due.
func TestCheckDueAfterWhatTheTokenCannotVouchFor(t *testing.T) {
	s := newProject(t)
	d := addDoc(t, s, "one", "first text")
	mustCheckAndRecord(t, s)
	path := s.Path()
	s.Close()

	// a copy is another file: the record does not vouch for its pages
	cp := filepath.Join(t.TempDir(), "copy.gloss")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cp, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if c := reopen(t, cp, Options{}); !c.CheckDue(time.Now()) {
		t.Error("a copy of a project checked clean is not due")
	}

	tamper(t, path, `UPDATE check_state SET rules = rules - 1`)
	if s := reopen(t, path, Options{}); !s.CheckDue(time.Now()) {
		t.Error("not due after a clean check by older check rules")
	}
	s = reopen(t, path, Options{})
	mustCheckAndRecord(t, s)
	s.Close()

	tamper(t, path, `UPDATE documents SET length = 99 WHERE id = '`+d.ID+`'`)
	s = reopen(t, path, Options{})
	if !s.CheckDue(time.Now()) {
		t.Fatal("not due after another program changed a document")
	}
	problems, err := s.CheckAndRecord(context.Background())
	if err != nil || len(problems) == 0 {
		t.Fatalf("the damaged length was not found: %v, %v", problems, err)
	}
	if !s.CheckDue(time.Now()) {
		t.Error("not due after a check that found problems")
	}
}

// TestReadOnlyOpenSkipsButDoesNotRecord: a read-only open honours a clean
// check recorded before, and its own clean check records nothing.
func TestReadOnlyOpenSkipsButDoesNotRecord(t *testing.T) {
	s := newProject(t)
	addDoc(t, s, "one", "first text")
	path := s.Path()
	s.Close()
	ro := reopen(t, path, Options{ReadOnly: true})
	mustCheckAndRecord(t, ro)
	if !ro.CheckDue(time.Now()) {
		t.Error("a read-only open recorded its check")
	}
	ro.Close()
	s = reopen(t, path, Options{})
	mustCheckAndRecord(t, s)
	s.Close()
	if ro := reopen(t, path, Options{ReadOnly: true}); ro.CheckDue(time.Now()) {
		t.Error("a read-only open does not honour the clean check recorded")
	}
}
