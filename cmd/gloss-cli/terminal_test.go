package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

func TestTermText(t *testing.T) {
	cases := map[string]string{
		"plain ünïcode 👍\nnext\tcol": "plain ünïcode 👍\nnext\tcol",
		"\x1b[2J\x1b]0;pwned\x07":    `\x1b[2J\x1b]0;pwned\x07`,
		"a\rb\bc\x00":                `a\x0db\x08c\x00`,
		"\u009b31m\u0085":            `\u009b31m\u0085`,
		"\u202eexe.txt\u2066\u200f":  `\u202eexe.txt\u2066\u200f`,
		"del\x7f bad\xff":            `del\u007f bad\xff`,
		"\uFFFD kept":                "\uFFFD kept",
	}
	for in, want := range cases {
		if got := termText(in); got != want {
			t.Errorf("termText(%q) = %q, want %q", in, got, want)
		}
	}
	if got := termField("a\tb\nc\\"); got != `a\tb\nc\\` {
		t.Errorf("termField: %q", got)
	}
}

// hasTerminalControl reports a character a terminal would act on.
func hasTerminalControl(s string) bool {
	for _, r := range s {
		if r != '\n' && r != '\t' && (unicode.IsControl(r) || termEscape(r)) {
			return true
		}
	}
	return false
}

// TestCommandsEscapeTerminalControls: titles, labels, span texts, notes
// and file names carrying escape sequences and bidi overrides reach the
// terminal escaped from every command (listings, messages, errors), while
// an export to standard output stays byte for byte the file export, and
// brat file names lose the invisible characters.
func TestCommandsEscapeTerminalControls(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "p.gloss")
	mustGC(t, "init", p)
	evil := "\x1b]0;owned\x07\x1b[31mred\u202eexe.txt\u009b"
	in := writeFile(t, dir, "in.jsonl", `{"title": "`+strings.ReplaceAll(strings.ReplaceAll(evil, "\x1b", `\u001b`), "\x07", `\u0007`)+`", "text": "x \u001b[2J here \u202e"}`+"\n")
	var outs []string
	outs = append(outs, mustGC(t, "import", p, in))
	outs = append(outs, mustGC(t, "labels", "add", "--description", "desc \x1b[5m blink", p, "tag"))
	outs = append(outs, mustGC(t, "span", "add", "--doc", evil, "--start", "0", "--end", "9", "--label", "tag", p))
	outs = append(outs, mustGC(t, "span", "list", p))
	outs = append(outs, mustGC(t, "span", "list", "--json", p))
	outs = append(outs, mustGC(t, "labels", p))
	outs = append(outs, mustGC(t, "stats", p))
	outs = append(outs, mustGC(t, "history", p))
	_, errs, _ := gc(t, "import", p, filepath.Join(dir, "missing\x1b[31m\u202e.txt"))
	outs = append(outs, errs)
	_, errs, _ = gc(t, "span", "add", "--doc", "no\x1b[1m such", "--start", "0", "--end", "1", "--label", "tag", p)
	outs = append(outs, errs)
	for i, o := range outs {
		if hasTerminalControl(o) {
			t.Errorf("output %d holds a terminal control: %q", i, o)
		}
	}
	if !strings.Contains(outs[3], `\x1b]0;owned\x07\x1b[31mred\u202eexe.txt\u009b`) {
		t.Errorf("span list does not show the escaped title: %q", outs[3])
	}
	stdout := mustGC(t, "export", p)
	mustGC(t, "export", "-o", filepath.Join(dir, "out.json"), p)
	file, _ := os.ReadFile(filepath.Join(dir, "out.json"))
	if stdout != string(file) || !strings.Contains(stdout, "\u202e") {
		t.Error("export to standard output differs from the file export")
	}
	mustGC(t, "export", "--format", "brat", "-o", filepath.Join(dir, "brat"), p)
	entries, _ := os.ReadDir(filepath.Join(dir, "brat"))
	for _, e := range entries {
		for _, r := range e.Name() {
			if unicode.Is(unicode.Cf, r) || unicode.IsControl(r) {
				t.Errorf("brat file name %q holds %U", e.Name(), r)
			}
		}
	}
}
