package main

import (
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"gloss/annotate/formats"
	"gloss/internal/fixture"
	"gloss/store"
)

// TestImportReadsThePlannedFiles: gloss-cli import of a mixed folder adds
// exactly the files formats.PlanPaths picks, which is also what the window
// reads (app's TestDropReadsThePlannedFiles checks the same folder there).
func TestImportReadsThePlannedFiles(t *testing.T) {
	dir := fixture.ImportFolder(t)
	plan, err := formats.PlanPaths([]string{dir}, "auto")
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, r := range plan.Reads {
		if r.Files == nil {
			want = append(want, r.Path)
		}
		for _, ann := range r.Files { // a brat document's source is its text
			want = append(want, strings.TrimSuffix(ann, filepath.Ext(ann))+".txt")
		}
	}
	sort.Strings(want)
	if len(want) < 5 {
		t.Fatalf("the plan reads only %v", want)
	}
	p := filepath.Join(t.TempDir(), "p.gloss")
	mustGC(t, "init", p)
	mustGC(t, "import", p, dir)
	s, err := store.Open(p, store.Options{NoCreate: true, NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	docs, err := s.Documents()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range docs {
		got = append(got, d.Source)
	}
	sort.Strings(got)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("gloss-cli import read %q\nthe plan reads %q", got, want)
	}
}
