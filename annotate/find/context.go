package find

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Context returns the hit [start, end) of text with up to width code points
// of text on each side, for a keyword-in-context line. Offsets are code
// points; they are clamped to the text. Line breaks and tabs become single
// spaces ("\r\n" is one space), a left context does not begin with a
// combining mark cut from its letter, and a right context keeps the marks
// of its last letter.
func Context(text string, start, end, width int) (left, hit, right string) {
	c := Contexts(text, []Hit{{Start: start, End: end}}, width)
	return c[0].Left, c[0].Hit, c[0].Right
}

// KWIC is one hit in its context.
type KWIC struct {
	Left, Hit, Right string
}

// Contexts returns the context of each hit of text, as Context does, in the
// order of hits. It walks the text once for all the hits (plus width
// characters around each), so it suits documents with many hits.
func Contexts(text string, hits []Hit, width int) []KWIC {
	if width < 0 {
		width = 0
	}
	type edge struct{ cp, i int } // a hit's start (i=2h) or end (i=2h+1)
	edges := make([]edge, 0, 2*len(hits))
	for h, x := range hits {
		s, e := x.Start, x.End
		if e < s {
			e = s
		}
		edges = append(edges, edge{s, 2 * h}, edge{e, 2*h + 1})
	}
	sort.Slice(edges, func(a, b int) bool { return edges[a].cp < edges[b].cp })
	bytePos := make([]int, len(edges)) // byte offset of each hit's start and end
	b, cp := 0, 0
	for _, e := range edges {
		for cp < e.cp && b < len(text) {
			_, size := utf8.DecodeRuneInString(text[b:])
			b += size
			cp++
		}
		bytePos[e.i] = b
	}
	out := make([]KWIC, len(hits))
	for h := range hits {
		s, e := bytePos[2*h], bytePos[2*h+1]
		ls := s
		for n := 0; n < width && ls > 0; n++ {
			_, size := utf8.DecodeLastRuneInString(text[:ls])
			ls -= size
		}
		for ls < s { // do not begin on a mark cut from its letter
			r, size := utf8.DecodeRuneInString(text[ls:])
			if !isMark(r) {
				break
			}
			ls += size
		}
		re := e
		for n := 0; n < width && re < len(text); n++ {
			_, size := utf8.DecodeRuneInString(text[re:])
			re += size
		}
		for re < len(text) { // keep the last letter's marks
			r, size := utf8.DecodeRuneInString(text[re:])
			if !isMark(r) {
				break
			}
			re += size
		}
		out[h] = KWIC{Left: oneLine(text[ls:s]), Hit: oneLine(text[s:e]), Right: oneLine(text[e:re])}
	}
	return out
}

// breaks turns line breaks and tabs into spaces, "\r\n" into one space.
var breaks = strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ", "\t", " ",
	"\v", " ", "\f", " ", "\u0085", " ", "\u2028", " ", "\u2029", " ")

// oneLine returns s with its line breaks and tabs as spaces.
func oneLine(s string) string {
	return breaks.Replace(s)
}
