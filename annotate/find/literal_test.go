package find

import (
	"reflect"
	"strings"
	"testing"
)

func mustLiteral(t testing.TB, needle string, opt Options) *Literal {
	t.Helper()
	l, err := NewLiteral(needle, opt)
	if err != nil {
		t.Fatalf("NewLiteral(%q): %v", needle, err)
	}
	return l
}

// TestLiteralCases checks hand-picked non-ASCII cases against the reference
// scan and against offsets worked out by hand.
func TestLiteralCases(t *testing.T) {
	tests := []struct {
		name, text, needle string
		opt                Options
		want               []span
	}{
		{"greek upper/lower with tonos", "Η ΣΟΦΊΑ και η σοφία", "σοφία", Options{}, []span{{2, 7}, {14, 19}}},
		{"greek final sigma", "ΟΔΟΣ οδος οδοσ", "οδος", Options{}, []span{{0, 4}, {5, 9}, {10, 14}}},
		{"cyrillic", "Лавров, ЛАВРОВ и лавровым", "лавров", Options{}, []span{{0, 6}, {8, 14}, {17, 23}}},
		{"cyrillic whole word", "Лавров, ЛАВРОВ и лавровым", "лавров", Options{WholeWord: true}, []span{{0, 6}, {8, 14}}},
		{"sharp s and capital sharp s", "Straße STRAẞE strasse", "straße", Options{}, []span{{0, 6}, {7, 13}}},
		{"turkish dotted I is itself", "İstanbul istanbul ıstanbul", "istanbul", Options{}, []span{{9, 17}}},
		{"kelvin sign folds to k", "5 \u212A or 5 k", "5 k", Options{}, []span{{0, 3}, {7, 10}}},
		{"case sensitive", "Lavrov lavrov LAVROV", "Lavrov", Options{CaseSensitive: true}, []span{{0, 6}}},
		{"emoji is not a letter", "Lavrov🤝Blinken, Lavrovs", "lavrov", Options{WholeWord: true}, []span{{0, 6}}},
		{"emoji with variation selector before", "❤️Lavrov", "lavrov", Options{WholeWord: true}, []span{{2, 8}}},
		{"precomposed accent is a letter", "éLavrov Lavrové Lavrov", "lavrov", Options{WholeWord: true}, []span{{16, 22}}},
		{"combining accent before", "e\u0301Lavrov Lavrov", "lavrov", Options{WholeWord: true}, []span{{9, 15}}},
		{"combining accent after", "cafe\u0301 cafe", "cafe", Options{WholeWord: true}, []span{{6, 10}}},
		{"combining accent after, not whole word", "cafe\u0301 cafe", "cafe", Options{}, []span{{0, 4}, {6, 10}}},
		{"cjk", "東京都と東京", "東京", Options{}, []span{{0, 2}, {4, 6}}},
		{"cjk is letters for whole words", "東京都と東京", "東京", Options{WholeWord: true}, nil},
		{"crlf counts the \\r", "a\r\nLavrov\r\nlavrov", "lavrov", Options{WholeWord: true}, []span{{3, 9}, {11, 17}}},
		{"needle across crlf", "x\r\ny", "\r\ny", Options{}, []span{{1, 4}}},
		{"underscore is a word character", "_lavrov lavrov_ lavrov", "lavrov", Options{WholeWord: true}, []span{{16, 22}}},
		{"digits are word characters", "2lavrov lavrov٣ lavrov", "lavrov", Options{WholeWord: true}, []span{{16, 22}}},
		{"no overlaps", "aaaa", "aa", Options{}, []span{{0, 2}, {2, 4}}},
		{"rejected candidate lets a later one in", "xa a a", "a a", Options{WholeWord: true}, []span{{3, 6}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := spans(mustLiteral(t, tc.needle, tc.opt).FindAll(tc.text))
			if !reflect.DeepEqual(got, nonNil(tc.want)) {
				t.Errorf("FindAll = %v, want %v", got, tc.want)
			}
			ref := nonNil(refFind(tc.text, tc.needle, tc.opt.CaseSensitive, tc.opt.WholeWord))
			if !reflect.DeepEqual(got, ref) {
				t.Errorf("FindAll = %v, reference scan = %v", got, ref)
			}
		})
	}
}

