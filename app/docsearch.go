package app

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"gloss/annotate"
)

// textSearchPrefix starts a search over the documents' text instead of
// their titles.
const textSearchPrefix = "/"

// How many code points of text a search hit shows before and after it.
const (
	snippetBefore = 16
	snippetAfter  = 40
)

// docRow is one row of the documents list: the document and what the
// search matched in it.
type docRow struct {
	info    annotate.DocumentInfo
	title   []int  // rune offsets of the title characters the fuzzy search matched
	snippet string // for a text search: the text around the first hit
	snipHit [2]int // rune range of the hit inside snippet
	hit     int    // code point offset of the first hit in the text, -1 for none
	hitLen  int    // its length in code points
	hits    int    // number of hits in the text
}

// filterDocs applies the documents search: a fuzzy match on titles, or with
// the "/" prefix a case-insensitive substring search of the text (text
// returns a document's text as stored and folded by foldText).
func filterDocs(query string, docs []annotate.DocumentInfo, text func(id string) (orig, folded string)) []docRow {
	if isTextSearch(query) {
		return searchText(strings.TrimPrefix(strings.TrimLeft(query, " "), textSearchPrefix), docs, text)
	}
	titles := make([]string, len(docs))
	for i, d := range docs {
		titles[i] = d.Title
	}
	ms := fuzzyFilter(query, titles)
	rows := make([]docRow, len(ms))
	for i, m := range ms {
		rows[i] = docRow{info: docs[m.index], title: m.runes, hit: -1}
	}
	return rows
}

// isTextSearch reports whether a documents query searches the text.
func isTextSearch(query string) bool {
	return strings.HasPrefix(strings.TrimLeft(query, " "), textSearchPrefix)
}

// foldText lower-cases text and drops accents rune by rune, so that code
// point offsets in the result are offsets in the original (strings.ToLower
// may change lengths).
func foldText(s string) string {
	return strings.Map(func(r rune) rune { return foldAccent(unicode.ToLower(r)) }, s)
}

func searchText(q string, docs []annotate.DocumentInfo, text func(id string) (orig, folded string)) []docRow {
	q = foldText(strings.TrimSpace(q))
	if q == "" {
		rows := make([]docRow, len(docs))
		for i, d := range docs {
			rows[i] = docRow{info: d, hit: -1}
		}
		return rows
	}
	qLen := utf8.RuneCountInString(q)
	var rows []docRow
	for _, d := range docs {
		orig, t := text(d.ID)
		b := strings.Index(t, q)
		if b < 0 {
			continue
		}
		cp := utf8.RuneCountInString(t[:b])
		row := docRow{info: d, hit: cp, hitLen: qLen, hits: strings.Count(t, q)}
		ob := runeToByte(orig, cp)
		row.snippet, row.snipHit = snippetAround(orig, ob, runeToByte(orig[ob:], qLen))
		rows = append(rows, row)
	}
	return rows
}

// snippetAround returns the text around the byte range [b, b+n) on one
// line, with the rune range of the hit inside the snippet.
func snippetAround(t string, b, n int) (string, [2]int) {
	start := b
	for i := 0; i < snippetBefore && start > 0; i++ {
		_, size := utf8.DecodeLastRuneInString(t[:start])
		start -= size
	}
	end := b + n
	for i := 0; i < snippetAfter && end < len(t); i++ {
		_, size := utf8.DecodeRuneInString(t[end:])
		end += size
	}
	flat := strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\t", " ")
	before := flat.Replace(t[start:b])
	hit := flat.Replace(t[b : b+n])
	after := flat.Replace(t[b+n : end])
	if start > 0 {
		before = "…" + before
	}
	if end < len(t) {
		after += "…"
	}
	hs := utf8.RuneCountInString(before)
	return before + hit + after, [2]int{hs, hs + utf8.RuneCountInString(hit)}
}

// runeToByte returns the byte offset of code point cp in s.
func runeToByte(s string, cp int) int {
	b := 0
	for i := 0; i < cp && b < len(s); i++ {
		_, size := utf8.DecodeRuneInString(s[b:])
		b += size
	}
	return b
}
