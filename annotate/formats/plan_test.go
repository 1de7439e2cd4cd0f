package formats

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"gloss/internal/fixture"

	"gloss/annotate"
)

// rel lists the paths of a plan's reads relative to dir, with their formats.
func rel(t *testing.T, dir string, plan *Plan) []string {
	t.Helper()
	var out []string
	for _, r := range plan.Reads {
		p, err := filepath.Rel(dir, r.Path)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, filepath.ToSlash(p)+" "+r.Format.Name)
	}
	return out
}

// TestPlanFolderReadsImportableFiles: a folder read with "auto" takes its
// text, HTML, DOCX, CSV/TSV and JSONL files, each in its detected format,
// and its brat documents (here in a subfolder) as brat, the .txt of an .ann
// not as text too; it says why it leaves out the rest.
func TestPlanFolderReadsImportableFiles(t *testing.T) {
	dir := fixture.ImportFolder(t)
	plan, err := PlanPaths([]string{dir}, "auto")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"a.txt text", "b.MD text", "notes.markdown text", "sub/c.text text", "sub/deeper/d.txt text", "tasks.jsonl doccano", ". brat"}
	if got := rel(t, dir, plan); !reflect.DeepEqual(got, want) {
		t.Errorf("reads %q\nwant %q", got, want)
	}
	skipped := map[string]string{}
	for _, s := range plan.Skipped {
		p, _ := filepath.Rel(dir, s.Path)
		skipped[filepath.ToSlash(p)] = s.Reason
	}
	wantSkip := map[string]string{
		".git": SkipHidden, ".hidden.txt": SkipHidden, "sub/.cache": SkipHidden,
		"export.json": SkipNotText, "image.png": SkipNotText,
	}
	if !reflect.DeepEqual(skipped, wantSkip) {
		t.Errorf("skipped %v\nwant %v", skipped, wantSkip)
	}
}

func TestPlanBratFolderAndNamedFormat(t *testing.T) {
	dir := fixture.ImportFolder(t)
	plan, err := PlanPaths([]string{filepath.Join(dir, "bratsub")}, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Reads) != 1 || plan.Reads[0].Format.Name != "brat" || len(plan.Reads[0].Files) != 1 ||
		filepath.Base(plan.Reads[0].Files[0]) != "x.ann" || len(plan.Skipped) != 0 {
		t.Fatalf("brat folder planned as %+v, skipped %v", plan.Reads, plan.Skipped)
	}
	b, err := Load(context.Background(), plan, nil)
	if err != nil || len(b.Documents) != 1 || len(b.Spans) != 1 || len(b.Labels) != 1 {
		t.Fatalf("brat folder read as %+v, %v", b, err)
	}

	plan, err = PlanPaths([]string{dir}, "gloss")
	if err != nil {
		t.Fatal(err)
	}
	if got := rel(t, dir, plan); !reflect.DeepEqual(got, []string{"export.json gloss"}) {
		t.Errorf("--format gloss reads %q", got)
	}
}

func TestPlanDetectsNamedFiles(t *testing.T) {
	dir := fixture.ImportFolder(t)
	var paths []string
	for _, f := range []string{"export.json", "tasks.jsonl", "a.txt", ".hidden.txt"} {
		paths = append(paths, filepath.Join(dir, f))
	}
	plan, err := PlanPaths(paths, "auto")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"export.json gloss", "tasks.jsonl doccano", "a.txt text", ".hidden.txt text"}
	if got := rel(t, dir, plan); !reflect.DeepEqual(got, want) {
		t.Errorf("reads %q, want %q", got, want)
	}
	for _, tc := range []struct {
		paths  []string
		format string
		want   []string
	}{
		{[]string{filepath.Join(dir, "missing.txt")}, "auto", []string{"missing.txt"}},
		{[]string{filepath.Join(dir, "image.png")}, "auto", []string{"image.png", "--format"}},
		{[]string{dir}, "nosuch", []string{`unknown format "nosuch"`}},
	} {
		_, err := PlanPaths(tc.paths, tc.format)
		errorNames(t, err, tc.want...)
	}
	// A text file named as CSV is planned, and refused when read.
	_, err = LoadPaths(context.Background(), []string{filepath.Join(dir, "a.txt")}, "csv")
	errorNames(t, err, "a.txt", `no text column "text"`, "span table")
}

