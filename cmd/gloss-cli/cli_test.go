package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"gloss/internal/fixture"
)

// gc runs one gloss-cli command line in-process.
func gc(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return out.String(), errb.String(), code
}

// mustGC runs a command that must succeed and returns its output.
func mustGC(t *testing.T, args ...string) string {
	t.Helper()
	out, errs, code := gc(t, args...)
	if code != 0 {
		t.Fatalf("gloss-cli %v: exit %d: %s", args, code, errs)
	}
	return out
}

// TestEdgeCasesScenario is the core issue's acceptance scenario: import the
// Unicode fixture, add every expected span by code points, export, and get
// back each span's exact text, UTF-16 and UTF-8 offsets.
func TestEdgeCasesScenario(t *testing.T) {
	txt := fixture.UnicodeTextPath()
	var exp struct{ Spans []fixture.Span }
	exp.Spans = fixture.EdgeCases(t).Spans
	p := filepath.Join(t.TempDir(), "p.gloss")
	mustGC(t, "init", p)
	if out := mustGC(t, "import", p, txt); !strings.Contains(out, "imported 1 document,") {
		t.Fatalf("import said %q", out)
	}
	for _, s := range exp.Spans {
		mustGC(t, "span", "add", "--doc", "edge-cases", "--start", itoa(s.Start), "--end", itoa(s.End), "--label", s.Label, p)
	}
	out := mustGC(t, "export", p)
	var g struct {
		Format    string
		Documents []struct {
			Spans []struct {
				Start, End  int
				Label, Text string
				UTF16, UTF8 [2]int
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &g); err != nil {
		t.Fatalf("export is not JSON: %v", err)
	}
	if g.Format != "gloss" || len(g.Documents) != 1 || len(g.Documents[0].Spans) != len(exp.Spans) {
		t.Fatalf("export: format %q, %d documents", g.Format, len(g.Documents))
	}
	got := map[[2]int]int{}
	for i, s := range g.Documents[0].Spans {
		got[[2]int{s.Start, s.End}] = i
	}
	for _, e := range exp.Spans {
		i, ok := got[[2]int{e.Start, e.End}]
		if !ok {
			t.Errorf("span [%d,%d) missing from export", e.Start, e.End)
			continue
		}
		s := g.Documents[0].Spans[i]
		if s.Text != e.Text || s.Label != e.Label || s.UTF16 != [2]int{e.UTF16Start, e.UTF16End} || s.UTF8 != [2]int{e.UTF8Start, e.UTF8End} {
			t.Errorf("span [%d,%d): got %q %s utf16 %v utf8 %v; want %q %s utf16 [%d %d] utf8 [%d %d]",
				e.Start, e.End, s.Text, s.Label, s.UTF16, s.UTF8, e.Text, e.Label, e.UTF16Start, e.UTF16End, e.UTF8Start, e.UTF8End)
		}
	}
	list := mustGC(t, "span", "list", "--doc", "edge-cases", p)
	if !strings.Contains(list, "edge-cases\t9\t18\tactor\tOfficials") {
		t.Errorf("span list:\n%s", list)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestRefusesForeignFiles(t *testing.T) {
	dir := t.TempDir()
	notes := filepath.Join(dir, "notes.txt")
	os.WriteFile(notes, []byte("my notes\n"), 0o644)
	for _, args := range [][]string{
		{"stats", notes},
		{"labels", notes},
		{"import", notes, notes},
		{"span", "add", "--doc", "x", "--start", "0", "--end", "1", "--label", "actor", notes},
	} {
		_, errs, code := gc(t, args...)
		if code != 1 || !strings.Contains(errs, "not a Gloss project") || strings.Count(errs, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q; want one line naming the problem", args, code, errs)
		}
	}
	if b, _ := os.ReadFile(notes); string(b) != "my notes\n" {
		t.Error("notes.txt changed")
	}
}

func TestImportErrorsNameFileAndLine(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "p.gloss")
	mustGC(t, "init", p)
	good := filepath.Join(dir, "good.txt")
	os.WriteFile(good, []byte("fine text\n"), 0o644)
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(bad, []byte("line one\nline \xff two\n"), 0o644)
	jsonl := filepath.Join(dir, "corpus.jsonl")
	os.WriteFile(jsonl, []byte("{\"text\":\"a\",\"title\":\"A\",\"source\":\"wire\"}\n{\"text\": 5}\n"), 0o644)
	bin := filepath.Join(dir, "image.txt")
	os.WriteFile(bin, []byte("PNG\x00\x01\x02"), 0o644)
	tests := []struct {
		name string
		path string
		want string
	}{
		{"invalid UTF-8", bad, "bad.txt:2: invalid UTF-8"},
		{"malformed JSONL line", jsonl, "corpus.jsonl:2:"},
		{"binary file", bin, "image.txt:1: NUL byte"},
		{"missing file", filepath.Join(dir, "nope.txt"), "nope.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs, code := gc(t, "import", p, good, tt.path)
			if code != 1 || !strings.Contains(errs, tt.want) {
				t.Fatalf("exit %d, stderr %q; want it to contain %q", code, errs, tt.want)
			}
			if out := mustGC(t, "stats", p); !strings.Contains(out, "documents\t0") {
				t.Fatalf("a failed import left documents:\n%s", out)
			}
		})
	}
}

func TestImportFoldersAndJSONL(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "p.gloss")
	mustGC(t, "init", p)
	corpus := filepath.Join(dir, "corpus", "2024", "may")
	os.MkdirAll(corpus, 0o755)
	os.WriteFile(filepath.Join(corpus, "one.txt"), []byte("first article"), 0o644)
	os.WriteFile(filepath.Join(corpus, "two.md"), []byte("# second"), 0o644)
	os.WriteFile(filepath.Join(corpus, "skip.pdf"), []byte("%PDF"), 0o644)
	jsonl := filepath.Join(dir, "wire.jsonl")
	os.WriteFile(jsonl, []byte("{\"id\": 17, \"text\": \"wire story\", \"source\": \"AP\"}\n\n{\"title\": \"T\", \"text\": \"titled\"}\n"), 0o644)
	out := mustGC(t, "import", p, filepath.Join(dir, "corpus"), jsonl)
	if !strings.Contains(out, "imported 4 documents") {
		t.Fatalf("import: %q", out)
	}
	if _, errs, code := gc(t, "span", "add", "--doc", "17", "--start", "0", "--end", "4", "--label", "actor", p); code != 0 {
		t.Fatalf("document titled by its JSONL id not found: %s", errs)
	}
	var doc struct {
		Documents []struct {
			Title    string
			Metadata map[string]any
		}
	}
	json.Unmarshal([]byte(mustGC(t, "export", p)), &doc)
	titles := []string{}
	for _, d := range doc.Documents {
		titles = append(titles, d.Title)
	}
	if strings.Join(titles, ",") != "one,two,17,T" {
		t.Errorf("titles %v", titles)
	}
	if doc.Documents[2].Metadata["source"] != "AP" || doc.Documents[2].Metadata["id"] != float64(17) {
		t.Errorf("metadata %v", doc.Documents[2].Metadata)
	}
}

func TestLabelsAndHelp(t *testing.T) {
	p := filepath.Join(t.TempDir(), "p.gloss")
	mustGC(t, "init", p)
	mustGC(t, "labels", "add", "--color", "#123456", "--key", "4", "--description", "an event", p, "event")
	out := mustGC(t, "labels", p)
	if !strings.Contains(out, "event\t#123456\t4\tan event") || strings.Count(out, "\n") != 4 {
		t.Errorf("labels:\n%s", out)
	}
	if _, errs, code := gc(t, "labels", "add", "--key", "1", p, "dup-key"); code != 1 || !strings.Contains(errs, "hotkey 1") {
		t.Errorf("duplicate hotkey: %d %q", code, errs)
	}
	for _, cmd := range [][]string{{"init"}, {"import"}, {"export"}, {"labels"}, {"labels", "add"}, {"span", "add"}, {"span", "list"}, {"stats"}} {
		out, _, code := gc(t, append(cmd, "--help")...)
		if code != 0 || !strings.Contains(out, "Usage: gloss-cli") {
			t.Errorf("%v --help: exit %d, %q", cmd, code, out)
		}
	}
	if _, errs, code := gc(t, "stats", p, "--json"); code != 2 || !strings.Contains(errs, "flags before") {
		t.Errorf("flag after positional: %d %q", code, errs)
	}
	if _, _, code := gc(t, "init", p); code != 1 {
		t.Errorf("init over an existing project: exit %d", code)
	}
}

func TestExportToFileIsAtomic(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "p.gloss")
	mustGC(t, "init", "--sample", p)
	out := filepath.Join(dir, "out.jsonl")
	_, errs, code := gc(t, "export", "--format", "jsonl", "-o", out, p)
	if code != 0 || !strings.Contains(errs, "exported 1 document,") {
		t.Fatalf("export: %d %q", code, errs)
	}
	if info, err := os.Stat(out); err != nil || info.Mode().Perm() != 0o644 {
		t.Errorf("export file mode %v, %v; want -rw-r--r--", info.Mode(), err)
	}
	b, _ := os.ReadFile(out)
	if strings.Count(string(b), "\n") != 1 || !strings.Contains(string(b), "Russia China coordination") {
		t.Errorf("jsonl: %.200s", b)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
	if _, _, code := gc(t, "export", "--format", "nope", p); code != 2 {
		t.Errorf("unknown format: exit %d", code)
	}
}

func TestGen(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "bench.gloss")
	if out := mustGC(t, "gen", "--docs", "30", "--size", "2000", "--spans-per-doc", "5", "--seed", "3", p); !strings.Contains(out, "30 documents, 150 spans") {
		t.Fatalf("gen: %q", out)
	}
	st := mustGC(t, "stats", p)
	if !strings.Contains(st, "documents\t30") || !strings.Contains(st, "spans\t150") {
		t.Errorf("stats:\n%s", st)
	}
	folder := filepath.Join(dir, "articles")
	mustGC(t, "gen", "--docs", "12", "--size", "1000", folder)
	entries, _ := os.ReadDir(folder)
	if len(entries) != 12 {
		t.Fatalf("%d files", len(entries))
	}
	again := filepath.Join(dir, "again")
	mustGC(t, "gen", "--docs", "12", "--size", "1000", again)
	a, _ := os.ReadFile(filepath.Join(folder, entries[5].Name()))
	b, _ := os.ReadFile(filepath.Join(again, entries[5].Name()))
	if string(a) != string(b) {
		t.Error("same seed, different files")
	}
}

