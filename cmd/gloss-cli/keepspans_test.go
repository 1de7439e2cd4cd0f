package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAutoImportKeepsAnnotations: under --format auto a brat corpus in
// train/ and dev/ imports its spans, Gloss's own spaCy export comes back
// as spans, and a field that looks like annotations Gloss cannot read is
// reported.
func TestAutoImportKeepsAnnotations(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	for _, sub := range []string{"train", "dev"} {
		os.MkdirAll(filepath.Join(corpus, sub), 0o755)
		writeFile(t, filepath.Join(corpus, sub), sub+".txt", "Alice met Bob.")
		writeFile(t, filepath.Join(corpus, sub), sub+".ann", "T1\tactor 0 5\tAlice\nT2\tactor 10 13\tBob\n")
	}
	p := filepath.Join(dir, "p.gloss")
	mustGC(t, "init", p)
	if out := mustGC(t, "import", p, corpus); !strings.Contains(out, "imported 2 documents, 4 spans") {
		t.Errorf("brat in subfolders: %q", out)
	}
	spacy := filepath.Join(dir, "spacy.jsonl")
	mustGC(t, "export", "--format", "spacy", "-o", spacy, p)
	q := filepath.Join(dir, "q.gloss")
	mustGC(t, "init", q)
	if out := mustGC(t, "import", q, spacy); !strings.Contains(out, "imported 2 documents, 4 spans") {
		t.Errorf("spaCy export imported back: %q", out)
	}
	_, errs, code := gc(t, "import", q, writeFile(t, dir, "ents.jsonl", `{"text": "x", "ents": [{"begin": 0}]}`))
	if code != 0 || !strings.Contains(errs, `"ents" fields that look like annotations`) {
		t.Errorf("unread annotations: exit %d, %q", code, errs)
	}
}

// TestExportCSVRaw: gloss-cli export --format csv neutralises a formula in
// a span text; --csv-raw writes it as it is; --csv-raw with another format
// is a usage error.
func TestExportCSVRaw(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "p.gloss")
	mustGC(t, "init", p)
	mustGC(t, "import", p, writeFile(t, dir, "f.txt", "=1+2 is a formula"))
	mustGC(t, "span", "add", "--doc", "f", "--start", "0", "--end", "4", "--label", "claim", p)
	if out := mustGC(t, "export", "--format", "csv", p); !strings.Contains(out, ",'=1+2,") {
		t.Errorf("default: %q", out)
	}
	if out := mustGC(t, "export", "--format", "csv", "--csv-raw", p); !strings.Contains(out, ",=1+2,") {
		t.Errorf("--csv-raw: %q", out)
	}
	if _, _, code := gc(t, "export", "--csv-raw", p); code != 2 {
		t.Errorf("--csv-raw with gloss: exit %d", code)
	}
}
