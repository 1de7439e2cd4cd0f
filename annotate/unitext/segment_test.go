package unitext

import (
	"reflect"
	"strings"
	"testing"
	"unicode"

	"gloss/internal/fixture"
)

func TestGraphemeBreaks(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []int
	}{
		{"empty", "", []int{0}},
		{"ascii", "abc", []int{0, 1, 2, 3}},
		{"crlf is one cluster", "a\r\nb", []int{0, 1, 3, 4}},
		{"combining accent", "cafe\u0301!", []int{0, 1, 2, 3, 5, 6}},
		{"zwj family", "x👨‍👩‍👧y", []int{0, 1, 6, 7}},
		{"flags", "🇫🇷🇩🇪", []int{0, 2, 4}},
		{"skin tone", "👍🏽.", []int{0, 2, 3}},
		{"hangul jamo", "\u1100\u1161\u11a8a", []int{0, 3, 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := GraphemeBreaks(tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("GraphemeBreaks(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestGraphemeSteps(t *testing.T) {
	runes := []rune("a👨‍👩‍👧\r\ne\u0301")
	// boundaries: 0 1 6 8 10
	tests := []struct {
		name          string
		cp            int
		prev, next    int
		before, after int
	}{
		{"start", 0, 0, 0, 0, 1},
		{"inside family", 3, 1, 6, 1, 6},
		{"on family end", 6, 6, 6, 1, 8},
		{"between cr and lf", 7, 6, 8, 6, 8},
		{"inside accent", 9, 8, 10, 8, 10},
		{"end", 10, 10, 10, 8, 10},
		{"past end", 99, 10, 10, 8, 10},
		{"negative", -3, 0, 0, 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := PrevGraphemeBreak(runes, tt.cp); got != tt.prev {
				t.Errorf("PrevGraphemeBreak(%d) = %d, want %d", tt.cp, got, tt.prev)
			}
			if got := NextGraphemeBreak(runes, tt.cp); got != tt.next {
				t.Errorf("NextGraphemeBreak(%d) = %d, want %d", tt.cp, got, tt.next)
			}
			if got := GraphemeBefore(runes, tt.cp); got != tt.before {
				t.Errorf("GraphemeBefore(%d) = %d, want %d", tt.cp, got, tt.before)
			}
			if got := GraphemeAfter(runes, tt.cp); got != tt.after {
				t.Errorf("GraphemeAfter(%d) = %d, want %d", tt.cp, got, tt.after)
			}
		})
	}
}

func TestSnapToGraphemes(t *testing.T) {
	text := "Hi 👨‍👩‍👧 🇫🇷 cafe\u0301\r\nok"
	tests := []struct {
		name       string
		start, end int
		want       string
	}{
		{"whole", 0, 2, "Hi"},
		{"half family", 3, 6, "👨‍👩‍👧"},
		{"into family from left", 0, 5, "Hi 👨‍👩‍👧"},
		{"half flag", 9, 10, "🇫🇷"},
		{"e without accent", 12, 16, "cafe\u0301"},
		{"cr without lf", 17, 18, "\r\n"},
		{"reversed", 2, 0, "Hi"},
		{"empty inside cluster", 4, 4, ""},
	}
	runes := []rune(text)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, e := SnapToGraphemes(runes, tt.start, tt.end)
			if got := string(runes[s:e]); got != tt.want {
				t.Errorf("SnapToGraphemes(%d, %d) = [%d, %d) %q, want %q", tt.start, tt.end, s, e, got, tt.want)
			}
		})
	}
}

func TestWordAt(t *testing.T) {
	text := "Russia’s don't cafe\u0301, 北京 👨‍👩‍👧 end"
	runes := []rune(text)
	tests := []struct {
		name string
		at   string // the first occurrence of this substring locates cp
		off  int    // added to the located offset
		want string
	}{
		{"start of word", "Russia", 0, "Russia’s"},
		{"inside apostrophe word", "on't", 2, "don't"},
		{"on apostrophe", "'t", 0, "don't"},
		{"combining accent", "cafe", 4, "cafe\u0301"},
		{"punctuation", ",", 0, ","},
		{"cjk", "京", 0, "北京"},
		{"emoji", "👨", 1, "👨‍👩‍👧"},
		{"space", " end", 0, " "},
		{"last", "end", 2, "end"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cp := RuneLen(text[:strings.Index(text, tt.at)]) + tt.off
			s, e := WordAt(runes, cp)
			if got := string(runes[s:e]); got != tt.want {
				t.Errorf("WordAt(%d) = [%d, %d) %q, want %q", cp, s, e, got, tt.want)
			}
		})
	}
	if s, e := WordAt(nil, 0); s != 0 || e != 0 {
		t.Errorf("WordAt(empty) = %d, %d", s, e)
	}
	if s, e := WordAt(runes, len(runes)); string(runes[s:e]) != "end" {
		t.Errorf("WordAt(len) = %q, want end", string(runes[s:e]))
	}
}

