package main

import (
	"encoding/json"
	"maps"
	"path/filepath"
	"strings"
	"testing"

	"gloss/internal/pgtest"
)

// TestStructureCommandsOnFileAndServer: relation-type, relation,
// attribute-def and attribute do the same on a project file and on a
// server project.
func TestStructureCommandsOnFileAndServer(t *testing.T) {
	for _, where := range []string{"file", "server"} {
		t.Run(where, func(t *testing.T) {
			target := filepath.Join(t.TempDir(), "p.gloss")
			if where == "server" {
				target = pgtest.NewDatabase(t)
			}
			structureScenario(t, target)
		})
	}
}

func structureScenario(t *testing.T, target string) {
	mustGC(t, "init", target)
	mustGC(t, "import", "--annotator", "ann1", target, writeText(t, "news.txt", "Alice says it rains."))
	mustGC(t, "span", "add", "--annotator", "ann1", "--doc", "news", "--start", "0", "--end", "5", "--label", "actor", target)
	mustGC(t, "span", "add", "--annotator", "ann1", "--doc", "news", "--start", "11", "--end", "19", "--label", "claim", target)
	ids := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(mustGC(t, "span", "list", "--json", target)), "\n") {
		var row struct{ ID, Label string }
		if err := json.Unmarshal([]byte(line), &row); err != nil {
			t.Fatal(err)
		}
		ids[row.Label] = row.ID
	}

	mustGC(t, "relation-type", "add", "--name", "says", "--from-labels", "actor", "--to-labels", "claim", target)
	if _, errs, code := gc(t, "relation", "add", "--annotator", "ann1", "--doc", "news", "--type", "says", "--from", ids["claim"], "--to", ids["actor"], target); code == 0 || !strings.Contains(errs, "does not link") {
		t.Fatalf("claim -> actor accepted (exit %d): %s", code, errs)
	}
	mustGC(t, "relation", "add", "--annotator", "ann1", "--doc", "news", "--type", "says", "--from", ids["actor"], "--to", ids["claim"], target)
	out := mustGC(t, "relation", "list", "--doc", "news", target)
	if !strings.Contains(out, "says\t"+ids["actor"]+` "Alice"`) || !strings.Contains(out, ids["claim"]+` "it rains"`) || strings.Count(out, "\n") != 1 {
		t.Fatalf("relation list:\n%s", out)
	}

	mustGC(t, "attribute-def", "add", "--label", "claim", "--name", "certainty", "--kind", "choice", "--values", "low,high", target)
	if _, errs, code := gc(t, "attribute-def", "add", "--name", "odd", "--kind", "choice", target); code == 0 || !strings.Contains(errs, "lists no values") {
		t.Errorf("a choice without values accepted (exit %d): %s", code, errs)
	}
	if out := mustGC(t, "attribute-def", "list", target); out != "claim\tcertainty\tchoice\tlow,high\n" {
		t.Errorf("attribute-def list: %q", out)
	}
	if _, errs, code := gc(t, "attribute", "set", "--annotator", "ann1", "--span", ids["claim"], "--name", "certainty", "--value", "medium", target); code == 0 || !strings.Contains(errs, "medium") {
		t.Errorf("certainty medium accepted (exit %d): %s", code, errs)
	}
	mustGC(t, "attribute", "set", "--annotator", "ann1", "--span", ids["claim"], "--name", "certainty", "--value", "high", target)
	mustGC(t, "attribute", "set", "--annotator", "ann1", "--span", ids["claim"], "--name", "source", "--value", "wire", target)
	attrs := func() map[string]string {
		p := openBoth(t, target, "ann1")
		defer p.Close()
		sp, err := p.Span(ids["claim"])
		if err != nil {
			t.Fatal(err)
		}
		return sp.Attributes
	}
	if got, want := attrs(), map[string]string{"certainty": "high", "source": "wire"}; !maps.Equal(got, want) {
		t.Errorf("attributes %v, want %v", got, want)
	}
	mustGC(t, "attribute", "set", "--annotator", "ann1", "--span", ids["claim"], "--name", "source", target)
	if got, want := attrs(), map[string]string{"certainty": "high"}; !maps.Equal(got, want) {
		t.Errorf("after removing source the attributes are %v, want %v", got, want)
	}
	mustGC(t, "undo", "--annotator", "ann1", target)
	if got, want := attrs(), map[string]string{"certainty": "high", "source": "wire"}; !maps.Equal(got, want) {
		t.Errorf("after undoing the removal the attributes are %v, want %v", got, want)
	}
}
