package app

import (
	"sort"
	"strings"

	"gloss/annotate"
)

// The span browser's columns (after the check box column).
const (
	colLabel = iota
	colText
	colDocument
	colAnnotator
	colNote
	browseColumns
)

// browseColumnNames head the span browser's columns.
var browseColumnNames = [browseColumns]string{"Label", "Text", "Document", "Annotator", "Note"}

// browseRow is one span of the project as the browser shows it, with the
// folded text its text filter searches.
type browseRow struct {
	span      *annotate.Span
	label     string // label name
	color     string // label colour
	text      string // covered text on one line, cut to maxCoveredText
	doc       string // document title
	status    annotate.Status
	order     int32  // position in document and text order, for ties
	key       string // foldText of text and note, for the text filter
	sortLower [browseColumns]string
}

// newBrowseRow describes span sp of document d (whose text is runes).
func newBrowseRow(sp *annotate.Span, runes []rune, doc string, status annotate.Status, l *annotate.Label) browseRow {
	r := browseRow{span: sp, doc: doc, status: status, label: "?", color: "#999999"}
	if l != nil {
		r.label, r.color = l.Name, l.Color
	}
	if sp.Start >= 0 && sp.End <= len(runes) && sp.Start < sp.End {
		t := runes[sp.Start:sp.End]
		if len(t) > maxCoveredText {
			t = append(append([]rune{}, t[:maxCoveredText]...), '…')
		}
		r.text = oneLineText(string(t))
	}
	r.key = foldText(r.text + "\x00" + sp.Note)
	for c, v := range [browseColumns]string{r.label, r.text, r.doc, sp.Annotator, sp.Note} {
		r.sortLower[c] = strings.ToLower(v)
	}
	return r
}

// oneLineText replaces line breaks and tabs with spaces.
func oneLineText(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, s)
}

// browseFilter is what the browser shows: empty fields match everything.
type browseFilter struct {
	label     string          // label name
	annotator string          // annotator name
	status    annotate.Status // the document's status
	text      string          // in the covered text or the note, ignoring case and accents
}

// filterBrowse returns the indices of the rows that pass f, in row order,
// reusing out's storage. It is the work of one keystroke in the browser's
// text filter, so it touches nothing but the rows.
func filterBrowse(rows []browseRow, f browseFilter, out []int32) []int32 {
	out = out[:0]
	q := foldText(strings.TrimSpace(f.text))
	for i := range rows {
		r := &rows[i]
		if f.label != "" && r.label != f.label ||
			f.annotator != "" && r.span.Annotator != f.annotator ||
			f.status != "" && r.status != f.status ||
			q != "" && !strings.Contains(r.key, q) {
			continue
		}
		out = append(out, int32(i))
	}
	return out
}

// sortBrowse orders the rows by column col (ignoring case), descending
// with desc; ties keep document and text order.
func sortBrowse(rows []browseRow, col int, desc bool) {
	sort.Slice(rows, func(i, j int) bool {
		a, b := rows[i].sortLower[col], rows[j].sortLower[col]
		if a == b {
			return rows[i].order < rows[j].order
		}
		if desc {
			return a > b
		}
		return a < b
	})
}

// labelCount is how many of the shown spans carry one label.
type labelCount struct {
	name, color string
	n           int
}

// countLabels counts the shown rows by label, in the order of labels
// (labels without shown spans are left out; unknown labels come last).
func countLabels(rows []browseRow, shown []int32, labels []*annotate.Label) []labelCount {
	by := map[string]int{}
	for _, i := range shown {
		by[rows[i].label]++
	}
	var out []labelCount
	for _, l := range labels {
		if n := by[l.Name]; n > 0 {
			out = append(out, labelCount{l.Name, l.Color, n})
			delete(by, l.Name)
		}
	}
	if n := by["?"]; n > 0 {
		out = append(out, labelCount{"?", "#999999", n})
	}
	return out
}
