package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestUndoRedoAcrossRuns: every gloss-cli run opens and closes the project,
// so undo and redo here work across restarts, as they must in Gloss.
func TestUndoRedoAcrossRuns(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	t.Setenv("GLOSS_ANNOTATOR", "ada")
	p := filepath.Join(t.TempDir(), "p.gloss")
	mustGC(t, "init", "--sample", p)
	doc := "Russia China coordination"
	mustGC(t, "span", "add", "--doc", doc, "--start", "0", "--end", "6", "--label", "actor", p)
	mustGC(t, "span", "add", "--doc", doc, "--start", "7", "--end", "12", "--label", "claim", p)
	before := mustGC(t, "span", "list", p)

	if out := mustGC(t, "undo", p); !strings.Contains(out, `undid: add-span claim [7, 12) "China"`) {
		t.Errorf("undo said %q", out)
	}
	mustGC(t, "undo", p)
	if out := mustGC(t, "span", "list", p); out != "" {
		t.Errorf("after two undos:\n%s", out)
	}
	if _, errs, code := gc(t, "undo", p); code != 1 || !strings.Contains(errs, "nothing to undo") {
		t.Errorf("undo with nothing left: exit %d, %q", code, errs)
	}
	mustGC(t, "redo", p)
	mustGC(t, "redo", p)
	if out := mustGC(t, "span", "list", p); out != before {
		t.Errorf("after redo:\n%s\nwant\n%s", out, before)
	}
	if _, errs, code := gc(t, "redo", p); code != 1 || !strings.Contains(errs, "nothing to redo") {
		t.Errorf("redo with nothing left: exit %d, %q", code, errs)
	}

	hist := mustGC(t, "history", p)
	lines := strings.Split(strings.TrimSpace(hist), "\n")
	if len(lines) != 7 || !strings.Contains(lines[0], "\tada\tredo\t") || !strings.Contains(lines[len(lines)-1], "add-documents") {
		t.Errorf("history:\n%s", hist)
	}
	out := mustGC(t, "history", "--json", "--limit", "3", p)
	var rows []historyRow
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var r historyRow
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatal(err)
		}
		rows = append(rows, r)
	}
	if len(rows) != 3 || rows[0].Action != "redo" || rows[0].Ref == 0 || rows[0].After == nil || rows[0].Document != doc {
		t.Errorf("history --json: %+v", rows)
	}
}
