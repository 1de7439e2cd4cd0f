package app

import (
	"os"
	"strings"
	"testing"
)

// TestUsageListsShortcuts keeps docs/usage.md's shortcut table in step with
// the in-app help: the docs hold the table generated from shortcutHelp,
// every row in the same order. Regenerate it with
// GLOSS_WRITE_SHORTCUTS=1 go test ./app -run TestUsageListsShortcuts.
func TestUsageListsShortcuts(t *testing.T) {
	const path = "../docs/usage.md"
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	doc := string(raw)
	table := shortcutsMarkdown()
	if os.Getenv("GLOSS_WRITE_SHORTCUTS") == "1" {
		start := strings.Index(doc, "| Keys | Action |")
		if start < 0 {
			t.Fatalf("%s has no shortcut table to replace", path)
		}
		rest := doc[start:]
		if i := strings.Index(rest, "\n\n"); i >= 0 {
			doc = doc[:start] + table + rest[i+1:]
		} else {
			doc = doc[:start] + table
		}
		if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, s := range shortcutHelp {
		if row := "| " + s[0] + " | " + s[1] + " |"; !strings.Contains(doc, row+"\n") {
			t.Errorf("%s has no row %q", path, row)
		}
	}
	if !strings.Contains(doc, table) {
		t.Errorf("%s: the shortcut table is not the one F1 shows (rows missing, extra or out of order):\n%s", path, table)
	}
}
