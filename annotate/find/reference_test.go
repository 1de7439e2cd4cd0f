package find

import (
	"strings"
	"unicode"
)

// This file is the independent reference the matchers are tested against:
// a naive scan over []rune that compares character by character with
// strings.EqualFold (the standard library's simple case folding), and its
// own whole-word rule written from the package documentation with
// unicode.In, sharing no code with the matchers.

// span is a hit without a label, for comparisons.
type span [2]int

// refFind returns the non-overlapping occurrences of needle in text, left
// to right, as the package documents them.
func refFind(text, needle string, caseSensitive, wholeWord bool) []span {
	t, p := []rune(text), []rune(needle)
	if len(p) == 0 {
		return nil
	}
	var out []span
	last := 0
	for s := 0; s+len(p) <= len(t); s++ {
		if s < last || !refEqual(t[s:s+len(p)], p, caseSensitive) {
			continue
		}
		if wholeWord && !refWhole(t, s, s+len(p)) {
			continue
		}
		out = append(out, span{s, s + len(p)})
		last = s + len(p)
	}
	return out
}

func refEqual(a, b []rune, caseSensitive bool) bool {
	for i := range a {
		if caseSensitive && a[i] != b[i] || !caseSensitive && !strings.EqualFold(string(a[i]), string(b[i])) {
			return false
		}
	}
	return true
}

// refWhole: the character before (its marks skipped) and the character
// after must not be letters, digits or '_'; a mark right after is not allowed.
func refWhole(t []rune, s, e int) bool {
	word := func(r rune) bool { return r == '_' || unicode.In(r, unicode.L, unicode.N) }
	j := s - 1
	for j >= 0 && unicode.In(t[j], unicode.M) {
		j--
	}
	if j >= 0 && word(t[j]) {
		return false
	}
	return e >= len(t) || !(word(t[e]) || unicode.In(t[e], unicode.M))
}

// spans drops the labels of hits.
func spans(hits []Hit) []span {
	out := []span{}
	for _, h := range hits {
		out = append(out, span{h.Start, h.End})
	}
	return out
}

// nonNil makes an empty result compare equal to a nil one.
func nonNil(s []span) []span {
	if s == nil {
		return []span{}
	}
	return s
}
