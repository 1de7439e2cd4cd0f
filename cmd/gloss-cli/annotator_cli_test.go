package main

import (
	"encoding/json"
	"os"
	"os/user"
	"path/filepath"
	"strings"
	"testing"
)

func TestAnnotatorDefaultFromEnvironment(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	t.Setenv("GLOSS_ANNOTATOR", "zoe")
	dir := t.TempDir()
	texts := writeTexts(t, dir)
	p := filepath.Join(dir, "p.gloss")
	mustGC(t, "init", p)
	mustGC(t, append([]string{"import", p}, texts...)...)
	mustGC(t, "span", "add", "--doc", "berlin", "--start", "0", "--end", "9", "--label", "actor", p)
	mustGC(t, "span", "add", "--annotator", "yan", "--doc", "berlin", "--start", "0", "--end", "9", "--label", "actor", p)
	if out := mustGC(t, "status", "--doc", "berlin", p, "done"); out != "zoe: berlin todo -> done\n" {
		t.Errorf("status said %q", out)
	}
	if got := strings.Join(exportGloss(t, p).tuples(), "|"); got != "berlin yan 0 9 actor|berlin zoe 0 9 actor" {
		t.Errorf("spans: %s", got)
	}
	hist := mustGC(t, "history", p)
	if strings.Count(hist, "\tzoe\t") != 3 || strings.Count(hist, "\tyan\t") != 1 {
		t.Errorf("history:\n%s", hist)
	}
	// The undo is yan's own: zoe's span stays.
	mustGC(t, "undo", "--annotator", "yan", p)
	if got := strings.Join(exportGloss(t, p).tuples(), "|"); got != "berlin zoe 0 9 actor" {
		t.Errorf("after yan's undo: %s", got)
	}

	// Without $GLOSS_ANNOTATOR, the OS user name.
	t.Setenv("GLOSS_ANNOTATOR", "")
	u, err := user.Current()
	if err != nil {
		t.Skip("no OS user:", err)
	}
	name := u.Username[strings.LastIndexByte(u.Username, '\\')+1:]
	if out := mustGC(t, "status", "--doc", "rome", p, "in-progress"); out != name+": rome todo -> in-progress\n" {
		t.Errorf("status as the OS user %q said %q", name, out)
	}

	for _, bad := range []string{" zoe", "a\nb", "\x1b[31mred"} {
		_, errs, code := gc(t, "span", "add", "--annotator", bad, "--doc", "berlin", "--start", "1", "--end", "9", "--label", "actor", p)
		if code != 2 || strings.Count(errs, "\n") != 1 {
			t.Errorf("--annotator %q: exit %d, %q", bad, code, errs)
		}
	}
}

// TestImportAnnotatorFillsSpansWithout: Gloss JSONL keeps each span's
// annotator; --annotator goes to spans that have none.
func TestImportAnnotatorFillsSpansWithout(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	t.Setenv("GLOSS_ANNOTATOR", "zoe")
	dir := t.TempDir()
	src := coder(t, dir, "alice", writeTexts(t, dir), [][3]string{{"0", "9", "actor"}, {"13", "19", "actor"}}, "done")
	jl := mustGC(t, "export", "--format", "jsonl", src)
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(jl), "\n") {
		var d map[string]any
		if err := json.Unmarshal([]byte(l), &d); err != nil {
			t.Fatal(err)
		}
		if spans, _ := d["spans"].([]any); len(spans) > 0 {
			delete(spans[0].(map[string]any), "annotator")
		}
		b, _ := json.Marshal(d)
		lines = append(lines, string(b))
	}
	in := filepath.Join(dir, "in.jsonl")
	os.WriteFile(in, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
	p := filepath.Join(dir, "p.gloss")
	mustGC(t, "init", p)
	mustGC(t, "import", "--annotator", "ivy", p, in)
	if got := strings.Join(exportGloss(t, p).tuples(), "|"); got != "berlin alice 13 19 actor|berlin ivy 0 9 actor" {
		t.Errorf("imported spans: %s", got)
	}
}

func TestStatusPerAnnotator(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	t.Setenv("GLOSS_ANNOTATOR", "zoe")
	dir := t.TempDir()
	p := filepath.Join(dir, "p.gloss")
	mustGC(t, "init", p)
	mustGC(t, append([]string{"import", p}, writeTexts(t, dir)...)...)
	if out, errs, _ := gc(t, "status", "--doc", "berlin", p); out != "" || !strings.Contains(errs, "todo for everyone") {
		t.Errorf("no statuses: %q, %q", out, errs)
	}
	mustGC(t, "status", "--annotator", "alice", "--doc", "berlin", p, "done")
	mustGC(t, "status", "--annotator", "bob", "--doc", "berlin", p, "in-progress")
	mustGC(t, "span", "add", "--annotator", "carol", "--doc", "berlin", "--start", "0", "--end", "9", "--label", "actor", p)
	if out := mustGC(t, "status", "--annotator", "alice", "--doc", "berlin", p, "in-progress"); out != "alice: berlin done -> in-progress\n" {
		t.Errorf("alice's change said %q", out)
	}
	if out := mustGC(t, "status", "--doc", "berlin", p); out != "alice\tin-progress\nbob\tin-progress\ncarol\ttodo\n" {
		t.Errorf("status list:\n%s", out)
	}
	if out := mustGC(t, "status", "--doc", "rome", p); out != "" {
		t.Errorf("rome has statuses: %q", out)
	}

	// An ambiguous title is refused, listing the documents' ids.
	other := filepath.Join(dir, "other")
	os.Mkdir(other, 0o755)
	os.WriteFile(filepath.Join(other, "berlin.txt"), []byte("Another Berlin text.\n"), 0o644)
	mustGC(t, "import", p, filepath.Join(other, "berlin.txt"))
	var ids []string
	for _, d := range exportGloss(t, p).Documents {
		if d.Title == "berlin" {
			ids = append(ids, d.ID)
		}
	}
	_, errs, code := gc(t, "status", "--doc", "berlin", p, "done")
	if len(ids) != 2 || code != 2 || !strings.Contains(errs, ids[0]) || !strings.Contains(errs, ids[1]) {
		t.Errorf("ambiguous title: exit %d, %q; ids %v", code, errs, ids)
	}
	if out := mustGC(t, "status", "--annotator", "dan", "--doc", ids[1], p, "done"); out != "dan: berlin todo -> done\n" {
		t.Errorf("by id: %q", out)
	}
	for _, args := range [][]string{
		{"status", "--doc", ids[0], p, "finished"},
		{"status", p, "done"},
		{"status", "--doc", "nowhere", p, "done"},
	} {
		if _, errs, code := gc(t, args...); code == 0 || strings.Count(errs, "\n") != 1 {
			t.Errorf("%v: exit %d, %q", args, code, errs)
		}
	}
}
