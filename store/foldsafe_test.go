package store

import (
	"testing"
	"unicode"
)

// TestFoldClasses: ASCII and common letters fold alike in SQLite and Go;
// a character SQLite folds apart from part of its Go orbit gets one
// spelling per class, all from its orbit, itself first.
func TestFoldClasses(t *testing.T) {
	for _, r := range "azAZ09 éÉüÜßжЖσ北" {
		c, err := foldClasses(r)
		if err != nil {
			t.Fatal(err)
		}
		if len(c) != 1 || c[0] != r {
			t.Errorf("%q (%U): classes %q", r, r, string(c))
		}
	}
	c, err := foldClasses('о') // Cyrillic o: Go folds ᲂ (U+1C82) with it
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("о: %q; %d characters with several classes", string(c), len(foldUnsafe.set))
	for r, reps := range foldUnsafe.set {
		if reps[0] != r || len(reps) < 2 {
			t.Fatalf("%U: %q", r, string(reps))
		}
		for _, f := range reps[1:] {
			in := false
			for g := unicode.SimpleFold(r); g != r; g = unicode.SimpleFold(g) {
				in = in || g == f
			}
			if !in {
				t.Errorf("%U: %U is not in its orbit", r, f)
			}
		}
	}
}
