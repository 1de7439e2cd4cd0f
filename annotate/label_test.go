package annotate

import (
	"strings"
	"testing"
)

// TestLabelNamesRefuseInvisibleAndAbsurd: control and invisible
// characters and names over MaxLabelName characters are refused, naming
// the character; ordinary names, with accents, spaces and emoji, pass.
func TestLabelNamesRefuseInvisibleAndAbsurd(t *testing.T) {
	bad := map[string]string{
		"ac\u200btor":                  "U+200B",
		"actor\u200d":                  "U+200D",
		"\u202eroticlab":               "U+202E",
		"a\u2066b\u2069":               "U+2066",
		"a\u200fb":                     "U+200F",
		"\ufeffbom":                    "U+FEFF",
		"bell\a":                       "U+0007",
		"c1\u0085x":                    "U+0085",
		"line\u2028sep":                "U+2028",
		"\u3164":                       "U+3164",
		strings.Repeat("n", 101):       "101 characters",
		strings.Repeat("é", 100) + "x": "101 characters",
	}
	for name, want := range bad {
		err := (&Label{Name: name, Color: Palette[0]}).Validate()
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v; want %s", name, err, want)
		}
	}
	for _, name := range []string{"actor", "café", "Person name", "人物", "👩‍🔬 scientist"[len("👩‍🔬 "):], strings.Repeat("ü", 100)} {
		if err := (&Label{Name: name, Color: Palette[0]}).Validate(); err != nil {
			t.Errorf("%q refused: %v", name, err)
		}
	}
}

// TestLabelKey: names that differ only in case or Unicode form share a
// key; others do not.
func TestLabelKey(t *testing.T) {
	nfd, nfc := "cafe\u0301", "caf\u00e9"
	if NormalizeLabelName(nfd) != nfc {
		t.Errorf("NFC of %q is %q", nfd, NormalizeLabelName(nfd))
	}
	same := [][2]string{{nfd, nfc}, {"Person", "PERSON"}, {"CAFE\u0301", nfc}, {"Émile", "émile"}}
	for _, p := range same {
		if LabelKey(p[0]) != LabelKey(p[1]) {
			t.Errorf("%q and %q are different labels", p[0], p[1])
		}
	}
	for _, p := range [][2]string{{"actor", "actors"}, {"cafe", nfc}} {
		if LabelKey(p[0]) == LabelKey(p[1]) {
			t.Errorf("%q and %q are one label", p[0], p[1])
		}
	}
}
