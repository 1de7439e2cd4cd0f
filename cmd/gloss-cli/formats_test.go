package main

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"gloss/internal/fixture"
)

// tLines returns the T lines of a brat .ann file as "label start end\ttext",
// sorted, without their IDs.
func tLines(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, line := range strings.Split(string(b), "\n") {
		if !strings.HasPrefix(line, "T") {
			continue
		}
		f := strings.SplitN(line, "\t", 3)
		if len(f) == 3 {
			out = append(out, f[1]+"\t"+f[2])
		}
	}
	sort.Strings(out)
	return out
}

// TestBratThroughProjectFile imports brat's own news tutorial into a real
// project file and exports it again as brat: every text is byte-identical
// and every T line (label, offsets incl. discontinuous ones, text) returns.
func TestBratThroughProjectFile(t *testing.T) {
	src := fixture.Path(t, "brat-news")
	dir := t.TempDir()
	p := filepath.Join(dir, "p.gloss")
	mustGC(t, "init", p)
	stdout, errs, code := gc(t, "import", p, src)
	if code != 0 {
		t.Fatalf("import: %s", errs)
	}
	if !strings.Contains(stdout, "; 8 relations, 23 events") || strings.Contains(errs, "left out") {
		t.Errorf("import did not report the relations and events it kept: %q, %q", stdout, errs)
	}
	out := filepath.Join(dir, "out")
	if _, errs, code := gc(t, "export", "--format", "brat", "-o", out, p); code != 0 {
		t.Fatalf("export: %s", errs)
	}
	anns, _ := filepath.Glob(filepath.Join(src, "*.ann"))
	if len(anns) == 0 {
		t.Fatal("no .ann files in the fixture")
	}
	for _, ann := range anns {
		base := strings.TrimSuffix(filepath.Base(ann), ".ann")
		want, got := tLines(t, ann), tLines(t, filepath.Join(out, base+".ann"))
		if strings.Join(want, "\n") != strings.Join(got, "\n") {
			t.Errorf("%s: T lines differ\nwant %q\n got %q", base, want, got)
		}
		a, _ := os.ReadFile(filepath.Join(src, base+".txt"))
		b, _ := os.ReadFile(filepath.Join(out, base+".txt"))
		if string(a) != string(b) {
			t.Errorf("%s.txt is not byte-identical", base)
		}
	}
}

// TestFormatsThroughProjectFile exports the Unicode fixture's spans in each
// importable format and imports them into a fresh project file: the same
// spans (offsets, labels, covered text) come back.
func TestFormatsThroughProjectFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "p.gloss")
	mustGC(t, "init", p)
	mustGC(t, "import", p, fixture.UnicodeTextPath())
	for _, s := range fixture.EdgeCases(t).Spans {
		mustGC(t, "span", "add", "--doc", "edge-cases", "--start", itoa(s.Start), "--end", itoa(s.End), "--label", s.Label, p)
	}
	want := mustGC(t, "span", "list", p)
	for _, tt := range []struct{ format, file string }{
		{"gloss", "x.json"}, {"jsonl", "x.jsonl"}, {"doccano", "x.jsonl"}, {"labelstudio", "x.json"}, {"brat", "brat"},
	} {
		t.Run(tt.format, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), tt.file)
			if _, errs, code := gc(t, "export", "--format", tt.format, "-o", out, p); code != 0 {
				t.Fatalf("export: %s", errs)
			}
			q := filepath.Join(t.TempDir(), "q.gloss")
			mustGC(t, "init", q)
			if _, errs, code := gc(t, "import", "--format", tt.format, q, out); code != 0 {
				t.Fatalf("import: %s", errs)
			}
			got := mustGC(t, "span", "list", q)
			if got != want {
				t.Errorf("spans differ after %s\nwant:\n%s\ngot:\n%s", tt.format, want, got)
			}
		})
	}
}
