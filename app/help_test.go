package app

import (
	"os"
	"strings"
	"testing"
)

// TestUsageListsShortcuts keeps docs/usage.md's shortcut table in step with
// the in-app help.
func TestUsageListsShortcuts(t *testing.T) {
	doc, err := os.ReadFile("../docs/usage.md")
	if err != nil {
		t.Skip("docs/usage.md not found")
	}
	for _, s := range shortcutHelp {
		if !strings.Contains(string(doc), "| "+s[0]+" |") {
			t.Errorf("docs/usage.md has no row for %q", s[0])
		}
	}
}
