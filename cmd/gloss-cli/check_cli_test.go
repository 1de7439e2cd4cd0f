package main

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckCommand: a sound project passes (exit 0); a project with a span
// past its text and a planted trigger (which Open refuses) gets both listed
// by id, one per line, with exit 1; a file that is not a project exits 1
// naming it.
func TestCheckCommand(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "p.gloss")
	mustGC(t, "init", "--sample", p)
	doc := "Russia China coordination"
	mustGC(t, "span", "add", "--doc", doc, "--start", "0", "--end", "6", "--label", "actor", p)
	if out := mustGC(t, "check", p); !strings.Contains(out, "no problems found") {
		t.Errorf("sound project: %q", out)
	}
	db, err := sql.Open("sqlite3", "file:"+p)
	if err != nil {
		t.Fatal(err)
	}
	var spanID string
	for _, q := range []string{
		`UPDATE spans SET "end" = 100000, id = 'bad` + "\x1b[2J" + `' RETURNING id`,
		`CREATE TRIGGER wipe AFTER INSERT ON spans BEGIN DELETE FROM documents; END`,
	} {
		rows, err := db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			rows.Scan(&spanID)
		}
		rows.Close()
	}
	db.Close()
	out, errs, code := gc(t, "check", p)
	if code != 1 || !strings.Contains(errs, "2 problem(s)") {
		t.Errorf("exit %d, stderr %q; want 1 and a count", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || !strings.Contains(out, `extra trigger "wipe"`) || !strings.Contains(out, "spans bad�[2J: ") ||
		!strings.Contains(out, "span end 100000 is past the end") {
		t.Errorf("output:\n%s", out)
	}
	if strings.Contains(out, "\x1b") {
		t.Error("escape sequence printed raw")
	}
	if _, errs, code := gc(t, "check", filepath.Join(dir, "none.gloss")); code != 1 || !strings.Contains(errs, "none.gloss") {
		t.Errorf("missing project: exit %d, %q", code, errs)
	}
	if out, _, code := gc(t, "check", "--help"); code != 0 || !strings.Contains(out, "Usage: gloss-cli check") {
		t.Errorf("--help: exit %d, %q", code, out)
	}
}
