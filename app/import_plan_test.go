package app_test

import (
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"gloss/annotate/formats"
	"gloss/assets"
	"gloss/internal/fixture"
)

// TestDropReadsThePlannedFiles: dropping a mixed folder on the window adds
// exactly the files formats.PlanPaths picks, the plan gloss-cli import
// follows too (cmd/gloss-cli's TestImportReadsThePlannedFiles checks the
// same folder there).
func TestDropReadsThePlannedFiles(t *testing.T) {
	g, s := newGloss(t)
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
	g.Drop(dir)
	docs, err := s.Documents()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range docs {
		if d.Title != assets.SampleTitle {
			got = append(got, d.Source)
		}
	}
	sort.Strings(got)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("the window imported %q\nthe plan reads %q", got, want)
	}
}
