package pgstore

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"gloss/annotate"
	"gloss/annotate/formats"
	"gloss/internal/pgtest"
	"gloss/store"
)

// structuredFile makes a project file from the brat testdata (relation,
// nested events, attributes, typed notes, an equivalence set, a
// normalisation) with document categories and an edit log holding every
// structure record: a relation added and undone (redoable), a relation
// deleted, attributes set, and a span deleted with its structure (undone
// and redone, so the record keeps what went).
func structuredFile(t *testing.T) (path, docID, last string) {
	t.Helper()
	b, err := formats.LoadPaths(context.Background(), []string{filepath.Join("testdata", "brat-structure")}, "brat")
	if err != nil {
		t.Fatal(err)
	}
	path = filepath.Join(t.TempDir(), "src.gloss")
	s, err := store.Open(path, store.Options{Annotator: "ann1", NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Import(b); err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(s.AddCategorySet(&annotate.CategorySet{Name: "topic", Multi: true, Values: []string{"gossip", "news"}}))
	docs, _ := s.Documents()
	docID = docs[0].ID
	must(s.SetCategories(docID, "topic", []string{"news", "gossip"}))
	must(s.SetStatus(docID, annotate.StatusInProgress))
	spans, _ := s.Spans(docID)
	byText := map[string]*annotate.Span{}
	for _, sp := range spans {
		byText[fmt.Sprint(sp.Start)] = sp
	}
	aliceSp, bob, said := byText["0"], byText["11"], byText["6"]
	alice := aliceSp.ID
	sc, _ := s.Schema()
	knows := sc.RelationTypes[0].ID
	ds, _ := s.DocStructure(docID)
	r := annotate.NewRelation(docID, knows, bob.ID, aliceSp.ID)
	must(s.AddRelation(r))
	must(s.SetSpanAttribute(bob.ID, "Certainty", "high"))
	must(s.SetSpanAttribute(said.ID, "free", "text"))
	must(s.DeleteRelation(r.ID))
	if _, err := s.DeleteSpanWithRelations(alice); err != nil {
		t.Fatal(err)
	}
	for _, step := range []func() (*annotate.Event, error){s.Undo, s.Redo, s.Undo} {
		if _, err := step(); err != nil {
			t.Fatal(err)
		}
	}
	if got, _ := s.DocStructure(docID); len(got.Relations) != len(ds.Relations) || len(got.Notes) != len(ds.Notes) || len(got.Norms) != 1 || len(got.Equivs) != 1 {
		t.Fatalf("the fixture's undo did not restore the structure: %+v", got)
	}
	// A relation that stays, then as the last edit in effect a span delete
	// with structure (which leaves a gap in its event's arguments), so that
	// undo on the copy reads the record written by the other store.
	must(s.AddRelation(annotate.NewRelation(docID, knows, bob.ID, bob.ID)))
	if _, err := s.DeleteSpanWithRelations(alice); err != nil {
		t.Fatal(err)
	}
	return path, docID, alice
}

// structureTables are compared row by row, in order; seq, which a copy
// renumbers (except the edit log's), is left out of the structure tables.
var structureTables = []struct{ name, cols, order string }{
	{"labels", "id, name, color, hotkey, description, ord", "ord, id"},
	{"documents", "id, title, text, sha256, source, status, metadata, created_at, updated_at", "seq"},
	{"document_status", "document_id, annotator, status, updated_at", "document_id, annotator"},
	{"spans", `id, document_id, start, "end", label_id, note, annotator, grp, attrs, created_at, updated_at`, "seq"},
	{"events", "seq, at, annotator, action, document_id, span_id, before, after, undone, ref", "seq"},
	{"relation_types", "id, name, color, directed, from_labels, to_labels, from_role, to_role", "seq"},
	{"relations", "id, document_id, type_id, from_span, to_span, annotator, note, attrs, created_at, updated_at", "seq"},
	{"text_events", "id, document_id, type, trigger_span, annotator, attrs", "seq, id"},
	{"event_args", "event_id, pos, role, ref_span, ref_event", "event_id, pos"},
	{"attribute_defs", "id, label, name, kind, vals, scope", "seq"},
	{"notes", "id, document_id, type, target, text", "seq, id"},
	{"equivs", "id, document_id, type, members", "seq, id"},
	{"norms", "id, document_id, type, target, resource, entry_id, text", "seq, id"},
	{"category_sets", "id, name, multi, vals", "seq"},
	{"document_categories", "document_id, set_id, pos, value", "document_id, set_id, pos"},
}

// tableRows reads a table of a project file as text, one row a line.
func tableRows(t *testing.T, path, table, cols, order string) string {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT ` + cols + ` FROM ` + table + ` ORDER BY ` + order)
	if err != nil {
		t.Fatalf("%s: %v", table, err)
	}
	defer rows.Close()
	n := len(strings.Split(cols, ","))
	var b strings.Builder
	for rows.Next() {
		vals := make([]any, n)
		ptrs := make([]any, n)
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		for i, v := range vals {
			if bs, ok := v.([]byte); ok {
				vals[i] = string(bs)
			}
		}
		fmt.Fprintf(&b, "%q\n", vals)
	}
	return b.String()
}

// TestCopyStructureFileServerFile: a structured project copied from a file
// to a server and back to a file is the same, table by table, and undo on
// the server copy restores what the file's last span delete took.
func TestCopyStructureFileServerFile(t *testing.T) {
	ctx := context.Background()
	path, docID, said := structuredFile(t)
	src, err := store.Open(path, store.Options{Annotator: "ann1", NoBackup: true, NoCreate: true})
	if err != nil {
		t.Fatal(err)
	}
	srv, err := InitFrom(ctx, pgtest.NewDatabase(t), Options{Annotator: "ann1"}, src)
	src.Close()
	if err != nil {
		t.Fatalf("copy file -> server: %v", err)
	}
	defer srv.Close()
	back := filepath.Join(t.TempDir(), "back.gloss")
	dst, err := store.Open(back, store.Options{Annotator: "ann1", NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := dst.Load(srv); err != nil {
		t.Fatalf("copy server -> file: %v", err)
	}
	dst.Close()
	for _, tb := range structureTables {
		a, b := tableRows(t, path, tb.name, tb.cols, tb.order), tableRows(t, back, tb.name, tb.cols, tb.order)
		if a == "" && tb.name != "equivs" && tb.name != "norms" {
			t.Errorf("%s: the fixture has no rows", tb.name)
		}
		if a != b {
			t.Errorf("%s differs after file -> server -> file:\n%s\nwant\n%s", tb.name, b, a)
		}
	}

	// Undo on the server reads the file's delete-span record.
	src, err = store.Open(path, store.Options{Annotator: "ann1", NoBackup: true, NoCreate: true})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	for _, p := range []interface {
		Undo() (*annotate.Event, error)
	}{src, srv} {
		if e, err := p.Undo(); err != nil || e.SpanID != said {
			t.Fatalf("undo the span delete: %+v, %v", e, err)
		}
	}
	want, _ := src.DocStructure(docID)
	got, err := srv.DocStructure(docID)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := structureText(got), structureText(want); a != b {
		t.Errorf("after undo on the server the structure is\n%s\nwant (undo on the file)\n%s", a, b)
	}
}

// structureText is a document's structure with relations by ID.
func structureText(ds *annotate.DocStructure) string {
	var b strings.Builder
	for _, r := range ds.Relations {
		fmt.Fprintf(&b, "R %s %s %s>%s %s %q\n", r.ID, r.TypeID, r.From, r.To, r.Annotator, r.Note)
	}
	for _, e := range ds.Events {
		fmt.Fprintf(&b, "E %+v\n", *e)
	}
	for _, n := range ds.Notes {
		fmt.Fprintf(&b, "# %+v\n", *n)
	}
	for _, q := range ds.Equivs {
		fmt.Fprintf(&b, "* %+v\n", *q)
	}
	for _, n := range ds.Norms {
		fmt.Fprintf(&b, "N %+v\n", *n)
	}
	return b.String()
}
