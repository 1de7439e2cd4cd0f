package find

import (
	"math/rand"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestPrefilterChosen(t *testing.T) {
	for expr, want := range map[string]bool{
		`Sergei\s+Lavrov|Antony\s+Blinken`: true,
		`[A-Z][a-z]+ Lavrov`:               true,
		`(?:ab|cd)+x`:                      true,
		`a*b`:                              false, // can begin with b
		`\bLavrov`:                         false, // looks back
		`(?m)^Lavrov`:                      false,
		`.+Lavrov`:                         false,
		`Lavrov|`:                          false, // can be empty
	} {
		re, err := NewRegex(expr, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := re.pre != nil; got != want {
			t.Errorf("%s: prefilter %v, want %v", expr, got, want)
		}
	}
}

// TestRegexDifferential compares Regex with the standard library on
// random expressions and texts: without whole words, with
// FindAllStringIndex (empty matches dropped, offsets counted in code
// points); with whole words, with an anchored match tried at every
// character in turn.
func TestRegexDifferential(t *testing.T) {
	rng := newRand(11)
	prefiltered := 0
	for iter := 0; iter < 3000; iter++ {
		expr := randomRegex(rng, 3)
		text := randomText(rng, tiny, rng.Intn(40))
		for _, opt := range []Options{{}, {CaseSensitive: true}, {WholeWord: true}} {
			re, err := NewRegex(expr, opt)
			if err != nil {
				t.Fatalf("%s: %v", expr, err)
			}
			full := expr
			if !opt.CaseSensitive {
				full = "(?i)" + expr
			}
			var want []span
			if !opt.WholeWord {
				for _, m := range regexp.MustCompile(full).FindAllStringIndex(text, -1) {
					if m[0] < m[1] {
						s := utf8.RuneCountInString(text[:m[0]])
						want = append(want, span{s, s + utf8.RuneCountInString(text[m[0]:m[1]])})
					}
				}
			} else {
				anchored := regexp.MustCompile(`^(?:` + full + `)`)
				runes := []rune(text)
				for s := 0; s < len(runes); s++ {
					b := len(string(runes[:s]))
					m := anchored.FindStringIndex(text[b:])
					if m == nil || m[1] == 0 {
						continue
					}
					e := s + utf8.RuneCountInString(text[b:b+m[1]])
					if refWhole(runes, s, e) {
						want = append(want, span{s, e})
						s = e - 1
					}
				}
			}
			if got := spans(re.FindAll(text)); !reflect.DeepEqual(got, nonNil(want)) {
				t.Fatalf("%q %+v (prefilter %v) on %q: got %v, want %v", expr, opt, re.pre != nil, text, got, want)
			}
			if re.pre != nil {
				prefiltered++
			}
		}
	}
	if prefiltered < 1000 {
		t.Errorf("only %d of 9000 expressions used a prefilter: the test does not exercise it", prefiltered)
	}
}

// randomRegex returns a random expression over the letters of tiny.
func randomRegex(rng *rand.Rand, depth int) string {
	atoms := []string{"a", "A", "é", "e\u0301", "[aé]", "[^a]", " ", "aa", "\\pL"}
	if depth == 0 {
		return atoms[rng.Intn(len(atoms))]
	}
	switch rng.Intn(7) {
	case 0:
		return randomRegex(rng, depth-1) + "|" + randomRegex(rng, depth-1)
	case 1:
		return "(?:" + randomRegex(rng, depth-1) + ")+"
	case 2:
		return "(?:" + randomRegex(rng, depth-1) + ")?"
	case 3:
		return "(?:" + randomRegex(rng, depth-1) + ")*" + randomRegex(rng, depth-1)
	case 4:
		return "(" + randomRegex(rng, depth-1) + "){1,2}"
	default:
		var b strings.Builder
		for i := 1 + rng.Intn(3); i > 0; i-- {
			b.WriteString("(?:" + randomRegex(rng, depth-1) + ")")
		}
		return b.String()
	}
}
