package unitext

import (
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// GraphemeBreaks returns the code point offsets of text's grapheme-cluster
// boundaries in increasing order, from 0 to the text's length in code points
// inclusive. A selection that starts and ends on these offsets never splits an
// emoji ZWJ sequence, a flag, "\r\n" or a letter and its combining accents.
func GraphemeBreaks(text string) []int {
	breaks := []int{0}
	cp, state := 0, -1
	for rest := text; rest != ""; {
		var cluster string
		cluster, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		cp += utf8.RuneCountInString(cluster)
		breaks = append(breaks, cp)
	}
	return breaks
}

// graphemeWindow bounds how far the local functions below look for a point
// where a cluster boundary is certain. Real text has one within a few code
// points; only pathological input (over a thousand combining marks in a row)
// can make them disagree with GraphemeBreaks.
const graphemeWindow = 1024

// certainBreak reports whether there is a grapheme boundary before runes[i]
// whatever comes before runes[i-1]: after LF, around CR and LF, and between
// two plain characters.
func certainBreak(runes []rune, i int) bool {
	if i <= 0 || i >= len(runes) {
		return true
	}
	a, b := runes[i-1], runes[i]
	switch {
	case a == '\r' && b == '\n':
		return false
	case a == '\n' || a == '\r' || b == '\r' || b == '\n':
		return true
	}
	return plain(a) && plain(b)
}

// plainScripts are scripts whose letters are never prepended, extending or
// spacing marks, nor Hangul jamo.
var plainScripts = []*unicode.RangeTable{
	unicode.Latin, unicode.Greek, unicode.Cyrillic, unicode.Armenian, unicode.Hebrew,
	unicode.Arabic, unicode.Han, unicode.Hiragana, unicode.Katakana,
}

// plain reports whether r always stands at a grapheme boundary on both sides
// when its neighbour is plain too: ASCII, and letters of plainScripts.
func plain(r rune) bool {
	if r < utf8.RuneSelf {
		return true
	}
	return unicode.IsLetter(r) && unicode.In(r, plainScripts...)
}

// graphemeBreaksAround returns the boundaries in a stretch of runes that
// covers [lo, hi], starting and ending on certain boundaries.
func graphemeBreaksAround(runes []rune, lo, hi int) []int {
	s, e := lo, hi
	for s > 0 && lo-s < graphemeWindow && !certainBreak(runes, s) {
		s--
	}
	for e < len(runes) && e-hi < graphemeWindow && !certainBreak(runes, e) {
		e++
	}
	breaks := make([]int, 0, e-s+1)
	breaks = append(breaks, s)
	if isASCII(runes[s:e]) {
		for i := s + 1; i <= e; i++ {
			if i == e || runes[i-1] != '\r' || runes[i] != '\n' {
				breaks = append(breaks, i)
			}
		}
		return breaks
	}
	cp, state := s, -1
	for rest := string(runes[s:e]); rest != ""; {
		var cluster string
		cluster, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		cp += utf8.RuneCountInString(cluster)
		breaks = append(breaks, cp)
	}
	return breaks
}

func isASCII(runes []rune) bool {
	for _, r := range runes {
		if r >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// clamp limits i to [0, n].
func clamp(i, n int) int {
	if i < 0 {
		return 0
	}
	if i > n {
		return n
	}
	return i
}

// PrevGraphemeBreak returns the last grapheme boundary at or before cp.
func PrevGraphemeBreak(runes []rune, cp int) int {
	cp = clamp(cp, len(runes))
	if certainBreak(runes, cp) {
		return cp
	}
	breaks := graphemeBreaksAround(runes, cp, cp)
	best := breaks[0]
	for _, b := range breaks {
		if b > cp {
			break
		}
		best = b
	}
	return best
}

// NextGraphemeBreak returns the first grapheme boundary at or after cp.
func NextGraphemeBreak(runes []rune, cp int) int {
	cp = clamp(cp, len(runes))
	if certainBreak(runes, cp) {
		return cp
	}
	for _, b := range graphemeBreaksAround(runes, cp, cp) {
		if b >= cp {
			return b
		}
	}
	return len(runes)
}

// GraphemeAfter returns the boundary that ends the grapheme cluster starting
// at or containing cp: one user-perceived character to the right. At the end
// of the text it returns the text's length.
func GraphemeAfter(runes []rune, cp int) int {
	cp = clamp(cp, len(runes))
	if cp == len(runes) {
		return cp
	}
	for _, b := range graphemeBreaksAround(runes, cp, cp+1) {
		if b > cp {
			return b
		}
	}
	return len(runes)
}

// GraphemeBefore returns the boundary that starts the grapheme cluster ending
// at or containing cp: one user-perceived character to the left. At the start
// of the text it returns 0.
func GraphemeBefore(runes []rune, cp int) int {
	cp = clamp(cp, len(runes))
	if cp == 0 {
		return 0
	}
	breaks := graphemeBreaksAround(runes, cp-1, cp)
	best := breaks[0]
	for _, b := range breaks {
		if b >= cp {
			break
		}
		best = b
	}
	return best
}

// SnapToGraphemes orders and clamps [start, end) and widens it to whole
// grapheme clusters. An empty range stays empty and moves to the boundary at
// or before start.
func SnapToGraphemes(runes []rune, start, end int) (int, int) {
	n := len(runes)
	start, end = clamp(start, n), clamp(end, n)
	if start > end {
		start, end = end, start
	}
	if start == end {
		b := PrevGraphemeBreak(runes, start)
		return b, b
	}
	return PrevGraphemeBreak(runes, start), NextGraphemeBreak(runes, end)
}

// clusters walks the grapheme clusters of a stretch of runes, widening the
// stretch on demand.
type clusters struct {
	runes  []rune
	breaks []int
}

func newClusters(runes []rune, lo, hi int) *clusters {
	return &clusters{runes: runes, breaks: graphemeBreaksAround(runes, lo, hi)}
}

// index returns the position of boundary b in c.breaks, widening the window
// so that b has a neighbour on both sides when the text has one. It reports
// false when b is not a boundary there, which happens only in text that
// has no certain boundary for graphemeWindow code points.
func (c *clusters) index(b int) (int, bool) {
	for {
		lo, hi := c.breaks[0], c.breaks[len(c.breaks)-1]
		if (b > lo || lo == 0) && (b < hi || hi == len(c.runes)) {
			break
		}
		span := hi - lo + 64
		c.breaks = graphemeBreaksAround(c.runes, clamp(lo-span, len(c.runes)), clamp(hi+span, len(c.runes)))
	}
	i := sort.SearchInts(c.breaks, b)
	return i, i < len(c.breaks) && c.breaks[i] == b
}

// next returns the boundary after boundary b (b itself at the end, or when
// unknown).
func (c *clusters) next(b int) int {
	if i, ok := c.index(b); ok && i+1 < len(c.breaks) {
		return c.breaks[i+1]
	}
	return b
}

// prev returns the boundary before boundary b (b itself at the start, or
// when unknown).
func (c *clusters) prev(b int) int {
	if i, ok := c.index(b); ok && i > 0 {
		return c.breaks[i-1]
	}
	return b
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == 'ʼ'
}

// isWord reports whether the cluster starting at boundary b belongs to a
// word: it starts with a letter, digit or mark, or is an apostrophe between
// two such clusters.
func (c *clusters) isWord(b int) bool {
	if b < 0 || b >= len(c.runes) {
		return false
	}
	r := c.runes[b]
	if isWordRune(r) {
		return true
	}
	if !isApostrophe(r) {
		return false
	}
	before, after := c.prev(b), c.next(b)
	return before < b && after > b && after < len(c.runes) &&
		isWordRune(c.runes[before]) && isWordRune(c.runes[after])
}

// isSpace reports whether the cluster starting at boundary b is whitespace.
func (c *clusters) isSpace(b int) bool {
	return b >= 0 && b < len(c.runes) && unicode.IsSpace(c.runes[b])
}

// extendLeft moves boundary b left over the word clusters before it.
func (c *clusters) extendLeft(b int) int {
	for p := c.prev(b); p < b && c.isWord(p); p = c.prev(b) {
		b = p
	}
	return b
}

// extendRight moves boundary b right over the word clusters after it.
func (c *clusters) extendRight(b int) int {
	for n := c.next(b); n > b && c.isWord(b); n = c.next(b) {
		b = n
	}
	return b
}

// WordAt returns the word containing the code point at cp, for double-click
// selection: a run of letters, digits and marks, with apostrophes inside it.
// When cp is not on a word it returns the grapheme cluster there. A cp at the
// end of the text looks at the last character.
func WordAt(runes []rune, cp int) (start, end int) {
	n := len(runes)
	if n == 0 {
		return 0, 0
	}
	cp = clamp(cp, n-1)
	start, end = PrevGraphemeBreak(runes, cp), GraphemeAfter(runes, cp)
	c := newClusters(runes, start, end)
	if !c.isWord(start) {
		return start, end
	}
	return c.extendLeft(start), c.extendRight(end)
}

// SnapToWords widens a selection to whole words: it first snaps to grapheme
// clusters and trims leading and trailing whitespace, then extends each end
// that falls inside a word to that word's boundary. Ends on punctuation or
// emoji stay where they are. A selection of nothing but whitespace collapses
// to an empty one at its start.
func SnapToWords(runes []rune, start, end int) (int, int) {
	s, e := SnapToGraphemes(runes, start, end)
	if s == e {
		return s, e
	}
	c := newClusters(runes, s, e)
	for s < e && c.isSpace(s) && c.next(s) > s {
		s = c.next(s)
	}
	for e > s && c.prev(e) < e && c.isSpace(c.prev(e)) {
		e = c.prev(e)
	}
	if s == e {
		return s, s
	}
	if c.isWord(s) {
		s = c.extendLeft(s)
	}
	if p := c.prev(e); p < e && c.isWord(p) {
		e = c.extendRight(e)
	}
	return s, e
}
