package pgstore

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gloss/annotate"
	"gloss/annotate/formats"
	"gloss/internal/pgtest"
	"gloss/store"
)

// structuredProject is what the import tests read of either store.
type structuredProject interface {
	annotate.Project
	annotate.Structure
}

// importedText is a project's documents, schema and structure as text
// that two imports of one batch share: spans by range, label and
// annotator, relations and events by what they link, notes, equivalence
// sets and normalisations by what they say (the IDs a store makes for
// them differ), each list sorted.
func importedText(t *testing.T, p structuredProject) string {
	t.Helper()
	labels, err := p.Labels()
	if err != nil {
		t.Fatal(err)
	}
	labelName := map[string]string{}
	for _, l := range labels {
		labelName[l.ID] = l.Name
	}
	sc, err := p.Schema()
	if err != nil {
		t.Fatal(err)
	}
	typeName := map[string]string{}
	var lines []string
	add := func(format string, args ...any) { lines = append(lines, fmt.Sprintf(format, args...)) }
	for _, rt := range sc.RelationTypes {
		typeName[rt.ID] = rt.Name
		add("type %s directed=%v %v>%v %s>%s", rt.Name, rt.Directed, rt.FromLabels, rt.ToLabels, rt.FromRole, rt.ToRole)
	}
	for _, d := range sc.AttributeDefs {
		add("attribute %s.%s %s %v scope=%s", d.Label, d.Name, d.Kind, d.Values, d.Scope)
	}
	for _, c := range sc.CategorySets {
		add("category set %s multi=%v %v", c.Name, c.Multi, c.Values)
	}
	docs, err := p.Documents()
	if err != nil {
		t.Fatal(err)
	}
	for _, di := range docs {
		d, err := p.Document(di.ID)
		if err != nil {
			t.Fatal(err)
		}
		add("document %q categories %v", d.Title, d.Categories)
		name := map[string]string{}
		for _, sp := range spansOf(t, p, d.ID) {
			name[sp.ID] = fmt.Sprintf("%s[%d,%d)/%s", labelName[sp.LabelID], sp.Start, sp.End, sp.Annotator)
			add("%q span %s attrs %v", d.Title, name[sp.ID], sp.Attributes)
		}
		ds, err := p.DocStructure(d.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range ds.Relations {
			name[r.ID] = fmt.Sprintf("%s(%s>%s)/%s", typeName[r.TypeID], name[r.From], name[r.To], r.Annotator)
			add("%q relation %s note %q attrs %v", d.Title, name[r.ID], r.Note, r.Attributes)
		}
		for _, e := range ds.Events {
			name[e.ID] = fmt.Sprintf("%s(%s)/%s", e.Type, name[e.Trigger], e.Annotator)
		}
		for _, e := range ds.Events {
			var args []string
			for _, a := range e.Args {
				args = append(args, a.Role+":"+name[a.Ref])
			}
			add("%q event %s args %v attrs %v", d.Title, name[e.ID], args, e.Attributes)
		}
		for _, n := range ds.Notes {
			add("%q note %s on %s: %q", d.Title, n.Type, name[n.Target], n.Text)
		}
		for _, q := range ds.Equivs {
			var ms []string
			for _, m := range q.Members {
				ms = append(ms, name[m])
			}
			add("%q %s set %v", d.Title, q.Type, ms)
		}
		for _, n := range ds.Norms {
			add("%q normalisation %s on %s: %s:%s %q", d.Title, n.Type, name[n.Target], n.Resource, n.EntryID, n.Text)
		}
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

func spansOf(t *testing.T, p annotate.Project, docID string) []*annotate.Span {
	t.Helper()
	spans, err := p.Spans(docID)
	if err != nil {
		t.Fatal(err)
	}
	return spans
}

// importBoth imports the batches load gives (a fresh one for each store)
// into a new project file and a new server project, in turn, and fails
// unless every import adds the same to both and both end the same.
func importBoth(t *testing.T, load func() *annotate.Batch, times int) (file *store.Store, srv *Store) {
	t.Helper()
	file, err := store.Open(filepath.Join(t.TempDir(), "imported.gloss"), store.Options{Annotator: "ann1", NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { file.Close() })
	srv, _ = newProject(t, "ann1")
	for i := range times {
		fres, err := file.Import(load())
		if err != nil {
			t.Fatalf("import %d into the file: %v", i+1, err)
		}
		sres, err := srv.Import(load())
		if err != nil {
			t.Fatalf("import %d into the server: %v", i+1, err)
		}
		if a, b := fmt.Sprintf("%+v", sres), fmt.Sprintf("%+v", fres); a != b {
			t.Errorf("import %d into the server: %s; into the file: %s", i+1, a, b)
		}
	}
	a, b := importedText(t, srv), importedText(t, file)
	if a != b {
		t.Errorf("the server project after import:\n%s\nthe file after the same import:\n%s", a, b)
	}
	return file, srv
}

// TestImportStructureLikeFile: a brat batch with a relation, nested
// events, attributes, typed notes, an equivalence set and a normalisation
// imports into a server project as into a project file, and importing it
// again does the same to both.
func TestImportStructureLikeFile(t *testing.T) {
	load := func() *annotate.Batch {
		b, err := formats.LoadPaths(context.Background(), []string{filepath.Join("testdata", "brat-structure")}, "brat")
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	file, srv := importBoth(t, load, 2)
	got := importedText(t, srv)
	for _, want := range []string{
		`relation Knows(Person[0,5)/ann1>Person[11,14)/ann1)/ann1 note "maybe"`,
		`event Say(Say[6,10)/ann1)/ann1 args [Speaker:Person[0,5)/ann1 Topic:Leave(Leave[15,19)/ann1)/ann1]`,
		`note Lemma on Say[6,10)/ann1: "say"`,
		`Equiv set [Person[0,5)/ann1 Person[11,14)/ann1]`,
		`normalisation Reference on Person[0,5)/ann1: Wikidata:Q1 "Alice"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the server's import lacks %s:\n%s", want, got)
		}
	}
	// Undo and the edit log see the import as the file's does.
	fh, _ := file.History(1)
	sh, err := srv.History(1)
	if err != nil || len(sh) != 1 || len(fh) != 1 || sh[0].Detail != fh[0].Detail {
		t.Errorf("the server logged the import as %+v (%v), the file as %+v", sh, err, fh)
	}
}

// TestImportGlossStructureLikeFile: a Gloss JSON export of a structured
// project (relations, events, notes, attributes, document categories)
// imports into a server project as into a project file.
func TestImportGlossStructureLikeFile(t *testing.T) {
	path, _, _ := structuredFile(t)
	src, err := store.Open(path, store.Options{Annotator: "ann1", NoBackup: true, NoCreate: true})
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "structured.json")
	exportGloss(t, src, out)
	src.Close()
	load := func() *annotate.Batch {
		b, err := formats.LoadPaths(context.Background(), []string{out}, "gloss")
		if err != nil {
			t.Fatal(err)
		}
		if len(b.Relations) == 0 || len(b.Events) == 0 || len(b.Documents[0].Categories) == 0 {
			t.Fatalf("the Gloss export has no relations, events or categories: %d, %d, %v", len(b.Relations), len(b.Events), b.Documents[0].Categories)
		}
		return b
	}
	_, srv := importBoth(t, load, 1)
	if got := importedText(t, srv); !strings.Contains(got, `categories map[topic:[news gossip]]`) {
		t.Errorf("the server's import lacks the document's categories:\n%s", got)
	}
}

// exportGloss writes p as Gloss JSON to out.
func exportGloss(t *testing.T, p annotate.Source, out string) []byte {
	t.Helper()
	f, err := formats.Lookup("gloss")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := formats.ExportFile(context.Background(), f, p, out); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestExportGlossServerCopy: a structured project file and its copy on a
// server export the same Gloss JSON, document categories included.
func TestExportGlossServerCopy(t *testing.T) {
	path, _, _ := structuredFile(t)
	src, err := store.Open(path, store.Options{Annotator: "ann1", NoBackup: true, NoCreate: true})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	srv, err := InitFrom(context.Background(), pgtest.NewDatabase(t), Options{Annotator: "ann1"}, src)
	if err != nil {
		t.Fatalf("copy file -> server: %v", err)
	}
	defer srv.Close()
	dir := t.TempDir()
	want := exportGloss(t, src, filepath.Join(dir, "file.json"))
	got := exportGloss(t, srv, filepath.Join(dir, "server.json"))
	if !bytes.Contains(want, []byte(`"categories":{"topic":["news","gossip"]}`)) {
		t.Fatalf("the file's export has no categories:\n%s", want)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the server copy exports\n%s\nthe file exports\n%s", got, want)
	}
}
