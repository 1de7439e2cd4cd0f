package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"gloss/annotate"
	"gloss/internal/pgtest"
	"gloss/store"
	"gloss/store/pgstore"
)

// The PostgreSQL cluster starts on the first test that asks for a
// database, so the other tests of the package do not wait for it.
func TestMain(m *testing.M) { pgtest.Main(m) }

// writeText writes a text file for import and returns its path.
func writeText(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCommandsOnAServerProject(t *testing.T) {
	url := pgtest.NewDatabase(t)
	if out := mustGC(t, "init", url); !strings.Contains(out, "created postgres://") {
		t.Fatalf("init said %q", out)
	}
	txt := writeText(t, "article.txt", "The minister said prices will rise next year.")
	if out := mustGC(t, "import", "--annotator", "ann1", url, txt); !strings.Contains(out, "imported 1 document") {
		t.Fatalf("import said %q", out)
	}
	mustGC(t, "labels", "add", "--color", "#112233", url, "source")
	if out := mustGC(t, "labels", url); !strings.Contains(out, "source") || !strings.Contains(out, "claim") {
		t.Fatalf("labels on the server: %q", out)
	}
	if out := mustGC(t, "span", "add", "--annotator", "ann1", "--doc", "article", "--start", "4", "--end", "12", "--label", "actor", url); !strings.Contains(out, `"minister"`) {
		t.Fatalf("span add said %q", out)
	}
	mustGC(t, "span", "add", "--annotator", "ann1", "--doc", "article", "--start", "18", "--end", "44", "--label", "claim", url)
	list := mustGC(t, "span", "list", url)
	if want := "article\t4\t12\tactor\tminister\narticle\t18\t44\tclaim\tprices will rise next year\n"; list != want {
		t.Fatalf("span list:\n%s\nwant\n%s", list, want)
	}
	if out := mustGC(t, "undo", "--annotator", "ann1", url); !strings.Contains(out, "undid: add-span claim [18, 44)") {
		t.Fatalf("undo said %q", out)
	}
	if list := mustGC(t, "span", "list", url); list != "article\t4\t12\tactor\tminister\n" {
		t.Fatalf("after undo: %q", list)
	}
	mustGC(t, "status", "--annotator", "ann1", "--doc", "article", url, "done")
	stats := mustGC(t, "stats", url)
	if !strings.Contains(stats, "documents\t1\n") || !strings.Contains(stats, "actor\t1\n") {
		t.Fatalf("stats: %q", stats)
	}
	hist := mustGC(t, "history", url)
	for _, want := range []string{"undo", "add-span", "set-status", "ann1"} {
		if !strings.Contains(hist, want) {
			t.Errorf("history lacks %q:\n%s", want, hist)
		}
	}
	if out := mustGC(t, "search", url, "PRICES"); !strings.Contains(out, "[18, 24)") {
		t.Errorf("search on the server: %q", out)
	}
	if out := mustGC(t, "concordance", "--label", "actor", url); !strings.Contains(out, "minister") {
		t.Errorf("concordance on the server: %q", out)
	}
	if out := mustGC(t, "annotate", "--annotator", "ann2", "--match", "year", "--label", "claim", url); !strings.Contains(out, "added 1 span") {
		t.Errorf("annotate on the server: %q", out)
	}
	if out := mustGC(t, "undo", url); !strings.Contains(out, "add-spans") {
		t.Errorf("undo of annotate on the server: %q", out)
	}
	out := mustGC(t, "export", "--format", "jsonl", url)
	var row struct {
		Text  string
		Spans []struct {
			Start, End int
			Label      string
		}
	}
	if err := json.Unmarshal([]byte(strings.TrimSpace(out)), &row); err != nil {
		t.Fatalf("export: %v\n%s", err, out)
	}
	if len(row.Spans) != 1 || row.Spans[0].Start != 4 || row.Spans[0].End != 12 || row.Spans[0].Label != "actor" {
		t.Fatalf("exported spans %+v", row.Spans)
	}

	// Commands that need the project file say so, as usage errors.
	for _, args := range [][]string{{"merge", url, "x.gloss"}, {"check", url}, {"backup", url, "b.gloss"}, {"sample", "--n", "1", url}} {
		_, errs, code := gc(t, args...)
		if code != 2 || !strings.Contains(errs, "works on project files, not yet on server projects") {
			t.Errorf("gloss-cli %v: exit %d, %q", args, code, errs)
		}
	}
}

// buildProject makes a project file with two annotators, undone,
// replaced and redoable edits, a batch edit, a label edit and statuses.
func buildProject(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "src.gloss")
	mustGC(t, "init", "--annotator", "ann1", p)
	mustGC(t, "import", "--annotator", "ann1", p,
		writeText(t, "one.txt", "Ünïcode: naïve café 🙂 and the minister spoke."),
		writeText(t, "two.txt", "Second text\r\nwith a CRLF line and a minister."))
	add := func(who, doc string, start, end int, label string) {
		mustGC(t, "span", "add", "--annotator", who, "--doc", doc, "--start", itoa(start), "--end", itoa(end), "--label", label, "--note", who+" note", p)
	}
	add("ann1", "one", 0, 7, "claim")
	add("ann1", "one", 9, 14, "actor")
	add("ann1", "two", 0, 6, "prediction")
	mustGC(t, "undo", "--annotator", "ann1", p) // redoable
	add("ann2", "one", 0, 7, "claim")           // another layer, same text
	mustGC(t, "undo", "--annotator", "ann2", p)
	mustGC(t, "annotate", "--annotator", "ann2", "--match", "minister", "--label", "actor", p) // a batch; replaces ann2's redo
	mustGC(t, "status", "--annotator", "ann1", "--doc", "one", p, "done")
	mustGC(t, "status", "--annotator", "ann2", "--doc", "two", p, "in-progress")
	s, err := store.Open(p, store.Options{Annotator: "ann2", NoCreate: true, NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	l, err := s.LabelByName("claim")
	if err != nil {
		t.Fatal(err)
	}
	l.Color, l.Description = "#ABCDEF", "what is asserted"
	if err := s.UpdateLabel(l); err != nil {
		t.Fatal(err)
	}
	return p
}

// fileRows reads every row of the tables a copy must carry straight from
// a project file, as text, in a fixed order.
func fileRows(t *testing.T, path string) map[string][]string {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	out := map[string][]string{}
	for table, order := range map[string]string{"labels": "id", "documents": "seq", "document_status": "document_id, annotator", "spans": "id", "events": "seq"} {
		rows, err := db.Query(`SELECT * FROM ` + table + ` ORDER BY ` + order)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for i, c := range cols {
				if c != "seq" || table == "events" {
					fmt.Fprintf(&b, "%s=%v;", c, vals[i])
				}
			}
			out[table] = append(out[table], b.String())
		}
		rows.Close()
	}
	return out
}

func sameRows(t *testing.T, what string, want, got map[string][]string) {
	t.Helper()
	for table, rows := range want {
		if len(got[table]) != len(rows) {
			t.Errorf("%s: %s has %d rows, want %d", what, table, len(got[table]), len(rows))
			continue
		}
		for i := range rows {
			if got[table][i] != rows[i] {
				t.Errorf("%s: %s row %d:\n got %s\nwant %s", what, table, i, got[table][i], rows[i])
			}
		}
	}
}

// projectJSON is what a project shows through the annotate interfaces:
// labels, documents with text and metadata, every span, the edit log.
func projectJSON(t *testing.T, p annotate.Project) string {
	t.Helper()
	labels, err := p.Labels()
	if err != nil {
		t.Fatal(err)
	}
	infos, err := p.Documents()
	if err != nil {
		t.Fatal(err)
	}
	var docs []any
	for _, info := range infos {
		d, err := p.Document(info.ID)
		if err != nil {
			t.Fatal(err)
		}
		spans, err := p.Spans(info.ID)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, []any{d, spans})
	}
	events, err := p.(annotate.Historian).History(0)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.MarshalIndent([]any{labels, docs, events}, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func openBoth(t *testing.T, target, who string) annotate.Project {
	t.Helper()
	if pgstore.IsURL(target) {
		p, err := pgstore.Open(context.Background(), target, pgstore.Options{Annotator: who})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	p, err := store.Open(target, store.Options{Annotator: who, NoCreate: true, NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCopyFileToServerToFileIsExact(t *testing.T) {
	src := buildProject(t)
	want := fileRows(t, src)
	if len(want["events"]) < 10 || len(want["spans"]) < 4 || len(want["document_status"]) != 2 {
		t.Fatalf("fixture too small: %d events, %d spans, %d statuses", len(want["events"]), len(want["spans"]), len(want["document_status"]))
	}
	url := pgtest.NewDatabase(t)
	if out := mustGC(t, "copy", src, url); !strings.Contains(out, "2 documents, 3 labels, 4 spans, 11 edit log entries") {
		t.Fatalf("copy to the server said %q", out)
	}
	back := filepath.Join(t.TempDir(), "back.gloss")
	mustGC(t, "copy", url, back)
	sameRows(t, "file → server → file", want, fileRows(t, back))

	// The server project reads as the file does, history included.
	a, b := openBoth(t, src, "ann1"), openBoth(t, url, "ann1")
	if ja, jb := projectJSON(t, a), projectJSON(t, b); ja != jb {
		t.Errorf("the server project differs from the file:\nfile:   %.2000s\nserver: %.2000s", ja, jb)
	}
	a.Close()
	b.Close()
	if h1, h2 := mustGC(t, "history", src), mustGC(t, "history", url); h1 != h2 {
		t.Errorf("history differs:\nfile:\n%s\nserver:\n%s", h1, h2)
	}
	// Undo and redo carry on as they would have on the original.
	for _, step := range [][]string{{"redo", "ann1"}, {"undo", "ann1"}, {"undo", "ann2"}, {"redo", "ann2"}} {
		var outs []string
		for _, target := range []string{src, url, back} {
			out, errs, code := gc(t, step[0], "--annotator", step[1], target)
			outs = append(outs, fmt.Sprintf("%d %s %s", code, out, strings.ReplaceAll(errs, target, "P")))
		}
		if outs[0] != outs[1] || outs[0] != outs[2] {
			t.Errorf("%s as %s differs: file %q, server %q, copy %q", step[0], step[1], outs[0], outs[1], outs[2])
		}
	}
	if l1, l2 := mustGC(t, "span", "list", src), mustGC(t, "span", "list", url); l1 != l2 {
		t.Errorf("spans after the same undos differ:\n%s\n%s", l1, l2)
	}
}

func TestCopyServerToServer(t *testing.T) {
	src := buildProject(t)
	u1, u2 := pgtest.NewDatabase(t), pgtest.NewDatabase(t)
	mustGC(t, "copy", src, u1)
	mustGC(t, "copy", u1, u2)
	back := filepath.Join(t.TempDir(), "back.gloss")
	mustGC(t, "copy", u2, back)
	sameRows(t, "file → server → server → file", fileRows(t, src), fileRows(t, back))
}

func countOwn(t *testing.T, url string) int {
	t.Helper()
	ctx := context.Background()
	c, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	var n int
	if err := c.QueryRow(ctx, `SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestCopyRefusesANonEmptyTarget(t *testing.T) {
	src := buildProject(t)
	other := buildProject(t)
	before := fileRows(t, other)
	_, errs, code := gc(t, "copy", src, other)
	if code == 0 || !strings.Contains(errs, "not empty") {
		t.Fatalf("copy onto a project with documents: exit %d, %q", code, errs)
	}
	sameRows(t, "refused target file", before, fileRows(t, other))

	url := pgtest.NewDatabase(t)
	mustGC(t, "copy", src, url)
	hist := mustGC(t, "history", url)
	_, errs, code = gc(t, "copy", other, url)
	if code == 0 || !strings.Contains(errs, "not empty") {
		t.Fatalf("copy onto a server project with documents: exit %d, %q", code, errs)
	}
	if h := mustGC(t, "history", url); h != hist {
		t.Errorf("the refused server project changed:\n%s\n%s", hist, h)
	}

	// A project with relations goes to the server and back whole.
	rel := filepath.Join(t.TempDir(), "rel.gloss")
	mustGC(t, "init", rel)
	mustGC(t, "import", rel, writeText(t, "r.txt", "Alice met Bob."))
	mustGC(t, "span", "add", "--doc", "r", "--start", "0", "--end", "5", "--label", "actor", rel)
	mustGC(t, "span", "add", "--doc", "r", "--start", "10", "--end", "13", "--label", "actor", rel)
	mustGC(t, "relation-type", "add", "--name", "meets", rel)
	ids := strings.Fields(mustGC(t, "span", "list", "--json", rel))
	var s1, s2 struct{ ID string }
	json.Unmarshal([]byte(ids[0]), &s1)
	json.Unmarshal([]byte(ids[len(ids)-1]), &s2)
	mustGC(t, "relation", "add", "--doc", "r", "--type", "meets", "--from", s1.ID, "--to", s2.ID, rel)
	relURL := pgtest.NewDatabase(t)
	mustGC(t, "copy", rel, relURL)
	relBack := filepath.Join(t.TempDir(), "rel-back.gloss")
	mustGC(t, "copy", relURL, relBack)
	if a, b := mustGC(t, "relation", "list", "--doc", "r", rel), mustGC(t, "relation", "list", "--doc", "r", relBack); a != b || !strings.Contains(a, "meets") {
		t.Errorf("relations after file -> server -> file:\n%s\nwant\n%s", b, a)
	}
	// A failed copy to a new file leaves no file.
	bad := filepath.Join(t.TempDir(), "never.gloss")
	if _, _, code := gc(t, "copy", url+"x", bad); code == 0 {
		t.Fatal("copy from a missing database succeeded")
	}
	if _, err := os.Stat(bad); !os.IsNotExist(err) {
		t.Errorf("a failed copy left %s behind (%v)", bad, err)
	}
}

func TestInitRefusesANonEmptyDatabase(t *testing.T) {
	url := pgtest.NewDatabase(t)
	ctx := context.Background()
	c, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Exec(ctx, `CREATE TABLE theirs (x int); INSERT INTO theirs VALUES (7)`); err != nil {
		t.Fatal(err)
	}
	c.Close(ctx)
	_, errs, code := gc(t, "init", url)
	if code == 0 || !strings.Contains(errs, "not empty") {
		t.Fatalf("init on a database with a table: exit %d, %q", code, errs)
	}
	if n := countOwn(t, url); n != 1 {
		t.Errorf("init changed the database: %d relations, want the 1 it had", n)
	}
	fresh := pgtest.NewDatabase(t)
	mustGC(t, "init", fresh)
	_, errs, code = gc(t, "init", fresh)
	if code == 0 || !strings.Contains(errs, "Gloss project already") {
		t.Fatalf("init twice: exit %d, %q", code, errs)
	}
}

func TestPasswordNeverShown(t *testing.T) {
	const pw = "Sekr1t-Pa55"
	url := strings.Replace(pgtest.NewDatabase(t), "postgres@", "postgres:"+pw+"@", 1)
	if !strings.Contains(url, pw) {
		t.Fatalf("no password in %s", url)
	}
	dead := strings.Replace(url, fmt.Sprintf(":%d/", pgtest.Shared(t).Port()), ":1/", 1)
	src := buildProject(t)
	var all strings.Builder
	for _, args := range [][]string{
		{"init", url}, {"init", url}, {"labels", url}, {"copy", src, url}, {"copy", url, filepath.Join(t.TempDir(), "c.gloss")},
		{"merge", url, src}, {"status", "--doc", "one", url}, {"labels", dead}, {"copy", src, dead}, {"init", "postgres://u:" + pw + "@[bad"},
		{"span", "list", url + "&sslmode=bogus"},
	} {
		out, errs, code := gc(t, args...)
		all.WriteString(out + errs)
		if strings.Contains(out+errs, pw) {
			t.Errorf("gloss-cli %v (exit %d) shows the password:\n%s%s", args[0], code, out, errs)
		}
	}
	if !strings.Contains(all.String(), "xxxxx") {
		t.Errorf("no message named the server (with its password hidden):\n%s", all.String())
	}
}