// TestDetectJSONNeitherSniffed: a .json that is neither Gloss JSON nor a
// Label Studio export is read as Gloss JSON by the explicit fallback rule,
// whose reader names the file; the table's order plays no part.
func TestDetectJSONNeitherSniffed(t *testing.T) {
	data := []byte(`{"documents": []}`)
	check := func() {
		t.Helper()
		f, err := Detect("x.json", data, "auto")
		if err != nil || f.Name != "gloss" {
			t.Fatalf("x.json detected as %v, %v; want gloss", f, err)
		}
		if f, err := Detect("x.jsonl", []byte(`{"text":"hi"}`), ""); err != nil || f.Name != "jsonl" {
			t.Fatalf("x.jsonl detected as %v, %v; want jsonl", f, err)
		}
	}
	check()
	saved := table
	defer func() { table = saved }()
	table = slices.Clone(saved)
	slices.Reverse(table)
	check()

	path := filepath.Join(t.TempDir(), "x.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := LoadPaths(context.Background(), []string{path}, "auto")
	errorNames(t, err, "x.json")
}

// TestSharedExtensionsHaveFallback: every extension that several readable
// formats share names one of them as its fallback, and their sniffers never
// both accept the same file.
func TestSharedExtensionsHaveFallback(t *testing.T) {
	by := map[string][]string{}
	for _, f := range table {
		if f.Read == nil {
			continue
		}
		for _, e := range f.Extensions {
			if strings.Count(e, ".") == 1 {
				by[e] = append(by[e], f.Name)
			}
		}
	}
	for ext, names := range by {
		if len(names) > 1 && !slices.Contains(names, fallback[ext]) {
			t.Errorf("%s is read by %v but its fallback is %q", ext, names, fallback[ext])
		}
	}
	for _, head := range []string{`{"format":"gloss","version":1}`, `[{"data":{"text":"a"}}]`, `{"text":"a","label":[]}`} {
		n := 0
		for _, f := range table {
			if f.Sniff != nil && f.Sniff([]byte(head)) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%d sniffers accept %s, want 1", n, head)
		}
	}
}

func TestLoadReportsProgressAndStopsWhenCancelled(t *testing.T) {
	dir := fixture.ImportFolder(t)
	plan, err := PlanPaths([]string{dir}, "auto")
	if err != nil {
		t.Fatal(err)
	}
	var seen []int
	b, err := Load(context.Background(), plan, func(done, total int, path string) {
		if total != len(plan.Reads) || path != plan.Reads[done].Path {
			t.Errorf("progress(%d, %d, %s)", done, total, path)
		}
		seen = append(seen, done)
	})
	if err != nil || len(b.Documents) != len(plan.Reads) || len(b.Spans) == 0 {
		t.Fatalf("loaded %v, %v", b, err)
	}
	if !reflect.DeepEqual(seen, []int{0, 1, 2, 3, 4, 5, 6}) {
		t.Errorf("progress calls %v", seen)
	}

	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	b, err = Load(ctx, plan, func(done, total int, path string) {
		calls++
		if done == 1 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) || b != nil || calls != 2 {
		t.Errorf("cancelled load: batch %v, err %v after %d files", b, err, calls)
	}

	brat, err := PlanPaths([]string{filepath.Join(dir, "bratsub")}, "auto")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Load(ctx, brat, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled brat load: %v", err)
	}
	if _, err := readBratFolder(ctx, brat.Reads[0].Path, brat.Reads[0].Files); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled brat folder read: %v", err)
	}
}

func TestExportStopsWhenCancelled(t *testing.T) {
	src := corpusSource(t)
	for _, name := range []string{"gloss", "brat"} {
		f, err := Lookup(name)
		if err != nil {
			t.Fatal(err)
		}
		dir := t.TempDir()
		out := filepath.Join(dir, "out")
		ctx, cancel := context.WithCancel(context.Background())
		n := 0
		stop := stopAfter{Source: src, n: &n, after: 1, cancel: cancel}
		if _, err := ExportFile(ctx, f, stop, out); !errors.Is(err, context.Canceled) {
			t.Errorf("%s: cancelled export returned %v", name, err)
		}
		if n != 1 {
			t.Errorf("%s: %d documents passed to the writer after cancelling at the first", name, n)
		}
		entries, _ := os.ReadDir(dir)
		if name == "gloss" && len(entries) != 0 {
			t.Errorf("%s: a cancelled export left %v", name, entries)
		}
		if name == "brat" {
			left, _ := os.ReadDir(out)
			if len(left) != 0 {
				t.Errorf("brat: a cancelled export left %d files in the folder", len(left))
			}
		}
	}
}

// stopAfter passes documents on and cancels after the writer has taken
// after of them, counting in n the documents it took.
type stopAfter struct {
	annotate.Source
	n      *int
	after  int
	cancel context.CancelFunc
}

func (s stopAfter) EachDocument(fn func(*annotate.Document, []*annotate.Span) error) error {
	return s.Source.EachDocument(func(d *annotate.Document, spans []*annotate.Span) error {
		if err := fn(d, spans); err != nil {
			return err
		}
		if *s.n++; *s.n == s.after {
			s.cancel()
		}
		return nil
	})
}
