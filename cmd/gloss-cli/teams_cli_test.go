package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// The text every coder of the team tests annotates, and a second one.
const (
	teamText  = "Officials in Berlin said the plan will fail; Paris disagreed.\n"
	otherText = "Ministers in Rome expect growth to slow next year.\n"
)

// exported is the part of a Gloss JSON export the tests read.
type exported struct {
	Documents []struct {
		ID, Title, Status string
		Spans             []struct {
			ID               string
			Start, End       int
			Label, Annotator string
		}
	}
}

func exportGloss(t *testing.T, args ...string) exported {
	t.Helper()
	var g exported
	out := mustGC(t, append([]string{"export"}, args...)...)
	if err := json.Unmarshal([]byte(out), &g); err != nil {
		t.Fatalf("export %v is not Gloss JSON: %v", args, err)
	}
	return g
}

// tuples lists "title annotator start end label" of every exported span, sorted.
func (g exported) tuples() []string {
	var out []string
	for _, d := range g.Documents {
		for _, s := range d.Spans {
			out = append(out, fmt.Sprintf("%s %s %d %d %s", d.Title, s.Annotator, s.Start, s.End, s.Label))
		}
	}
	sort.Strings(out)
	return out
}

// writeTexts writes the team's two texts into dir as berlin.txt and rome.txt.
func writeTexts(t *testing.T, dir string) []string {
	t.Helper()
	a, b := filepath.Join(dir, "berlin.txt"), filepath.Join(dir, "rome.txt")
	if err := os.WriteFile(a, []byte(teamText), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(b, []byte(otherText), 0o644); err != nil {
		t.Fatal(err)
	}
	return []string{a, b}
}

// coder makes one coder's own project: init, import, span add, status,
// all as that coder.
func coder(t *testing.T, dir, name string, texts []string, spans [][3]string, status string) string {
	t.Helper()
	p := filepath.Join(dir, name+".gloss")
	mustGC(t, "init", "--annotator", name, p)
	mustGC(t, append([]string{"import", "--annotator", name, p}, texts...)...)
	for _, s := range spans {
		mustGC(t, "span", "add", "--annotator", name, "--doc", "berlin", "--start", s[0], "--end", s[1], "--label", s[2], p)
	}
	mustGC(t, "status", "--annotator", name, "--doc", "berlin", p, status)
	return p
}

// team makes alice's, bob's and carol's files. All three mark Officials;
// alice and bob mark Berlin; only carol marks the claim.
func team(t *testing.T) (dir string, files []string) {
	t.Helper()
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	t.Setenv("GLOSS_ANNOTATOR", "")
	dir = t.TempDir()
	texts := writeTexts(t, dir)
	official, berlin, claim := [3]string{"0", "9", "actor"}, [3]string{"13", "19", "actor"}, [3]string{"20", "43", "claim"}
	files = []string{
		coder(t, dir, "alice", texts, [][3]string{official, berlin}, "done"),
		coder(t, dir, "bob", texts, [][3]string{berlin, official}, "done"),
		coder(t, dir, "carol", texts, [][3]string{official, claim}, "in-progress"),
	}
	return dir, files
}

func TestMergeThreeCoders(t *testing.T) {
	dir, files := team(t)
	p := filepath.Join(dir, "team.gloss")
	mustGC(t, "init", "--annotator", "lead", p)
	out := mustGC(t, append([]string{"merge", "--annotator", "lead", p}, files...)...)
	for _, want := range []string{
		"merged " + files[0] + "\n  documents: 2 added, 0 matched\n  labels:    0 added, 3 matched\n  spans of alice: 2 added, 0 matched\n  statuses:  1 set, 0 already here\n",
		"merged " + files[1] + "\n  documents: 0 added, 2 matched\n",
		"  spans of carol: 2 added, 0 matched\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("merge output lacks %q:\n%s", want, out)
		}
	}
	want := []string{
		"berlin alice 0 9 actor", "berlin alice 13 19 actor",
		"berlin bob 0 9 actor", "berlin bob 13 19 actor",
		"berlin carol 0 9 actor", "berlin carol 20 43 claim",
	}
	g := exportGloss(t, p)
	if got := g.tuples(); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("after merge:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(g.Documents) != 2 {
		t.Errorf("%d documents, want 2 (each text once)", len(g.Documents))
	}
	hist := mustGC(t, "history", "--limit", "1", p)
	if !strings.Contains(hist, "\tlead\tmerge\t") {
		t.Errorf("the merge is not logged as lead's: %s", hist)
	}

	// Again: everything matches, nothing is added.
	out = mustGC(t, append([]string{"merge", p}, files...)...)
	if addedSomething.MatchString(out) {
		t.Errorf("second merge added something:\n%s", out)
	}
	if got := exportGloss(t, p).tuples(); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("after merging twice:\n%s", strings.Join(got, "\n"))
	}

	// Statuses came along per annotator.
	if out := mustGC(t, "status", "--doc", "berlin", p); out != "alice\tdone\nbob\tdone\ncarol\tin-progress\n" {
		t.Errorf("status list:\n%s", out)
	}
}

