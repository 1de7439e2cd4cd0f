package app

import (
	"strings"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"
)

// match is one item that passed a filter: its index in the filtered list and
// the rune offsets of the characters that matched, for highlighting.
type match struct {
	index int
	runes []int
}

// fuzzyFilter returns the items matching pattern, best match first. An empty
// pattern keeps every item, in order, with nothing highlighted. Accents are
// ignored ("zur" finds "Zürich"). The fuzzy matcher reports byte offsets;
// they are converted to rune offsets here so that no caller ever sees a byte
// index.
func fuzzyFilter(pattern string, items []string) []match {
	pattern = strings.TrimSpace(pattern)
	if pattern == "" {
		out := make([]match, len(items))
		for i := range items {
			out[i] = match{index: i}
		}
		return out
	}
	folded := make([]string, len(items))
	for i, it := range items {
		folded[i] = foldAccents(it)
	}
	found := fuzzy.Find(foldAccents(pattern), folded)
	out := make([]match, len(found))
	for i, m := range found {
		// folding maps rune to rune, so rune offsets in the folded string
		// are rune offsets in the item
		out[i] = match{index: m.Index, runes: byteToRuneIndexes(m.Str, m.MatchedIndexes)}
	}
	return out
}

// accents maps accented Latin letters to their base letter.
var accents = func() map[rune]rune {
	m := map[rune]rune{}
	for base, list := range map[rune]string{
		'a': "àáâãäåāăą", 'c': "çćĉċč", 'd': "ďđ", 'e': "èéêëēĕėęě", 'g': "ĝğġģ",
		'h': "ĥħ", 'i': "ìíîïĩīĭįı", 'j': "ĵ", 'k': "ķ", 'l': "ĺļľŀł", 'n': "ñńņňŉ",
		'o': "òóôõöøōŏő", 'r': "ŕŗř", 's': "śŝşšș", 't': "ţťŧț", 'u': "ùúûüũūŭůűų",
		'w': "ŵ", 'y': "ýÿŷ", 'z': "źżž",
		'A': "ÀÁÂÃÄÅĀĂĄ", 'C': "ÇĆĈĊČ", 'D': "ĎĐ", 'E': "ÈÉÊËĒĔĖĘĚ", 'G': "ĜĞĠĢ",
		'H': "ĤĦ", 'I': "ÌÍÎÏĨĪĬĮİ", 'J': "Ĵ", 'K': "Ķ", 'L': "ĹĻĽĿŁ", 'N': "ÑŃŅŇ",
		'O': "ÒÓÔÕÖØŌŎŐ", 'R': "ŔŖŘ", 'S': "ŚŜŞŠȘ", 'T': "ŢŤŦȚ", 'U': "ÙÚÛÜŨŪŬŮŰŲ",
		'W': "Ŵ", 'Y': "ÝŸŶ", 'Z': "ŹŻŽ",
	} {
		for _, r := range list {
			m[r] = base
		}
	}
	return m
}()

// foldAccents drops the accents of s's Latin letters; ASCII text, the
// common case, is returned as it is without copying.
func foldAccents(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return strings.Map(foldAccent, s)
		}
	}
	return s
}

// foldAccent drops the accent of a Latin letter: one rune for one rune.
func foldAccent(r rune) rune {
	if b, ok := accents[r]; ok {
		return b
	}
	return r
}

// byteToRuneIndexes converts increasing byte offsets into s to rune offsets.
func byteToRuneIndexes(s string, bytes []int) []int {
	out := make([]int, 0, len(bytes))
	r, b := 0, 0
	for _, want := range bytes {
		for b < want && b < len(s) {
			_, size := utf8.DecodeRuneInString(s[b:])
			b += size
			r++
		}
		out = append(out, r)
	}
	return out
}

// runRanges groups sorted rune offsets into [start, end) runs, so that a
// highlighted title is drawn as few segments as possible.
func runRanges(runes []int) [][2]int {
	var out [][2]int
	for _, r := range runes {
		if n := len(out); n > 0 && out[n-1][1] == r {
			out[n-1][1] = r + 1
			continue
		}
		out = append(out, [2]int{r, r + 1})
	}
	return out
}
