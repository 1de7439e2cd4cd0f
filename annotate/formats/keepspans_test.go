package formats

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAutoImportKeepsBratSubfolders: a brat corpus split into train/ and
// dev/ (no .ann at its top) imports every span under auto.
func TestAutoImportKeepsBratSubfolders(t *testing.T) {
	dir := t.TempDir()
	for _, sub := range []string{"train", "dev"} {
		os.MkdirAll(filepath.Join(dir, sub), 0o755)
		os.WriteFile(filepath.Join(dir, sub, sub+".txt"), []byte("Alice met Bob."), 0o644)
		os.WriteFile(filepath.Join(dir, sub, sub+".ann"), []byte("T1\tactor 0 5\tAlice\nT2\tactor 10 13\tBob\n"), 0o644)
	}
	os.WriteFile(filepath.Join(dir, "README.txt"), []byte("About the corpus."), 0o644)
	b, err := LoadPaths(context.Background(), []string{dir}, "auto")
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Documents) != 3 || len(b.Spans) != 4 {
		t.Errorf("imported %d documents, %d spans; want 3 and 4", len(b.Documents), len(b.Spans))
	}
}

// TestSpacyExportReimportsAsSpans: Gloss's own spaCy export read back with
// auto detection (by a short first line, and by a first line longer than
// the sniffed head) comes back as spans, not metadata.
func TestSpacyExportReimportsAsSpans(t *testing.T) {
	for _, text := range []string{"Alice met Bob.", strings.Repeat("long text ", 1000) + "Alice met Bob."} {
		src := newFakeSource("actor")
		d := src.doc("d", text)
		src.span(t, d, "Alice", 0, "actor")
		src.span(t, d, "Bob", 0, "actor")
		src.doc("empty", "no spans here")
		var buf bytes.Buffer
		if _, err := writeSpacy(&buf, src); err != nil {
			t.Fatal(err)
		}
		f, err := Detect("out.jsonl", buf.Bytes(), "auto")
		if err != nil {
			t.Fatal(err)
		}
		b, err := f.Read("out.jsonl", buf.Bytes())
		if err != nil {
			t.Fatalf("read as %s: %v", f.Name, err)
		}
		if len(b.Spans) != 2 || len(b.Documents) != 2 {
			t.Fatalf("read as %s (text of %d bytes): %d spans, %d documents", f.Name, len(text), len(b.Spans), len(b.Documents))
		}
		got := batchRows(b, b.Documents[0], false)
		want := sourceRows(src, d, false, func(s string) string { return s })
		if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
			t.Errorf("spans %v, want %v", got, want)
		}
		if len(b.Documents[0].Metadata) != 0 {
			t.Errorf("metadata %v", b.Documents[0].Metadata)
		}
	}
}

// TestUnreadAnnotationsAreReported: a JSONL line with a list under a name
// other tools keep annotations in, which Gloss cannot read as spans, is
// imported with that field as metadata and counted in Skipped.
func TestUnreadAnnotationsAreReported(t *testing.T) {
	data := `{"text": "Alice met Bob.", "ents": [{"start_char": 0, "end_char": 5, "label_": "PER"}]}` + "\n" +
		`{"text": "Nothing.", "tags": []}` + "\n"
	b, err := jsonlFormat.Read("x.jsonl", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for k, c := range b.Skipped {
		if strings.Contains(k, `"ents"`) {
			n += c
		}
	}
	if n != 1 || len(b.Skipped) != 1 {
		t.Errorf("skipped %v; want one \"ents\" field", b.Skipped)
	}
}
