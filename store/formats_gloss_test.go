package store

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gloss/annotate"
	"gloss/annotate/formats"
)

// importDir reads a brat folder of testdata into a new project.
func importDir(t *testing.T, dir string, categories map[string][]string) (*annotate.Batch, *Store) {
	t.Helper()
	b, err := formats.LoadPaths(context.Background(), []string{filepath.Join("testdata", dir)}, "brat")
	if err != nil {
		t.Fatal(err)
	}
	if categories != nil {
		b.Documents[0].Categories = categories
	}
	s := newProject(t)
	if _, err := s.Import(b); err != nil {
		t.Fatal(err)
	}
	return b, s
}

// TestGlossJSONKeepsStructureThroughProjects: a brat document with a
// relation, nested events, attributes, typed notes, an equivalence set and
// a normalisation, with document categories, exported as Gloss JSON (and
// JSONL) from one project says what the brat files say; imported into a
// second project and exported again it still does, with the relation
// types, attribute definitions and category sets.
func TestGlossJSONKeepsStructureThroughProjects(t *testing.T) {
	in, s := importDir(t, "brat-structure", map[string][]string{"stance": {"neutral"}})
	if err := s.AddCategorySet(&annotate.CategorySet{Name: "topic", Multi: true, Values: []string{"a", "b"}}); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"gloss", "jsonl"} {
		t.Run(format, func(t *testing.T) {
			f, _ := formats.Lookup(format)
			var buf bytes.Buffer
			rep, err := f.Write(&buf, s)
			if err != nil {
				t.Fatal(err)
			}
			first, err := f.Read("out."+format, buf.Bytes())
			if err != nil {
				t.Fatalf("read back: %v", err)
			}
			sameFacts(t, in, first, "S", "R", "E", "#", "*", "N", "C")
			_, back, rep2, s2 := projectRoundTrip(t, format, "out."+format, buf.String())
			sameFacts(t, in, back, "S", "R", "E", "#", "*", "N", "C")
			sc, _ := s.Schema()
			sc2, _ := s2.Schema()
			if format == "gloss" {
				if len(rep.Dropped)+len(rep2.Dropped) != 0 {
					t.Errorf("export left out %v, then %v", rep.Dropped, rep2.Dropped)
				}
				if !sameSchema(sc, sc2) {
					t.Errorf("schema changed through Gloss JSON:\n%+v\n%+v", sc, sc2)
				}
			} else if n := rep.Dropped["relation type, attribute and category set definitions (Gloss JSONL has no place for them; Gloss JSON keeps them)"]; n != len(sc.RelationTypes)+len(sc.AttributeDefs)+len(sc.CategorySets) || n == 0 {
				t.Errorf("JSONL export reported %v", rep.Dropped)
			}
		})
	}
}

// sameSchema compares two schemas without IDs.
func sameSchema(a, b *annotate.Schema) bool {
	key := func(sc *annotate.Schema) []string {
		var out []string
		for _, t := range sc.RelationTypes {
			c := *t
			c.ID = ""
			out = append(out, strings.Join([]string{"R", c.Name, c.Color, strings.Join(c.FromLabels, "|"), strings.Join(c.ToLabels, "|"), c.FromRole, c.ToRole}, " ")+map[bool]string{true: " directed"}[c.Directed])
		}
		for _, d := range sc.AttributeDefs {
			out = append(out, strings.Join([]string{"A", d.Label, d.Name, string(d.Kind), strings.Join(d.Values, "|"), d.Scope}, " "))
		}
		for _, c := range sc.CategorySets {
			out = append(out, strings.Join([]string{"C", c.Name, strings.Join(c.Values, "|")}, " ")+map[bool]string{true: " multi"}[c.Multi])
		}
		slices.Sort(out)
		return out
	}
	return slices.Equal(key(a), key(b))
}

// TestReadGlossVersion1 reads a version 1 file (no structure) into a project.
func TestReadGlossVersion1(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "gloss-v1.json"))
	if err != nil {
		t.Fatal(err)
	}
	_, back, _, s := projectRoundTrip(t, "gloss", "gloss-v1.json", string(data))
	if len(back.Documents) != 2 || len(back.Spans) != 3 || len(back.Relations) != 0 {
		t.Errorf("read back %d documents, %d spans, %d relations", len(back.Documents), len(back.Spans), len(back.Relations))
	}
	spans, err := s.Spans(back.Documents[0].ID)
	if err != nil || len(spans) != 2 || spans[0].Note != "first" {
		t.Errorf("spans %+v, %v", spans, err)
	}
	f, _ := formats.Lookup("gloss")
	v3 := bytes.Replace(data, []byte(`"version": 1`), []byte(`"version": 3`), 1)
	if _, err := f.Read("v3.json", v3); err == nil || !strings.Contains(err.Error(), "version 3 is not supported") {
		t.Errorf("version 3: %v", err)
	}
}

// TestBratDependenciesRoundTrip: a CoNLL-X dependency corpus converted to
// brat (one T per token typed by its POS tag, one R per dependency with
// the head as Arg1) imports into a project and exports back with every
// token and dependency kept.
func TestBratDependenciesRoundTrip(t *testing.T) {
	_, s := importDir(t, "conll-dep", nil)
	out := filepath.Join(t.TempDir(), "out")
	brat, _ := formats.Lookup("brat")
	rep, err := formats.ExportFile(context.Background(), brat, s, out)
	if err != nil {
		t.Fatal(err)
	}
	delete(rep.Dropped, "span annotator names")
	if len(rep.Dropped) != 0 {
		t.Errorf("export left out %v", rep.Dropped)
	}
	want := bratFacts(t, filepath.Join("testdata", "conll-dep", "sentences.ann"))
	got := bratFacts(t, filepath.Join(out, "sentences.ann"))
	if !slices.Equal(got, want) {
		t.Errorf("facts differ\n got %q\nwant %q", got, want)
	}
	if n := len(slices.DeleteFunc(slices.Clone(want), func(f string) bool { return f[0] != 'R' })); n != 8 {
		t.Errorf("%d dependencies compared, want 8", n)
	}
}
