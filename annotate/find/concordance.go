package find

import (
	"encoding/csv"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Row is one line of a concordance: a hit of document Doc at the code
// points [Start, End), with its left and right context, and the hit's label
// when it has one.
type Row struct {
	Doc        string
	Start, End int
	Label      string
	Left       string
	Hit        string
	Right      string
}

// Concordance is a keyword-in-context table.
type Concordance struct {
	Rows []Row
}

// Add appends a row for each hit of doc, whose text is text, with width code
// points of context on each side (see Context).
func (c *Concordance) Add(doc, text string, hits []Hit, width int) {
	for i, k := range Contexts(text, hits, width) {
		c.Rows = append(c.Rows, Row{Doc: doc, Start: hits[i].Start, End: hits[i].End, Label: hits[i].Label, Left: k.Left, Hit: k.Hit, Right: k.Right})
	}
}

// SortByLeft orders the rows by the words left of the hit, nearest first
// (the word just before the hit, then the one before it, ...), as corpus
// tools sort a concordance on "1L, 2L, ...". Words are compared ignoring
// case; rows that tie keep document and text order.
func (c *Concordance) SortByLeft() {
	c.sortBy(func(r Row) []string {
		w := words(r.Left)
		for i, j := 0, len(w)-1; i < j; i, j = i+1, j-1 {
			w[i], w[j] = w[j], w[i]
		}
		return w
	})
}

// SortByRight orders the rows by the words right of the hit, nearest first.
func (c *Concordance) SortByRight() {
	c.sortBy(func(r Row) []string { return words(r.Right) })
}

// SortByHit orders the rows by the hit's text ignoring case, then by
// document and position.
func (c *Concordance) SortByHit() {
	c.sortBy(func(r Row) []string { return []string{strings.ToLower(r.Hit)} })
}

// sortBy orders the rows by the word lists key gives, stably.
func (c *Concordance) sortBy(key func(Row) []string) {
	keys := make([][]string, len(c.Rows))
	for i, r := range c.Rows {
		keys[i] = key(r)
	}
	idx := make([]int, len(c.Rows))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return lessWords(keys[idx[a]], keys[idx[b]]) })
	rows := make([]Row, len(c.Rows))
	for i, j := range idx {
		rows[i] = c.Rows[j]
	}
	c.Rows = rows
}

// lessWords compares two word lists word by word; a shorter list that is a
// prefix of the other comes first.
func lessWords(a, b []string) bool {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return len(a) < len(b)
}

// words splits s into its words (runs of letters, digits, marks and '_'),
// lower-cased.
func words(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool { return !isWordRune(r) && !isMark(r) })
	for i, w := range f {
		f[i] = strings.Map(unicode.ToLower, w)
	}
	return f
}

// WriteCSV writes the rows as CSV with the header
// document,start,end,label,left,hit,right.
func (c *Concordance) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"document", "start", "end", "label", "left", "hit", "right"}); err != nil {
		return err
	}
	for _, r := range c.Rows {
		if err := cw.Write([]string{r.Doc, strconv.Itoa(r.Start), strconv.Itoa(r.End), r.Label, r.Left, r.Hit, r.Right}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
