package app

import (
	"fmt"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gloss/annotate/find"
)

// findView is what the find bar needs of the text view.
type findView interface {
	SetFindHits(hits [][2]int, current int)
	SetSelection(start, end int)
	ScrollToOffset(cp int)
	Selection() (start, end int)
}

// findBar is find in the document (Ctrl+F): a bar under the text with the
// query, a count ("3 of 17"), next and previous, and case and whole-word
// switches. Every hit is outlined in the text view; the current one is
// selected. Matching ignores accents, as the title search does.
type findBar struct {
	s    *session
	view findView

	query   *keyEntry
	count   *widget.Label
	caseSw  *widget.Check
	wordSw  *widget.Check
	content *fyne.Container

	hits    []find.Hit
	current int // index into hits, -1 for none

	onClose  func()                 // the bar was closed: give the keyboard back to the text
	onCorpus func(query string)     // "All documents": find in the corpus
	onFocus  func(o fyne.Focusable) // focus a widget of the bar
}

func newFindBar(s *session, view findView) *findBar {
	f := &findBar{s: s, view: view, current: -1}
	f.query = newKeyEntry()
	f.query.SetPlaceHolder("Find in document")
	f.query.OnChanged = func(string) { f.search() }
	f.query.onEnter = func(back bool) { f.step(back) }
	f.query.onEscape = f.close
	f.count = widget.NewLabel("")
	f.caseSw = widget.NewCheck("Match case", func(bool) { f.search() })
	f.wordSw = widget.NewCheck("Whole word", func(bool) { f.search() })
	prev := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { f.step(true) })
	next := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { f.step(false) })
	all := widget.NewButton("All docs…", func() {
		if f.onCorpus != nil {
			f.onCorpus(f.query.Text)
		}
	})
	closeB := widget.NewButtonWithIcon("", theme.CancelIcon(), f.close)
	right := container.NewHBox(f.count, prev, next, f.caseSw, f.wordSw, all, closeB)
	f.content = container.NewBorder(nil, nil, nil, right, f.query)
	f.content.Hide()
	return f
}

// open shows the bar with the selected text (if short and on one line) as
// the query, and focuses the field.
func (f *findBar) open() {
	if s, e := f.view.Selection(); e > s && e-s <= 100 && f.s.runes != nil && e <= len(f.s.runes) {
		if t := string(f.s.runes[s:e]); !containsBreak(t) {
			f.query.SetText(t)
		}
	}
	f.content.Show()
	f.search()
	if f.onFocus != nil {
		f.onFocus(f.query)
	}
}

func containsBreak(s string) bool {
	for _, r := range s {
		if r == '\n' || r == '\r' {
			return true
		}
	}
	return false
}

// close hides the bar and its hits.
func (f *findBar) close() {
	f.content.Hide()
	f.hits, f.current = nil, -1
	f.view.SetFindHits(nil, -1)
	if f.onClose != nil {
		f.onClose()
	}
}

// documentShown finds again in a newly shown document while the bar is open.
func (f *findBar) documentShown() {
	if f.content.Visible() {
		f.search()
	}
}

// search finds the query in the shown document; the current hit is the
// first at or after the selection, which is not moved.
func (f *findBar) search() {
	f.hits, f.current = nil, -1
	if q := f.query.Text; q != "" && f.s.doc != nil {
		if m, err := newFinder(q, f.caseSw.Checked, f.wordSw.Checked); err == nil {
			f.hits = m.FindAll(f.s.doc.Text)
		}
	}
	if len(f.hits) > 0 {
		s, _ := f.view.Selection()
		f.current = sort.Search(len(f.hits), func(i int) bool { return f.hits[i].Start >= s }) % len(f.hits)
	}
	f.show()
}

// step moves to the next hit (the previous one with back), wrapping round,
// and selects it.
func (f *findBar) step(back bool) {
	if len(f.hits) == 0 {
		return
	}
	s, e := f.view.Selection()
	onCurrent := f.current >= 0 && f.hits[f.current].Start == s && f.hits[f.current].End == e
	switch {
	case back:
		f.current = (f.current - 1 + len(f.hits)) % len(f.hits)
	case onCurrent: // the first Enter selects the current hit itself
		f.current = (f.current + 1) % len(f.hits)
	}
	h := f.hits[f.current]
	f.view.ScrollToOffset(h.Start)
	f.view.SetSelection(h.Start, h.End)
	f.show()
}

// show passes the hits to the view and updates the count.
func (f *findBar) show() {
	pairs := make([][2]int, len(f.hits))
	for i, h := range f.hits {
		pairs[i] = [2]int{h.Start, h.End}
	}
	f.view.SetFindHits(pairs, f.current)
	switch {
	case f.query.Text == "":
		f.count.SetText("")
	case len(f.hits) == 0:
		f.count.SetText("no matches")
	default:
		f.count.SetText(fmt.Sprintf("%d of %d", f.current+1, len(f.hits)))
	}
}
