package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"gloss/store"
)

// Hostile import input. Each case gets a clear error naming the file, or is
// imported correctly; either way the project stays sound, and after an
// error it holds nothing of the failed import (imports are one transaction).

// hostileCase is one file (or folder) to import.
type hostileCase struct {
	name  string
	files map[string][]byte // relative path → content; the first path component is imported
	want  string            // a substring of the error; "" = must import
	check func(t *testing.T, p string)
}

// projectState returns the number of documents and spans after checking
// that the project passes SQLite's integrity check.
func projectState(t *testing.T, p string) (docs, spans int) {
	t.Helper()
	s, err := store.Open(p, store.Options{NoCreate: true, NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if problems, err := s.Check(context.Background()); err != nil || len(problems) > 0 {
		t.Fatalf("check: %v %v", problems, err)
	}
	st, err := s.Stats()
	if err != nil {
		t.Fatal(err)
	}
	return st.Documents, st.Spans
}

func bratPair(txt []byte) map[string][]byte {
	return map[string][]byte{"corpus/a.txt": txt, "corpus/a.ann": []byte("T1\tclaim 0 3\tabc\n")}
}

func hostileCases() []hostileCase {
	nested := func(open string) []byte { return []byte(strings.Repeat(open, 100000)) }
	return []hostileCase{
		{"invalid UTF-8 in text", map[string][]byte{"a.txt": []byte("ok\nbad \xff\xfe here\n")}, "a.txt:2: invalid UTF-8", nil},
		{"invalid UTF-8 in JSONL", map[string][]byte{"a.jsonl": []byte("{\"text\": \"caf\xe9\"}\n")}, "invalid UTF-8", nil},
		{"invalid UTF-8 in Gloss JSON", map[string][]byte{"a.json": []byte(`{"format":"gloss","version":1,"labels":[],"documents":[{"title":"t","text":"x` + "\xc3\x28" + `"}]}`)}, "invalid UTF-8", nil},
		{"invalid UTF-8 in doccano", map[string][]byte{"a.jsonl": []byte("{\"text\": \"abc\", \"label\": [[0, 3, \"cl\xffaim\"]]}\n")}, "invalid UTF-8", nil},
		{"invalid UTF-8 in CoNLL", map[string][]byte{"a.conll": []byte("Moscow B-actor\nsa\xffid O\n")}, "invalid UTF-8", nil},
		{"invalid UTF-8 in brat text", bratPair([]byte("abc \xff")), "invalid UTF-8", nil},
		{"NUL in text", map[string][]byte{"a.txt": []byte("PNG\x00\x01")}, "NUL byte", nil},
		{"NUL escaped in JSONL", map[string][]byte{"a.jsonl": []byte(`{"text": "a\u0000b"}` + "\n")}, "NUL byte", nil},
		{"NUL in Label Studio", map[string][]byte{"a.json": []byte(`[{"data": {"text": "a\u0000b"}}]`)}, "NUL byte", nil},
		{"NUL in CoNLL", map[string][]byte{"a.conll": []byte("Mos\x00cow B-actor\n")}, "NUL", nil},
		{"NUL in brat text", bratPair([]byte("abc\x00def")), "NUL byte", nil},
		{"100k [ in JSON", map[string][]byte{"a.json": nested("[")}, "a.json", nil},
		{"100k { in JSON", map[string][]byte{"a.json": nested(`{"a":`)}, "a.json", nil},
		{"100k [ in JSONL", map[string][]byte{"a.jsonl": nested("[")}, "a.jsonl:1", nil},
		{"100k [ in a Label Studio field", map[string][]byte{"a.json": append(append([]byte(`[{"data": {"text": "x", "meta": `), nested("[")...), []byte(`}}]`)...)}, "a.json", nil},
		{"labels with quotes, SQL and emoji", map[string][]byte{"a.jsonl": []byte(
			`{"text": "Moscow and Beijing met", "label": [[0, 6, "Robert'); DROP TABLE spans;--"], [11, 18, "\"quoted\" 'label'"], [19, 22, "🤝 claim ✓"]]}` + "\n")},
			"", checkLabels("Robert'); DROP TABLE spans;--", `"quoted" 'label'`, "🤝 claim ✓")},
		{"label with a line break", map[string][]byte{"a.jsonl": []byte(`{"text": "Moscow", "label": [[0, 6, "two\nlines"]]}` + "\n")}, "line break", nil},
	}
}

// checkLabels checks that the labels were stored and export exactly as named.
func checkLabels(names ...string) func(t *testing.T, p string) {
	return func(t *testing.T, p string) {
		out := mustGC(t, "span", "list", "--json", p)
		for _, n := range names {
			if !strings.Contains(out, strings.ReplaceAll(strings.ReplaceAll(n, `\`, `\\`), `"`, `\"`)) {
				t.Errorf("label %q not listed:\n%s", n, out)
			}
		}
		if docs, spans := projectState(t, p); docs != 1 || spans != len(names) {
			t.Errorf("%d documents, %d spans", docs, spans)
		}
	}
}

func TestHostileImports(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	for _, c := range hostileCases() {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, "p.gloss")
			mustGC(t, "init", p)
			var target string
			for rel, content := range c.files {
				full := filepath.Join(dir, "in", rel)
				os.MkdirAll(filepath.Dir(full), 0o755)
				if err := os.WriteFile(full, content, 0o644); err != nil {
					t.Fatal(err)
				}
				target = filepath.Join(dir, "in", strings.Split(rel, "/")[0])
			}
			_, errs, code := gc(t, "import", p, target)
			if c.want == "" {
				if code != 0 {
					t.Fatalf("import failed: %s", errs)
				}
				c.check(t, p)
				return
			}
			if code != 1 || !strings.Contains(errs, c.want) || strings.Count(errs, "\n") != 1 || len(errs) > 600 || !utf8.ValidString(errs) {
				t.Fatalf("exit %d, stderr %q; want one short line containing %q", code, errs, c.want)
			}
			if docs, spans := projectState(t, p); docs != 0 || spans != 0 {
				t.Fatalf("failed import left %d documents, %d spans", docs, spans)
			}
		})
	}
}

// TestHugeLine imports a JSONL file whose one line is a 100 MB text, and
// one whose 100 MB line is broken JSON: the first is stored whole, the
// second gives a short error. Time and peak memory are logged.
func TestHugeLine(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	dir := t.TempDir()
	p := filepath.Join(dir, "p.gloss")
	mustGC(t, "init", p)
	const n = 100 << 20
	var buf bytes.Buffer
	buf.Grow(n + 64)
	buf.WriteString(`{"title": "huge", "text": "`)
	word := "Beijing and Moscow met again 🤝 "
	for buf.Len() < n {
		buf.WriteString(word)
	}
	good := filepath.Join(dir, "huge.jsonl")
	os.WriteFile(good, append(buf.Bytes(), "\"}\n"...), 0o644)
	bad := filepath.Join(dir, "broken.jsonl")
	os.WriteFile(bad, buf.Bytes(), 0o644) // the string never ends
	size := buf.Len()
	buf = bytes.Buffer{}

	var errs string
	var code int
	d, peak := measure(func() { _, errs, code = gc(t, "import", p, bad) })
	t.Logf("100 MB broken line: exit %d in %v, peak RSS %s: %s", code, d, peak, strings.TrimSpace(errs))
	if code != 1 || !strings.Contains(errs, "broken.jsonl:1") || len(errs) > 600 {
		t.Errorf("broken line: exit %d, %q", code, errs)
	}
	d, peak = measure(func() { _, errs, code = gc(t, "import", p, good) })
	t.Logf("100 MB line: exit %d in %v, peak RSS %s", code, d, peak)
	if code != 0 {
		t.Fatalf("huge line: %s", errs)
	}
	s, err := store.Open(p, store.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := s.FindDocument("huge")
	if err != nil || len(doc.Text) != size-len(`{"title": "huge", "text": "`) {
		t.Fatalf("stored %d bytes, %v", len(doc.Text), err)
	}
	s.Close()
	end := utf8.RuneCountInString(doc.Text)
	d, peak = measure(func() {
		_, errs, code = gc(t, "span", "add", "--doc", "huge", "--start", fmt.Sprint(end-8), "--end", fmt.Sprint(end-1), "--label", "actor", p)
	})
	t.Logf("span at code point %d of it: exit %d in %v, peak RSS %s", end-8, code, d, peak)
	if code != 0 {
		t.Errorf("span near the end: %s", errs)
	}
	if _, errs, code = gc(t, "span", "add", "--doc", "huge", "--start", fmt.Sprint(end-1), "--end", fmt.Sprint(end+1), "--label", "actor", p); code != 1 || !strings.Contains(errs, "past the end") {
		t.Errorf("span past the end: exit %d, %q", code, errs)
	}
}

// TestMillionSpans imports one document with 1,000,000 spans from a Gloss
// JSON file, then checks them all in the project; time and memory are logged.
func TestMillionSpans(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	dir := t.TempDir()
	p := filepath.Join(dir, "p.gloss")
	mustGC(t, "init", p)
	const spans = 1000000
	var buf bytes.Buffer
	text := strings.Repeat("ab", spans/2+1)
	fmt.Fprintf(&buf, `{"format":"gloss","version":1,"labels":[{"name":"claim"}],"documents":[{"title":"million","text":%q,"spans":[`, text)
	for i := 0; i < spans; i++ {
		if i > 0 {
			buf.WriteByte(',')
		}
		fmt.Fprintf(&buf, `{"start":%d,"end":%d,"label":"claim"}`, i, i+1)
	}
	buf.WriteString("]}]}\n")
	in := filepath.Join(dir, "million.json")
	os.WriteFile(in, buf.Bytes(), 0o644)
	size := buf.Len()
	buf = bytes.Buffer{}
	var errs string
	var code int
	d, peak := measure(func() { _, errs, code = gc(t, "import", p, in) })
	t.Logf("1,000,000 spans in one document (%.0f MB of JSON): exit %d in %v, peak RSS %s", float64(size)/(1<<20), code, d, peak)
	if code != 0 {
		t.Fatalf("import: %s", errs)
	}
	if docs, n := projectState(t, p); docs != 1 || n != spans {
		t.Fatalf("%d documents, %d spans", docs, n)
	}
}
