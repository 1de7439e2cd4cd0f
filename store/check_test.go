package store

import (
	"bytes"
	"context"
	"database/sql"
	"strings"
	"testing"

	"gloss/annotate"
)

// tamper runs statements on a closed project through a plain connection
// (foreign keys off, as a crafted file may be written).
func tamper(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// TestDamagedRowsAreReportedByID: rows that break the invariants (a span
// past its text, a stored length, hash or text that disagree, a span of a
// missing document, a bad label) are reported by id as EINVALID errors by
// every read, never panic, and a tampered length cannot let AddSpan write
// past the text; Check lists every one of them.
func TestDamagedRowsAreReportedByID(t *testing.T) {
	s := newProject(t)
	p := s.Path()
	long := addDoc(t, s, "long", "hello world")
	hashed := addDoc(t, s, "hashed", "some text")
	badText := addDoc(t, s, "bad text", "fine text")
	sp := annotate.NewSpan(long.ID, 0, 5, label(t, s, "actor"))
	if err := s.AddSpan(sp); err != nil {
		t.Fatal(err)
	}
	if problems, err := s.Check(context.Background()); err != nil || len(problems) != 0 {
		t.Fatalf("sound project: %v, %v", problems, err)
	}
	s.Close()
	tamper(t, p,
		`UPDATE spans SET "end" = 50 WHERE id = '`+sp.ID+`'`,
		`UPDATE documents SET length = 1000 WHERE id = '`+long.ID+`'`,
		`UPDATE documents SET sha256 = 'abc' WHERE id = '`+hashed.ID+`'`,
		`UPDATE documents SET text = CAST(x'66ff6e65' AS TEXT) WHERE id = '`+badText.ID+`'`,
		`INSERT INTO spans(id, document_id, start, "end", label_id, created_at, updated_at) VALUES ('orphan', 'nodoc', 0, 1, (SELECT id FROM labels LIMIT 1), '', '')`,
		`UPDATE labels SET color = 'red' WHERE name = 'claim'`,
	)
	s, err := Open(p, Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	wantDamaged := func(what string, err error, id string) {
		t.Helper()
		if annotate.ErrorCode(err) != annotate.EINVALID || !strings.Contains(err.Error(), id) || !strings.Contains(err.Error(), "damaged") {
			t.Errorf("%s: err = %v; want EINVALID naming %s as damaged", what, err, id)
		}
	}
	_, err = s.Spans(long.ID)
	wantDamaged("Spans", err, long.ID) // its length column disagrees
	_, err = s.Span(sp.ID)
	wantDamaged("Span", err, long.ID)
	err = s.EachDocument(func(*annotate.Document, []*annotate.Span) error { return nil })
	wantDamaged("EachDocument", err, long.ID)
	_, err = s.Document(hashed.ID)
	wantDamaged("Document (hash)", err, hashed.ID)
	_, err = s.Document(badText.ID)
	wantDamaged("Document (UTF-8)", err, badText.ID)
	err = s.AddSpan(annotate.NewSpan(long.ID, 0, 500, label(t, s, "actor")))
	wantDamaged("AddSpan past the text", err, long.ID)
	var n int
	s.DB().QueryRow(`SELECT count(*) FROM spans WHERE document_id = ?`, long.ID).Scan(&n)
	if n != 1 {
		t.Errorf("%d spans in the tampered document; want 1", n)
	}

	problems, err := s.Check(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, p := range problems {
		all.WriteString(p.String() + "\n")
	}
	for _, want := range []string{
		"spans " + sp.ID + ": in document " + long.ID + ": span end 50 is past the end",
		"documents " + long.ID + ": stored length 1000",
		"documents " + hashed.ID + ": ", "sha256",
		"documents " + badText.ID + ": ", "invalid UTF-8",
		"spans orphan: refers to a row of documents",
		"labels ", "colour \"red\"",
	} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("Check does not report %q; it reported:\n%s", want, all.String())
		}
	}
}

// TestSpanPastText: with the document sound, a span past its text is
// reported by Spans, Span and EachDocument (which exports use), and can
// still be deleted.
func TestSpanPastText(t *testing.T) {
	s := newProject(t)
	d := addDoc(t, s, "d", "hello")
	sp := annotate.NewSpan(d.ID, 0, 5, label(t, s, "actor"))
	if err := s.AddSpan(sp); err != nil {
		t.Fatal(err)
	}
	p := s.Path()
	s.Close()
	tamper(t, p, `UPDATE spans SET "end" = 9 WHERE id = '`+sp.ID+`'`)
	s, err := Open(p, Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for name, err := range map[string]error{
		"Spans":        second(s.Spans(d.ID)),
		"Span":         second(s.Span(sp.ID)),
		"EachDocument": s.EachDocument(func(*annotate.Document, []*annotate.Span) error { return nil }),
	} {
		if annotate.ErrorCode(err) != annotate.EINVALID || !strings.Contains(err.Error(), "span "+sp.ID) {
			t.Errorf("%s: %v; want EINVALID naming span %s", name, err, sp.ID)
		}
	}
	// the damaged span can still be deleted, which repairs the project
	if err := s.DeleteSpan(sp.ID); err != nil {
		t.Fatal(err)
	}
	if problems, err := s.Check(context.Background()); err != nil || len(problems) != 0 {
		t.Errorf("after deleting it: %v, %v", problems, err)
	}
}

func second[T any](_ T, err error) error { return err }

// TestCheckFileOnRefusedProject: CheckFile lists the schema problem of a
// project that Open refuses, without changing it or creating files.
func TestCheckFileOnRefusedProject(t *testing.T) {
	p := t.TempDir() + "/p.gloss"
	plantedProject(t, p, `CREATE TRIGGER wipe AFTER INSERT ON spans BEGIN DELETE FROM documents; END`)
	before := snapshot(t, p)
	problems, err := CheckFile(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) != 1 || !strings.Contains(problems[0].String(), `extra trigger "wipe" (on spans)`) {
		t.Errorf("problems = %v; want the planted trigger", problems)
	}
	if !bytes.Equal(before, snapshot(t, p)) {
		t.Error("file changed")
	}
	assertAlone(t, p)
	if _, err := CheckFile(context.Background(), t.TempDir()+"/none.gloss"); annotate.ErrorCode(err) != annotate.ENOTFOUND {
		t.Errorf("missing file: %v", err)
	}
}