func TestSnapToWords(t *testing.T) {
	text := "The partnership is “stable” 🤝, don't café.\r\nNext  line"
	runes := []rune(text)
	at := func(sub string) int { return RuneLen(text[:strings.Index(text, sub)]) }
	tests := []struct {
		name       string
		start, end int
		want       string
	}{
		{"partial both ends", at("artner"), at("ship") + 2, "partnership"},
		{"already whole", at("partnership"), at(" is"), "partnership"},
		{"trims spaces", at(" is") - 1, at(" “") + 1, "partnership is"},
		{"punctuation kept", at("“"), at("”") + 1, "“stable”"},
		{"inside quotes", at("tab"), at("ble”") + 1, "stable"},
		{"emoji end", at("🤝"), at("🤝") + 1, "🤝"},
		{"apostrophe word", at("n't"), at("n't") + 1, "don't"},
		{"accented", at("caf"), at("caf") + 2, "café"},
		{"across crlf", at("café") + 2, at("Next") + 1, "café.\r\nNext"},
		{"only spaces", at("  line"), at("  line") + 2, ""},
		{"empty", 3, 3, ""},
		{"reversed", at("ship") + 1, at("artner"), "partnership"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, e := SnapToWords(runes, tt.start, tt.end)
			if got := string(runes[s:e]); got != tt.want {
				t.Errorf("SnapToWords(%d, %d) = [%d, %d) %q, want %q", tt.start, tt.end, s, e, got, tt.want)
			}
		})
	}
}

func readEdgeCases(t *testing.T) ([]rune, []fixture.Span) {
	t.Helper()
	u := fixture.EdgeCases(t)
	return []rune(u.Text), u.Spans
}

func TestSegmentEdgeCasesFixture(t *testing.T) {
	runes, spans := readEdgeCases(t)
	breaks := map[int]bool{}
	for _, b := range GraphemeBreaks(string(runes)) {
		breaks[b] = true
	}
	for _, sp := range spans {
		if got := string(runes[sp.Start:sp.End]); got != sp.Text {
			t.Fatalf("fixture span [%d, %d) is %q, want %q", sp.Start, sp.End, got, sp.Text)
		}
		if !breaks[sp.Start] || !breaks[sp.End] {
			t.Errorf("span %q does not sit on grapheme boundaries", sp.Text)
		}
		if s, e := SnapToGraphemes(runes, sp.Start, sp.End); s != sp.Start || e != sp.End {
			t.Errorf("SnapToGraphemes(%q) = [%d, %d), want unchanged", sp.Text, s, e)
		}
		if s, e := SnapToWords(runes, sp.Start, sp.End); s != sp.Start || e != sp.End {
			t.Errorf("SnapToWords(%q) = [%d, %d), want unchanged", sp.Text, s, e)
		}
		if unicode.IsLetter(runes[sp.Start]) {
			if s, e := SnapToWords(runes, sp.Start+1, sp.End); s != sp.Start || e != sp.End {
				t.Errorf("SnapToWords(%q minus its first letter) = [%d, %d), want [%d, %d)", sp.Text, s, e, sp.Start, sp.End)
			}
		}
	}
	for i := 0; i <= len(runes); i++ {
		if got := PrevGraphemeBreak(runes, i) == i; got != breaks[i] {
			t.Errorf("PrevGraphemeBreak disagrees with GraphemeBreaks at %d", i)
		}
	}
}

