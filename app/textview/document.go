package textview

import "strings"

// document is the text as code points with an index of its paragraphs.
type document struct {
	text  string
	runes []rune
	paras []para
}

// para is one paragraph: the code points [start, end) between two '\n'.
// A '\r' before the '\n' belongs to the paragraph but is never drawn.
type para struct {
	start, end int
}

func newDocument(text string) document {
	runes := []rune(text)
	paras := make([]para, 0, strings.Count(text, "\n")+1)
	start := 0
	for i, r := range runes {
		if r == '\n' {
			paras = append(paras, para{start, i})
			start = i + 1
		}
	}
	paras = append(paras, para{start, len(runes)})
	return document{text: text, runes: runes, paras: paras}
}

// paraOf returns the paragraph holding code point cp; the '\n' after a
// paragraph, and the end of the text, count as part of it.
func (d *document) paraOf(cp int) int {
	lo, hi := 0, len(d.paras)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if d.paras[mid].start <= cp {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

// clamp limits cp to the text.
func (d *document) clamp(cp int) int {
	if cp < 0 {
		return 0
	}
	if cp > len(d.runes) {
		return len(d.runes)
	}
	return cp
}
