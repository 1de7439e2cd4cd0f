package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMetadataNumbersSurviveTheProject: a big integer and a long decimal
// in imported metadata come back digit for digit from the project file
// in every export that holds metadata.
func TestMetadataNumbersSurviveTheProject(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "p.gloss")
	mustGC(t, "init", p)
	in := filepath.Join(dir, "in.jsonl")
	os.WriteFile(in, []byte(`{"text": "hello", "id": 1234567890123456789, "score": 0.1000000000000000055511151231257827}`+"\n"), 0o644)
	mustGC(t, "import", p, in)
	for _, f := range []string{"gloss", "jsonl"} {
		out := mustGC(t, "export", "--format", f, p)
		for _, n := range []string{"1234567890123456789", "0.1000000000000000055511151231257827"} {
			if !strings.Contains(out, n) {
				t.Errorf("%s export lost %s: %s", f, n, out)
			}
		}
	}
	if _, errs, code := gc(t, "import", p, writeFile(t, dir, "bad.jsonl", `{"text": "x\ud800"}`)); code != 1 || !strings.Contains(errs, "bad.jsonl:1: \\ud800") {
		t.Errorf("lone surrogate: exit %d, %s", code, errs)
	}
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