// TestImportTwiceMerges: importing the same files again adds no duplicate
// documents, and spans from an annotated re-import land on the document
// already there.
func TestImportTwiceMerges(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "p.gloss")
	mustGC(t, "init", p)
	art := filepath.Join(dir, "article.txt")
	os.WriteFile(art, []byte("Moscow and Beijing met."), 0o644)
	mustGC(t, "import", p, art)
	if out := mustGC(t, "import", p, art); !strings.Contains(out, "imported 0 documents") || !strings.Contains(out, "merged into 1 document already present") {
		t.Errorf("second import said %q", out)
	}
	doccano := filepath.Join(dir, "article.jsonl")
	os.WriteFile(doccano, []byte(`{"title":"article","text":"Moscow and Beijing met.","label":[[0,6,"actor"]]}`+"\n"), 0o644)
	mustGC(t, "import", "--format", "doccano", p, doccano)
	st := mustGC(t, "stats", p)
	if !strings.Contains(st, "documents\t1") || !strings.Contains(st, "spans\t1") {
		t.Errorf("after importing twice and an annotated copy:\n%s", st)
	}
	// the same text under another title is another document
	other := filepath.Join(dir, "copy.txt")
	os.WriteFile(other, []byte("Moscow and Beijing met."), 0o644)
	mustGC(t, "import", p, other)
	if st := mustGC(t, "stats", p); !strings.Contains(st, "documents\t2") {
		t.Errorf("same text, other title:\n%s", st)
	}
}