// TestLiteralAccents checks accent-insensitive matching, where offsets must
// point into the original text whatever its accents.
func TestLiteralAccents(t *testing.T) {
	ign := Options{IgnoreAccents: true}
	tests := []struct {
		name, text, needle string
		opt                Options
		want               []span
	}{
		{"precomposed", "Le café", "cafe", ign, []span{{3, 7}}},
		{"combining takes its marks", "Le cafe\u0301!", "cafe", ign, []span{{3, 8}}},
		{"needle with accent", "cafe CAFÉ cafe\u0301", "café", ign, []span{{0, 4}, {5, 9}, {10, 15}}},
		{"two marks", "ệ e", "e", ign, []span{{0, 1}, {2, 3}}},
		{"stacked combining marks", "e\u0323\u0302x", "ex", ign, []span{{0, 4}}},
		{"turkish dotted I loses its dot", "İstanbul", "istanbul", ign, []span{{0, 8}}},
		{"dotless i stays", "ıstanbul", "istanbul", ign, nil},
		{"case sensitive keeps case", "Éric éric", "eric", Options{IgnoreAccents: true, CaseSensitive: true}, []span{{5, 9}}},
		{"whole word after combining", "cafe\u0301s cafe\u0301", "cafe", Options{IgnoreAccents: true, WholeWord: true}, []span{{7, 12}}},
		{"hangul kept whole", "한국 하", "하", ign, []span{{3, 4}}},
		{"greek tonos", "ΣΟΦΙΑ σοφία", "σοφια", ign, []span{{0, 5}, {6, 11}}},
		{"mark at the start is not a hit start", "\u0301ab", "ab", ign, []span{{1, 3}}},
		{"crlf", "\r\nÉté\r\n", "ete", ign, []span{{2, 5}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := spans(mustLiteral(t, tc.needle, tc.opt).FindAll(tc.text))
			if !reflect.DeepEqual(got, nonNil(tc.want)) {
				t.Errorf("FindAll(%q) = %v, want %v", tc.text, got, tc.want)
			}
		})
	}
}

// TestLiteralAccentsRandom builds texts letter by letter, each letter
// written plain, precomposed, with a combining mark or upper-cased, and
// checks that accent-insensitive hits are the reference scan's hits on the
// plain letters, mapped to where each letter was written.
func TestLiteralAccentsRandom(t *testing.T) {
	forms := map[rune][]string{
		'a': {"a", "á", "a\u0301", "Ä", "A\u0308\u0301"},
		'e': {"e", "é", "e\u0301", "Ê", "E\u0302"},
		'c': {"c", "ç", "c\u0327", "C"},
		' ': {" ", "\r\n"},
		'n': {"n", "ñ", "N\u0303"},
		'x': {"x", "X"},
	}
	letters := []rune("aecnx ")
	rng := newRand(7)
	for iter := 0; iter < 3000; iter++ {
		var plain []rune
		var b strings.Builder
		var at []int // code point offset of each plain letter, then the end
		cp := 0
		for i := rng.Intn(30); i > 0; i-- {
			l := letters[rng.Intn(len(letters))]
			f := forms[l][rng.Intn(len(forms[l]))]
			plain = append(plain, l)
			at = append(at, cp)
			b.WriteString(f)
			cp += len([]rune(f))
		}
		at = append(at, cp)
		text := b.String()
		var needle []rune
		for i := 1 + rng.Intn(3); i > 0; i-- {
			needle = append(needle, letters[rng.Intn(len(letters)-1)])
		}
		for _, ww := range []bool{false, true} {
			var want []span
			for _, s := range refFind(string(plain), string(needle), false, ww) {
				want = append(want, span{at[s[0]], at[s[1]]})
			}
			got := spans(mustLiteral(t, string(needle), Options{IgnoreAccents: true, WholeWord: ww}).FindAll(text))
			if !reflect.DeepEqual(got, nonNil(want)) {
				t.Fatalf("text %q needle %q whole word %v: got %v, want %v", text, string(needle), ww, got, want)
			}
		}
	}
}

func TestLiteralRefusesEmpty(t *testing.T) {
	if _, err := NewLiteral("", Options{}); err == nil {
		t.Error("empty needle accepted")
	}
	if _, err := NewLiteral("\u0301", Options{IgnoreAccents: true}); err == nil {
		t.Error("needle of only accents accepted while accents are ignored")
	}
	if _, err := NewLiteral("\u0301", Options{}); err != nil {
		t.Errorf("a lone mark is a needle when accents count: %v", err)
	}
}
