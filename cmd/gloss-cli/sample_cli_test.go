package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestSampleCommand: sample draws a reproducible sample, prints its
// strata and assignment, and --list prints it; the same seed lists the
// same sample; bad flags are usage errors (exit 2).
func TestSampleCommand(t *testing.T) {
	p := filepath.Join(t.TempDir(), "gen.gloss")
	mustGC(t, "gen", "--docs", "60", "--size", "100", "--spans-per-doc", "0", p)
	out := mustGC(t, "sample", "--n", "12", "--seed", "4", "--assign", "ann,bo", "--overlap", "2", p)
	if !strings.Contains(out, "sampled 12 documents (seed 4)") || !strings.Contains(out, "assigned ann: 7") || !strings.Contains(out, "assigned bo: 7") {
		t.Fatalf("output %q", out)
	}
	first := mustGC(t, "sample", "--list", p)
	if lines := strings.Split(strings.TrimSpace(first), "\n"); len(lines) != 12 || !strings.HasSuffix(lines[0], "\tann,bo") {
		t.Fatalf("list %q", first)
	}
	mustGC(t, "sample", "--n", "12", "--seed", "5", p)
	if mustGC(t, "sample", "--list", p) == first {
		t.Error("another seed listed the same sample")
	}
	mustGC(t, "sample", "--n", "12", "--seed", "4", "--assign", "ann,bo", "--overlap", "2", p)
	if again := mustGC(t, "sample", "--list", p); again != first {
		t.Errorf("the same seed listed another sample:\n%s\n%s", again, first)
	}
	for _, args := range [][]string{{"sample", p}, {"sample", "--n", "0", p}} {
		if _, _, code := gc(t, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	if _, errs, code := gc(t, "sample", "--n", "5", "--overlap", "9", "--assign", "a,b", p); code == 0 || !strings.Contains(errs, "overlap") {
		t.Errorf("overlap larger than the sample: exit %d %q", code, errs)
	}
}
