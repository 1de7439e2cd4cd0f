package textview

import (
	"slices"
	"testing"
)

// TestMissingGlyphs: a character no font has (U+0378 is unassigned, and a
// plane-16 private use character no system font here covers) is reported
// once; letters of the bundled font, emoji of the bundled emoji font,
// whitespace and joiners are not.
func TestMissingGlyphs(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir()) // fontscan's index of system fonts
	text := "Officials said \u0378 café 🤝 the\u200dend\r\n\t\u0378\U0010FFFD."
	v, _ := newView(t, text, nil, nil)
	got := v.MissingGlyphs()
	if !slices.Contains(got, '\u0378') {
		t.Errorf("MissingGlyphs() = %q, want U+0378 among them", got)
	}
	for _, r := range "Ofiacé🤝\u200d\r\n\t ." {
		if slices.Contains(got, r) {
			t.Errorf("MissingGlyphs() = %q reports %U, which the bundled fonts draw or which is not drawn", got, r)
		}
	}
	if n := len(got); n > 2 {
		t.Errorf("MissingGlyphs() = %q: more than the two candidates", got)
	}
	seen := map[rune]bool{}
	for _, r := range got {
		if seen[r] {
			t.Errorf("%U reported twice", r)
		}
		seen[r] = true
	}
	if got := MissingGlyphs("plain text, café", nil); got != nil {
		t.Errorf("MissingGlyphs of plain text = %q, want nil", got)
	}
}