// FuzzSnap checks the invariants of the snapping functions: results lie in
// [0, n], start <= end, both on grapheme boundaries, snapping twice changes
// nothing, and snapping never drops a non-space character of the selection.
func FuzzSnap(f *testing.F) {
	f.Add("Officials said “the partnership is stable” 🤝 on Monday.\r\n", 3, 20)
	f.Add("cafe\u0301 👨‍👩‍👧 🇫🇷🇩🇪 don't", 4, 9)
	f.Add(" \u0301a  ", 0, 3)
	f.Add("北京 (Beijing) и Москва", 1, 12)
	f.Fuzz(func(t *testing.T, text string, a, b int) {
		runes := []rune(text)
		n := len(runes)
		oracle := map[int]bool{}
		for _, x := range GraphemeBreaks(string(runes)) { // string(runes) repairs invalid UTF-8
			oracle[x] = true
		}
		if n > 0 {
			a, b = mod(a, n+1), mod(b, n+1)
		}
		check := func(name string, snap func([]rune, int, int) (int, int)) {
			s, e := snap(runes, a, b)
			if s < 0 || s > e || e > n {
				t.Fatalf("%s(%d, %d) = [%d, %d): out of range (n=%d)", name, a, b, s, e, n)
			}
			if !oracle[s] || !oracle[e] {
				t.Fatalf("%s(%d, %d) = [%d, %d) splits a grapheme cluster of %q", name, a, b, s, e, text)
			}
			if s2, e2 := snap(runes, s, e); s2 != s || e2 != e {
				t.Fatalf("%s not idempotent: [%d, %d) then [%d, %d)", name, s, e, s2, e2)
			}
		}
		check("SnapToGraphemes", SnapToGraphemes)
		check("SnapToWords", SnapToWords)

		lo, hi := clamp(min(a, b), n), clamp(max(a, b), n)
		gs, ge := SnapToGraphemes(runes, lo, hi)
		if lo < hi && (gs > lo || ge < hi) {
			t.Fatalf("SnapToGraphemes(%d, %d) = [%d, %d) does not cover the selection", lo, hi, gs, ge)
		}
		ws, we := SnapToWords(runes, lo, hi)
		for i := gs; i < ge; i++ {
			if !oracle[i] || unicode.IsSpace(runes[i]) {
				continue
			}
			if i < ws || i >= we {
				t.Fatalf("SnapToWords(%d, %d) = [%d, %d) drops the cluster at %d of %q", lo, hi, ws, we, i, text)
			}
		}
		if n > 0 {
			s, e := WordAt(runes, a)
			if !oracle[s] || !oracle[e] || s >= e || s > min(a, n-1) || e <= min(a, n-1) {
				t.Fatalf("WordAt(%d) = [%d, %d) of %q", a, s, e, text)
			}
		}
	})
}

func mod(x, m int) int {
	x %= m
	if x < 0 {
		x += m
	}
	return x
}

// TestPlainLettersBreak checks the shortcut the local functions take: a
// plain letter never joins the cluster of a plain neighbour, by uniseg's
// own rules.
func TestPlainLettersBreak(t *testing.T) {
	for _, table := range plainScripts {
		for _, r16 := range table.R16 {
			for r := rune(r16.Lo); r <= rune(r16.Hi); r += rune(r16.Stride) {
				checkPlain(t, r)
			}
		}
		for _, r32 := range table.R32 {
			for r := rune(r32.Lo); r <= rune(r32.Hi); r += rune(r32.Stride) {
				checkPlain(t, r)
			}
		}
	}
}

func checkPlain(t *testing.T, r rune) {
	if !plain(r) {
		return
	}
	for _, s := range []string{"a" + string(r), string(r) + "a", string(r) + string(r)} {
		if got := len(GraphemeBreaks(s)); got != 3 {
			t.Fatalf("%q (%U) is not two grapheme clusters", s, r)
		}
	}
}

// TestPathologicalRuns checks that runs longer than the local window of
// marks, flags and joiners neither panic nor take long.
func TestPathologicalRuns(t *testing.T) {
	for _, s := range []string{
		strings.Repeat("\u0301", 20000),
		strings.Repeat("🇫", 20001),
		"a" + strings.Repeat("\u200d", 20000),
		strings.Repeat("각", 20000),
		strings.Repeat("x", 20000),
	} {
		runes := []rune(s)
		n := len(runes)
		for _, cp := range []int{0, 1, n / 2, n - 1, n} {
			var a, b int
			check := func(name string) {
				if a < 0 || a > b || b > n {
					t.Fatalf("%s(%d) on a run of %U = [%d, %d)", name, cp, runes[0], a, b)
				}
			}
			a, b = SnapToWords(runes, cp-3, cp+3)
			check("SnapToWords")
			a, b = SnapToGraphemes(runes, cp, cp+1)
			check("SnapToGraphemes")
			a, b = WordAt(runes, cp)
			check("WordAt")
			a, b = cp, GraphemeAfter(runes, cp)
			check("GraphemeAfter")
			a, b = GraphemeBefore(runes, cp), cp
			check("GraphemeBefore")
		}
	}
	// A word longer than the local window is still selected whole.
	long := []rune(strings.Repeat("x", 5000) + " y")
	if s, e := WordAt(long, 2500); s != 0 || e != 5000 {
		t.Errorf("WordAt in a 5000-letter word = [%d, %d)", s, e)
	}
	if s, e := SnapToWords(long, 2500, 2501); s != 0 || e != 5000 {
		t.Errorf("SnapToWords in a 5000-letter word = [%d, %d)", s, e)
	}
}
