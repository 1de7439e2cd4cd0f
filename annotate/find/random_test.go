package find

import (
	"math/rand"
	"reflect"
	"regexp"
	"testing"
)

func newRand(seed int64) *rand.Rand { return rand.New(rand.NewSource(seed)) }

// alphabet mixes ASCII with multibyte characters whose case folding, word
// class or byte length is unusual.
var alphabet = []rune("aAb _.\r\nßẞσςΣİıiI\u212AkKé\u0301🤝Жж東1٣")

// TestDifferential compares Literal and Regex(QuoteMeta) with the
// reference scan on random texts and needles, for every combination of
// case and whole-word options, to exact equality of the hit lists.
func TestDifferential(t *testing.T) {
	rng := newRand(1)
	for iter := 0; iter < 4000; iter++ {
		abc := alphabet
		if iter%2 == 1 { // few letters: many overlapping, bordered candidates
			abc = tiny
		}
		text := randomText(rng, abc, rng.Intn(60))
		var needle string
		if r := []rune(text); len(r) > 0 && rng.Intn(2) == 0 {
			s := rng.Intn(len(r))
			needle = string(r[s : s+1+rng.Intn(min(4, len(r)-s))])
		} else {
			needle = randomText(rng, abc, 1+rng.Intn(4))
		}
		for _, opt := range []Options{{}, {CaseSensitive: true}, {WholeWord: true}, {CaseSensitive: true, WholeWord: true}} {
			want := nonNil(refFind(text, needle, opt.CaseSensitive, opt.WholeWord))
			got := spans(mustLiteral(t, needle, opt).FindAll(text))
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("Literal %+v: text %q needle %q: got %v, want %v", opt, text, needle, got, want)
			}
			re, err := NewRegex(regexp.QuoteMeta(needle), opt)
			if err != nil {
				t.Fatal(err)
			}
			if got := spans(re.FindAll(text)); !reflect.DeepEqual(got, want) {
				t.Fatalf("Regex %+v: text %q needle %q: got %v, want %v", opt, text, needle, got, want)
			}
		}
	}
}

// tiny is a small alphabet for texts with many overlapping candidates.
var tiny = []rune("aA é́")

func randomText(rng *rand.Rand, abc []rune, n int) string {
	r := make([]rune, n)
	for i := range r {
		r[i] = abc[rng.Intn(len(abc))]
	}
	return string(r)
}
