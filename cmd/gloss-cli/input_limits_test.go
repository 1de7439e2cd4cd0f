package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestImportRefusesEndlessInputs: a device (/dev/zero), a FIFO, or a file
// over --max-input-size is refused with exit 1 and a message naming it,
// importing nothing; a FIFO inside an imported folder is left out and
// reported; the size flag takes units.
func TestImportRefusesEndlessInputs(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "p.gloss")
	mustGC(t, "init", p)
	fifo := filepath.Join(dir, "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.txt")
	os.WriteFile(big, []byte(strings.Repeat("word ", 1000)), 0o644)
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--format", "text", p, "/dev/zero"}, "/dev/zero: not a regular file"},
		{[]string{p, "/dev/zero"}, "/dev/zero: not a regular file"},
		{[]string{"--format", "text", p, fifo}, "pipe.txt: not a regular file"},
		{[]string{"--max-input-size", "4KiB", p, big}, "big.txt: 4.9 KiB is more than the 4.0 KiB"},
		{[]string{"--max-input-size", "4000", "--format", "jsonl", p, big}, "big.txt: 4.9 KiB is more than"},
	}
	for _, c := range cases {
		_, errs, code := gc(t, append([]string{"import"}, c.args...)...)
		if code != 1 || !strings.Contains(errs, c.want) {
			t.Errorf("import %v: exit %d, %q; want %q", c.args, code, errs, c.want)
		}
	}
	if _, errs, code := gc(t, "import", "--max-input-size", "lots", p, big); code != 2 || !strings.Contains(errs, "not a size") {
		t.Errorf("bad size: exit %d, %q", code, errs)
	}
	out, errs, code := gc(t, "import", "--max-input-size", "1MB", p, dir)
	if code != 0 || !strings.Contains(out, "imported 1 document,") {
		t.Fatalf("folder with a FIFO: exit %d, %q %q", code, out, errs)
	}
	if out := mustGC(t, "stats", p); !strings.Contains(out, "1") {
		t.Errorf("stats: %q", out)
	}
}
