package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRelationCommands(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "p.gloss")
	txt := filepath.Join(dir, "news.txt")
	if err := os.WriteFile(txt, []byte("Alice says it rains."), 0o644); err != nil {
		t.Fatal(err)
	}
	mustGC(t, "init", p)
	mustGC(t, "import", p, txt)
	mustGC(t, "span", "add", "--doc", "news", "--start", "0", "--end", "5", "--label", "actor", p)
	mustGC(t, "span", "add", "--doc", "news", "--start", "11", "--end", "19", "--label", "claim", p)
	ids := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(mustGC(t, "span", "list", "--json", p)), "\n") {
		var row struct{ ID, Label string }
		if err := json.Unmarshal([]byte(line), &row); err != nil {
			t.Fatal(err)
		}
		ids[row.Label] = row.ID
	}
	mustGC(t, "relation-type", "add", "--name", "says", "--from-labels", "actor", "--to-labels", "claim", p)
	if _, errs, code := gc(t, "relation", "add", "--doc", "news", "--type", "says", "--from", ids["claim"], "--to", ids["actor"], p); code == 0 || !strings.Contains(errs, "does not link") {
		t.Fatalf("claim -> actor accepted (exit %d): %s", code, errs)
	}
	mustGC(t, "relation", "add", "--doc", "news", "--type", "says", "--from", ids["actor"], "--to", ids["claim"], p)
	out := mustGC(t, "relation", "list", "--doc", "news", p)
	if !strings.Contains(out, "says\t"+ids["actor"]+` "Alice"`) || !strings.Contains(out, ids["claim"]+` "it rains"`) || strings.Count(out, "\n") != 1 {
		t.Fatalf("relation list:\n%s", out)
	}
}
