package main

import (
	"path/filepath"
	"strings"
	"testing"

	"gloss/internal/pgtest"
)

// TestTeamCommandsOnAServerProject copies a merged three-coder project file
// to a server and runs the team commands (agree, status listing, curate)
// on both: every output must be the same.
func TestTeamCommandsOnAServerProject(t *testing.T) {
	dir, files := team(t)
	p := filepath.Join(dir, "team.gloss")
	mustGC(t, "init", p)
	mustGC(t, append([]string{"merge", p}, files...)...)
	url := pgtest.NewDatabase(t)
	mustGC(t, "copy", p, url)

	same := func(args ...string) string {
		t.Helper()
		run := func(target string) (string, string, int) {
			return gc(t, append(append([]string(nil), args...), target)...)
		}
		fo, fe, fc := run(p)
		so, se, sc := run(url)
		if fo != so || fe != se || fc != sc {
			t.Errorf("gloss-cli %v differs:\nfile   (exit %d) %s%s\nserver (exit %d) %s%s", args, fc, fo, fe, sc, so, se)
		}
		return fo + fe
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"agree"}, "no document is marked done by every compared annotator (alice, bob, carol)"},
		{[]string{"agree", "--annotators", "alice,bob"}, "Krippendorff's alpha_u: "},
		{[]string{"agree", "--annotators", "bob,alice", "--json"}, `"alpha_u":`},
		{[]string{"agree", "--scope", "all", "--csv", "--by-document"}, ",alpha_u,"},
		{[]string{"agree", "--scope", "all", "--by-document", "--annotators", "carol,alice", "--labels", "ACTOR"}, "== berlin"},
		{[]string{"agree", "--annotators", "alice,zoe"}, `no annotator "zoe"`},
		{[]string{"agree", "--labels", "nonsense"}, `no label named "nonsense"`},
		{[]string{"status", "--doc", "berlin"}, "alice\tdone\nbob\tdone\ncarol\tin-progress\n"},
	} {
		if out := same(c.args...); !strings.Contains(out, c.want) {
			t.Errorf("gloss-cli %v: %q lacks %q", c.args, out, c.want)
		}
	}
	for _, args := range [][]string{
		{"curate", "--annotator", "lead"},
		{"curate", "--annotator", "lead", "--strategy", "majority", "--annotators", "alice,bob"},
		{"curate", "--annotator", "lead", "--strategy", "majority"},
	} {
		if out := same(args...); !strings.Contains(out, "curated gold from") {
			t.Errorf("gloss-cli %v: %q", args, out)
		}
		fg := exportGloss(t, "--annotator", "gold", p).tuples()
		sg := exportGloss(t, "--annotator", "gold", url).tuples()
		if strings.Join(fg, "|") != strings.Join(sg, "|") || len(fg) == 0 {
			t.Errorf("after %v, gold differs: file %v, server %v", args, fg, sg)
		}
	}
	if got := exportGloss(t, "--annotator", "gold", url).tuples(); strings.Join(got, "|") != "berlin gold 0 9 actor|berlin gold 13 19 actor" {
		t.Errorf("the server's gold after curating: %v", got)
	}
}