// addedSomething matches a merge report line that added something.
var addedSomething = regexp.MustCompile(`\b[1-9][0-9]* (added|set)|renamed`)

func TestMergeRefusesAndMergesNothing(t *testing.T) {
	dir, files := team(t)
	p := filepath.Join(dir, "team.gloss")
	mustGC(t, "init", p)
	notes := filepath.Join(dir, "notes.gloss")
	os.WriteFile(notes, []byte("not a project\n"), 0o644)
	before := exportGloss(t, p).tuples()
	_, errs, code := gc(t, "merge", p, files[0], notes)
	if code != 1 || !strings.Contains(errs, "notes.gloss") || strings.Count(errs, "\n") != 1 {
		t.Errorf("merging a non-project: exit %d, stderr %q; want one line naming the file", code, errs)
	}
	if after := exportGloss(t, p); len(after.Documents) != 0 || len(after.tuples()) != len(before) {
		t.Errorf("a refused merge changed the project: %d documents, %v", len(after.Documents), after.tuples())
	}
	for _, args := range [][]string{
		{"merge", "--annotator-map", "alice", p, files[0]},
		{"merge", "--annotator-map", "alice=", p, files[0]},
		{"merge", p},
	} {
		if _, errs, code := gc(t, args...); code != 2 {
			t.Errorf("%v: exit %d (%s), want 2", args, code, errs)
		}
	}
	// The annotator map renames a coder on the way in.
	mustGC(t, "merge", "--annotator-map", "alice=ann", p, files[0])
	if got := exportGloss(t, p).tuples(); len(got) != 2 || !strings.HasPrefix(got[0], "berlin ann ") {
		t.Errorf("mapped merge: %v", got)
	}
}

func TestCurateThenExportGold(t *testing.T) {
	dir, files := team(t)
	p := filepath.Join(dir, "team.gloss")
	mustGC(t, "init", p)
	mustGC(t, append([]string{"merge", p}, files...)...)

	out := mustGC(t, "curate", "--annotator", "lead", p)
	for _, want := range []string{"curated gold from alice, bob, carol (unanimous)", "accepted: 1\n", "added:    1\n", "present:  0 ", "rejected: 0 ", "open:     2 "} {
		if !strings.Contains(out, want) {
			t.Errorf("curate output lacks %q:\n%s", want, out)
		}
	}
	jl := mustGC(t, "export", "--annotator", "gold", "--format", "jsonl", p)
	lines := strings.Split(strings.TrimSpace(jl), "\n")
	var gold []string
	for _, l := range lines {
		var d struct {
			Title string
			Spans []struct {
				Start, End       int
				Label, Annotator string
			}
		}
		if err := json.Unmarshal([]byte(l), &d); err != nil {
			t.Fatalf("jsonl line %q: %v", l, err)
		}
		for _, s := range d.Spans {
			gold = append(gold, fmt.Sprintf("%s %s %d %d %s", d.Title, s.Annotator, s.Start, s.End, s.Label))
		}
	}
	if len(lines) != 2 || strings.Join(gold, "|") != "berlin gold 0 9 actor" {
		t.Errorf("gold export: %d lines, spans %v; want the one unanimous span", len(lines), gold)
	}
	// Again: nothing new. Majority then adds Berlin (alice and bob).
	if out := mustGC(t, "curate", p); !strings.Contains(out, "added:    0\n") || !strings.Contains(out, "present:  1 ") {
		t.Errorf("second curate:\n%s", out)
	}
	if out := mustGC(t, "curate", "--strategy", "majority", p); !strings.Contains(out, "accepted: 2\n") || !strings.Contains(out, "added:    1\n") || !strings.Contains(out, "open:     1 ") {
		t.Errorf("majority curate:\n%s", out)
	}
	if got := exportGloss(t, "--annotator", "gold", p).tuples(); strings.Join(got, "|") != "berlin gold 0 9 actor|berlin gold 13 19 actor" {
		t.Errorf("gold after majority: %v", got)
	}
	if _, errs, code := gc(t, "curate", "--strategy", "most", p); code != 2 || !strings.Contains(errs, "most") {
		t.Errorf("bad strategy: exit %d, %q", code, errs)
	}
	if _, errs, code := gc(t, "export", "--annotator", "nobody", p); code != 1 || !strings.Contains(errs, "nobody") {
		t.Errorf("export of an unknown layer: exit %d, %q", code, errs)
	}
}
