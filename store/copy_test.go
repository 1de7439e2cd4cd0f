package store

import (
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"gloss/annotate"
)

// richProject makes a project file with two annotators' spans and
// statuses, undone, replaced and redoable edits, a label edit, metadata,
// and structure (a relation, an attribute, document categories).
func richProject(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "src.gloss")
	a, err := Open(path, Options{Annotator: "ann1", NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	for i, name := range []string{"actor", "claim", "prediction"} {
		must(a.AddLabel(&annotate.Label{Name: name, Hotkey: fmt.Sprint(i + 1), Description: "about " + name}))
	}
	labels, _ := a.Labels()
	must(a.ReorderLabels([]string{labels[2].ID, labels[0].ID, labels[1].ID}))
	d1 := annotate.NewDocument("One", "Ünïcode text: naïve café, 🙂 emoji.", "one.txt")
	d1.Metadata = map[string]any{"author": "A. N. Other", "year": 2024}
	d2 := annotate.NewDocument("Two", "Second document\r\nwith CRLF lines.", "")
	must(a.AddDocuments([]*annotate.Document{d1, d2}))
	must(a.AddAttributeDef(&annotate.AttributeDef{Label: "claim", Name: "certain", Kind: annotate.AttrBool}))
	rt := &annotate.RelationType{Name: "supports", Directed: true}
	must(a.AddRelationType(rt))
	must(a.AddCategorySet(&annotate.CategorySet{Name: "topic", Multi: true, Values: []string{"politics", "science"}}))
	must(a.SetCategories(d1.ID, "topic", []string{"science", "politics"}))

	s1 := annotate.NewSpan(d1.ID, 0, 7, labels[1].ID)
	s1.Note = "first"
	must(a.AddSpan(s1))
	s2 := annotate.NewSpan(d1.ID, 14, 19, labels[0].ID)
	must(a.AddSpan(s2))
	must(a.SetSpanAttribute(s1.ID, "certain", "true"))
	must(a.AddRelation(annotate.NewRelation(d1.ID, rt.ID, s1.ID, s2.ID)))
	s3 := annotate.NewSpan(d2.ID, 0, 6, labels[2].ID)
	must(a.AddSpan(s3))
	if _, err := a.Undo(); err != nil { // s3 undone, can be redone
		t.Fatal(err)
	}
	must(a.SetStatus(d1.ID, annotate.StatusDone))

	b, err := Open(path, Options{Annotator: "ann2", NoBackup: true, NoCreate: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	b1 := annotate.NewSpan(d1.ID, 0, 7, labels[1].ID) // the same text, another layer
	must(b.AddSpan(b1))
	if _, err := b.Undo(); err != nil {
		t.Fatal(err)
	}
	b2 := annotate.NewSpan(d2.ID, 7, 15, labels[0].ID)
	if _, err := b.AddSpans([]*annotate.Span{b2, annotate.NewSpan(d2.ID, 17, 21, labels[0].ID)}); err != nil { // b1's undo is replaced
		t.Fatal(err)
	}
	must(b.SetStatus(d2.ID, annotate.StatusInProgress))
	l := *labels[0]
	l.Color = "#123456"
	must(b.UpdateLabel(&l))
	return path
}

// tableRows reads every row of every table a copy must carry, each row
// as text, in a fixed order, for comparing two project files directly.
func tableRows(t *testing.T, path string) map[string][]string {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	out := map[string][]string{}
	for table, order := range map[string]string{
		"labels": "id", "documents": "seq", "document_status": "document_id, annotator", "spans": "id",
		"events": "seq", "relation_types": "id", "relations": "id", "attribute_defs": "id", "category_sets": "id",
		"document_categories": "document_id, set_id, pos", "text_events": "id", "event_args": "event_id, pos",
		"notes": "id", "equivs": "id", "norms": "id",
	} {
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
				if c == "seq" && table != "events" {
					continue // a row number, not part of the project
				}
				fmt.Fprintf(&b, "%s=%v;", c, vals[i])
			}
			out[table] = append(out[table], b.String())
		}
		rows.Close()
	}
	return out
}

func compareTables(t *testing.T, want, got map[string][]string) {
	t.Helper()
	for table, rows := range want {
		if len(got[table]) != len(rows) {
			t.Errorf("%s: %d rows, want %d", table, len(got[table]), len(rows))
			continue
		}
		for i := range rows {
			if got[table][i] != rows[i] {
				t.Errorf("%s row %d:\n got %s\nwant %s", table, i, got[table][i], rows[i])
			}
		}
	}
}

func TestCopyFileToFileKeepsEverything(t *testing.T) {
	src := richProject(t)
	want := tableRows(t, src)
	if len(want["events"]) < 8 || len(want["relations"]) != 1 || len(want["document_categories"]) != 2 {
		t.Fatalf("the fixture is not rich enough: %d events, %d relations", len(want["events"]), len(want["relations"]))
	}
	dst := filepath.Join(t.TempDir(), "dst.gloss")
	from, err := Open(src, Options{ReadOnly: true, NoCreate: true, NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer from.Close()
	to, err := Open(dst, Options{Annotator: "copier", NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := to.Load(from); err != nil {
		t.Fatal(err)
	}
	to.Close()
	compareTables(t, want, tableRows(t, dst))

	// Undo and redo act on the copy as on the original.
	for _, path := range []string{src, dst} {
		for _, who := range []string{"ann1", "ann2"} {
			s, err := Open(path, Options{Annotator: who, NoCreate: true, NoBackup: true})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.Redo(); who == "ann1" && err != nil {
				t.Errorf("%s: redo as %s: %v", path, who, err)
			} else if who == "ann2" && annotate.ErrorCode(err) != annotate.ENOTFOUND {
				t.Errorf("%s: redo as ann2 (replaced): %v, want nothing to redo", path, err)
			}
			if _, err := s.Undo(); err != nil {
				t.Errorf("%s: undo as %s: %v", path, who, err)
			}
			s.Close()
		}
	}
	a, b := tableRows(t, src), tableRows(t, dst)
	for _, table := range []string{"spans", "labels", "relations"} {
		compareTables(t, map[string][]string{table: a[table]}, map[string][]string{table: b[table]})
	}
	if len(a["events"]) != len(b["events"]) {
		t.Errorf("after the same undos and redos: %d events in the copy, %d in the original", len(b["events"]), len(a["events"]))
	}
}

// brokenDump sends its source's header and first document, then fails.
type brokenDump struct{ src annotate.Dumper }

var errBroken = errors.New("the source broke")

func (b brokenDump) Dump(w annotate.DumpWriter) error {
	n := 0
	return b.src.Dump(stopAfter{w, &n})
}

type stopAfter struct {
	annotate.DumpWriter
	n *int
}

func (s stopAfter) Document(d *annotate.DocumentDump) error {
	if *s.n++; *s.n > 1 {
		return errBroken
	}
	return s.DumpWriter.Document(d)
}

func TestLoadIsAllOrNothing(t *testing.T) {
	src := richProject(t)
	from, err := Open(src, Options{ReadOnly: true, NoCreate: true, NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer from.Close()
	to := newProjectAt(t, filepath.Join(t.TempDir(), "dst.gloss"))
	if err := to.Load(brokenDump{from}); !errors.Is(err, errBroken) {
		t.Fatalf("load from a failing source: %v, want %v", err, errBroken)
	}
	if empty, err := to.Empty(); err != nil || !empty {
		t.Fatalf("after a failed load the project is not empty (%v, %v)", empty, err)
	}

	// A span that does not fit its document is refused, naming it.
	bad := annotate.NewDocument("Short", "tiny", "")
	fake := fakeDump{doc: bad, span: annotate.NewSpan(bad.ID, 2, 9, "l1")}
	err = to.Load(fake)
	if annotate.ErrorCode(err) != annotate.EINVALID || !strings.Contains(err.Error(), fake.span.ID) {
		t.Fatalf("load of a span past its text: %v", err)
	}
	if empty, _ := to.Empty(); !empty {
		t.Fatal("a refused load left something behind")
	}

	// A project with anything in it is refused and left as it was.
	full, err := Open(src, Options{NoCreate: true, NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	before := tableRows(t, src)
	if err := full.Load(from); annotate.ErrorCode(err) != annotate.ECONFLICT {
		t.Fatalf("load into a project with documents: %v, want ECONFLICT", err)
	}
	full.Close()
	compareTables(t, before, tableRows(t, src))
}

func newProjectAt(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(path, Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// fakeDump is a one-label, one-document dump with one span.
type fakeDump struct {
	doc  *annotate.Document
	span *annotate.Span
}

func (f fakeDump) Dump(w annotate.DumpWriter) error {
	if err := w.Header(&annotate.DumpHeader{Labels: []*annotate.Label{{ID: "l1", Name: "claim", Color: "#E69F00"}}}); err != nil {
		return err
	}
	return w.Document(&annotate.DocumentDump{Document: f.doc, Spans: []*annotate.Span{f.span}})
}
