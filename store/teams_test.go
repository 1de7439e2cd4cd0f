package store

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"gloss/annotate"
)

// teamDump is a deterministic account of a project: labels, documents with
// every annotator's status, and every span with its annotator.
func teamDump(t *testing.T, s *Store) string {
	t.Helper()
	var b strings.Builder
	ls, err := s.Labels()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range ls {
		fmt.Fprintf(&b, "label %s %s %s\n", l.ID, l.Name, l.Color)
	}
	err = s.EachDocument(func(d *annotate.Document, spans []*annotate.Span) error {
		st, err := s.Statuses(d.ID)
		if err != nil {
			return err
		}
		var keys []string
		for a, v := range st {
			keys = append(keys, a+"="+string(v))
		}
		sort.Strings(keys)
		fmt.Fprintf(&b, "doc %s %q %s %v\n", d.ID, d.Title, d.SHA256, keys)
		for _, sp := range spans {
			fmt.Fprintf(&b, "  span %s [%d,%d) %s %s %q\n", sp.ID, sp.Start, sp.End, sp.LabelID, sp.Annotator, sp.Note)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestLayersKeepIdenticalSpans: two annotators may mark the same span with
// the same label; one annotator may not mark it twice.
func TestLayersKeepIdenticalSpans(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.gloss")
	alice := openAs(t, path, "alice")
	defer alice.Close()
	if err := alice.AddLabel(&annotate.Label{Name: "actor"}); err != nil {
		t.Fatal(err)
	}
	d := addDoc(t, alice, "d", "The minister said so.")
	actor := label(t, alice, "actor")
	if err := alice.AddSpan(annotate.NewSpan(d.ID, 4, 12, actor)); err != nil {
		t.Fatal(err)
	}
	bob := openAs(t, path, "bob")
	defer bob.Close()
	if err := bob.AddSpan(annotate.NewSpan(d.ID, 4, 12, actor)); err != nil {
		t.Fatalf("bob's identical span refused: %v", err)
	}
	if err := bob.AddSpan(annotate.NewSpan(d.ID, 4, 12, actor)); annotate.ErrorCode(err) != annotate.ECONFLICT {
		t.Fatalf("bob's duplicate span: %v, want ECONFLICT", err)
	}
	all, _ := alice.Spans(d.ID)
	mine, _ := alice.SpansBy(d.ID, "alice")
	theirs, _ := alice.SpansBy(d.ID, "bob")
	if len(all) != 2 || len(mine) != 1 || mine[0].Annotator != "alice" || len(theirs) != 1 || theirs[0].Annotator != "bob" {
		t.Fatalf("all %d, alice %d, bob %d", len(all), len(mine), len(theirs))
	}
	if annotate.SameSpan(all[0], all[1]) {
		t.Error("SameSpan: two annotators' spans counted as duplicates")
	}
	if got, _ := alice.Annotators(); strings.Join(got, ",") != "alice,bob" {
		t.Errorf("Annotators = %v", got)
	}
}

// TestStatusPerAnnotator: each annotator sets and sees their own status.
func TestStatusPerAnnotator(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.gloss")
	alice := openAs(t, path, "alice")
	defer alice.Close()
	d := addDoc(t, alice, "d", "text")
	if err := alice.SetStatus(d.ID, annotate.StatusDone); err != nil {
		t.Fatal(err)
	}
	bob := openAs(t, path, "bob")
	defer bob.Close()
	if err := bob.SetStatus(d.ID, annotate.StatusInProgress); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		s    *Store
		want annotate.Status
	}{{alice, annotate.StatusDone}, {bob, annotate.StatusInProgress}} {
		doc, err := c.s.Document(d.ID)
		if err != nil || doc.Status != c.want {
			t.Errorf("%s: Document status %q (%v), want %q", c.s.Annotator(), doc.Status, err, c.want)
		}
		infos, _ := c.s.Documents()
		if len(infos) != 1 || infos[0].Status != c.want {
			t.Errorf("%s: Documents status %v, want %q", c.s.Annotator(), infos, c.want)
		}
		if st, _ := alice.StatusOf(d.ID, c.s.Annotator()); st != c.want {
			t.Errorf("StatusOf(%s) = %q", c.s.Annotator(), st)
		}
	}
	if st, _ := alice.StatusOf(d.ID, "carol"); st != annotate.StatusTodo {
		t.Errorf("carol never set a status: %q, want todo", st)
	}
	st, err := bob.Statuses(d.ID)
	if err != nil || len(st) != 2 || st["alice"] != annotate.StatusDone || st["bob"] != annotate.StatusInProgress {
		t.Errorf("Statuses = %v, %v", st, err)
	}
	if _, err := bob.Statuses("nope"); annotate.ErrorCode(err) != annotate.ENOTFOUND {
		t.Errorf("Statuses of a missing document: %v", err)
	}
}

// TestImportKeepsAnnotators: imported spans keep their annotator, spans
// without one get the importer's, and identical spans of two annotators
// are both kept; importing again adds nothing.
func TestImportKeepsAnnotators(t *testing.T) {
	s := newProject(t)
	d := annotate.NewDocument("d", "The minister said so.", "")
	d.Status = annotate.StatusDone
	span := func(ann string) *annotate.BatchSpan {
		sp := annotate.NewSpan(d.ID, 4, 12, "")
		sp.Annotator = ann
		return &annotate.BatchSpan{Span: *sp, LabelName: "actor"}
	}
	b := &annotate.Batch{Documents: []*annotate.Document{d}, Spans: []*annotate.BatchSpan{span("alice"), span("bob"), span("")}}
	res, err := s.Import(b)
	if err != nil || res.Spans != 3 {
		t.Fatalf("import: %+v, %v", res, err)
	}
	got := map[string]int{}
	spans, _ := s.Spans(d.ID)
	for _, sp := range spans {
		got[sp.Annotator]++
	}
	if len(got) != 3 || got["alice"] != 1 || got["bob"] != 1 || got["tester"] != 1 {
		t.Errorf("annotators after import: %v", got)
	}
	if st, _ := s.StatusOf(d.ID, "tester"); st != annotate.StatusDone {
		t.Errorf("the imported status is the importer's: got %q", st)
	}
	b.Spans = []*annotate.BatchSpan{span("alice"), span("bob")} // new IDs, same content
	res, err = s.Import(b)
	if err != nil || res.Spans != 0 || res.Skipped != 2 {
		t.Errorf("import again: %+v, %v", res, err)
	}
}

// TestLayerExport: a layer holds only its annotator's spans and status.
func TestLayerExport(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.gloss")
	alice := openAs(t, path, "alice")
	defer alice.Close()
	alice.AddLabel(&annotate.Label{Name: "actor"})
	d := addDoc(t, alice, "d", "The minister said so.")
	actor := label(t, alice, "actor")
	alice.AddSpan(annotate.NewSpan(d.ID, 4, 12, actor))
	alice.AddSpan(annotate.NewSpan(d.ID, 13, 17, actor))
	alice.SetStatus(d.ID, annotate.StatusDone)
	bob := openAs(t, path, "bob")
	defer bob.Close()
	bob.AddSpan(annotate.NewSpan(d.ID, 0, 3, actor))
	count := func(src annotate.Source) (n int, anns map[string]bool, st annotate.Status) {
		anns = map[string]bool{}
		err := src.EachDocument(func(doc *annotate.Document, spans []*annotate.Span) error {
			st = doc.Status
			for _, sp := range spans {
				n++
				anns[sp.Annotator] = true
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return
	}
	if n, anns, st := count(bob.Layer("alice")); n != 2 || len(anns) != 1 || !anns["alice"] || st != annotate.StatusDone {
		t.Errorf("alice's layer: %d spans of %v, status %q", n, anns, st)
	}
	if n, _, st := count(alice.Layer("bob")); n != 1 || st != annotate.StatusTodo {
		t.Errorf("bob's layer: %d spans, status %q", n, st)
	}
	if n, anns, st := count(bob); n != 3 || len(anns) != 2 || st != annotate.StatusTodo {
		t.Errorf("everyone: %d spans of %v, bob's status %q", n, anns, st)
	}
}

// legacyProject writes a project of schema 2 (before annotators had layers
// and statuses) and runs the given SQL on it.
func legacyProject(t *testing.T, stmts ...string) string {
	t.Helper()
	return legacyProjectAt(t, 2, stmts...)
}

// legacyProjectAt makes a project file of schema version n, exactly as
// migrations 1 to n made it, then runs stmts on it.
func legacyProjectAt(t *testing.T, n int, stmts ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "old.gloss")
	db, err := sql.Open("sqlite3", "file:"+path+"?_foreign_keys=on")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ms, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	pre := []string{fmt.Sprintf(`PRAGMA application_id = %d`, ApplicationID), fmt.Sprintf(`PRAGMA user_version = %d`, n), migrationsTableSQL}
	for _, m := range ms[:n] {
		pre = append(pre, m.sql, fmt.Sprintf(`INSERT INTO gloss_migrations VALUES (%d, '%s', 'x')`, m.version, m.name))
	}
	for _, q := range append(pre, stmts...) {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	return path
}

// TestMigrationKeepsSpansAndStatuses: migration 003 keeps every span with
// its seq and ID, lets a second annotator mark the same span, and gives an
// old status to whoever set it, else to the annotators with spans, else to
// the unknown annotator "".
func TestMigrationKeepsSpansAndStatuses(t *testing.T) {
	doc := func(id, status string) string {
		return fmt.Sprintf(`INSERT INTO documents(id, title, text, sha256, status, length, created_at, updated_at)
			VALUES ('%s', '%s', 'abcdef', '%s', '%s', 6, 'x', '2024-01-01T00:00:00Z')`, id, id, annotate.HashText("abcdef"), status)
	}
	path := legacyProject(t,
		`INSERT INTO labels VALUES ('L', 'actor', '#000000', '', '', 0)`,
		doc("set", "done"), doc("spans", "in-progress"), doc("nobody", "done"), doc("todo", "todo"),
		`INSERT INTO spans(seq, id, document_id, start, "end", label_id, annotator, created_at, updated_at) VALUES
			(7, 's1', 'set', 0, 2, 'L', 'ann', 'x', 'x'), (9, 's2', 'spans', 1, 3, 'L', 'ann', 'x', 'x'),
			(11, 's3', 'spans', 2, 4, 'L', 'bea', 'x', 'x')`,
		`INSERT INTO events(at, annotator, action, document_id, after) VALUES
			('x', 'cid', 'set-status', 'set', 'in-progress'), ('x', 'dora', 'set-status', 'set', 'done')`)
	s := openAs(t, path, "ann")
	defer s.Close()
	var seqs []string
	rows, err := s.DB().Query(`SELECT seq || ':' || id FROM spans ORDER BY seq`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var x string
		rows.Scan(&x)
		seqs = append(seqs, x)
	}
	rows.Close()
	if got := strings.Join(seqs, ","); got != "7:s1,9:s2,11:s3" {
		t.Errorf("spans after migration: %s", got)
	}
	want := map[string]string{
		"set":    "[dora=done]",
		"spans":  "[ann=in-progress bea=in-progress]",
		"nobody": "[=done]",
		"todo":   "[]",
	}
	for id, w := range want {
		st, err := s.Statuses(id)
		if err != nil {
			t.Fatal(err)
		}
		var keys []string
		for a, v := range st {
			keys = append(keys, a+"="+string(v))
		}
		sort.Strings(keys)
		if got := fmt.Sprint(keys); got != w {
			t.Errorf("document %s: statuses %s, want %s", id, got, w)
		}
	}
	sp := annotate.NewSpan("set", 0, 2, "L")
	sp.Annotator = "bea"
	if err := s.AddSpan(sp); err != nil {
		t.Errorf("a second annotator's identical span after migration: %v", err)
	}
}
