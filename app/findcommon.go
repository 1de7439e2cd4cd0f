package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"gloss/annotate"
	"gloss/annotate/find"
)

// findContext is how many code points of context a hit shows on each side
// in the corpus results, the label-all preview and the concordance.
const findContext = 40

// newFinder returns the matcher for a find in the window: literal text,
// accent-insensitive as the documents' title search is, with the case and
// whole-word switches.
func newFinder(query string, caseSensitive, wholeWord bool) (find.Matcher, error) {
	return find.NewLiteral(query, find.Options{CaseSensitive: caseSensitive, IgnoreAccents: true, WholeWord: wholeWord})
}

// docHits are the hits of a find in one document, with their context.
type docHits struct {
	info annotate.DocumentInfo
	text string
	hits []find.Hit
	ctx  []find.KWIC
}

// scanDocs runs m over every document of docs in order and returns those
// with hits. Documents that cannot be read are an error naming them. It
// stops with ctx's error when ctx is cancelled.
func scanDocs(ctx context.Context, p Project, docs []annotate.DocumentInfo, m find.Matcher) ([]docHits, error) {
	var out []docHits
	for _, info := range docs {
		if err := ctx.Err(); err != nil {
			return out, err
		}
		d, err := p.Document(info.ID)
		if err != nil {
			return out, err
		}
		hits := m.FindAll(d.Text)
		if len(hits) == 0 {
			continue
		}
		out = append(out, docHits{info: info, text: d.Text, hits: hits, ctx: find.Contexts(d.Text, hits, findContext)})
	}
	return out, nil
}

// shiftHeld reports whether Shift is down during a key event.
func shiftHeld() bool {
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		return d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0
	}
	return false
}

// keyEntry is a one-line text field that reports Enter (with shift held or
// not), F3 and Escape instead of handling them itself.
type keyEntry struct {
	widget.Entry
	onEnter  func(back bool) // Enter, Shift+Enter, F3, Shift+F3
	onEscape func()
	shift    func() bool // whether Shift is held; tests replace it
}

func newKeyEntry() *keyEntry {
	e := &keyEntry{shift: shiftHeld}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey takes Enter, F3 and Escape; other keys edit the text.
func (e *keyEntry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyF3:
		if e.onEnter != nil {
			e.onEnter(e.shift())
			return
		}
	case fyne.KeyEscape:
		if e.onEscape != nil {
			e.onEscape()
			return
		}
		if escapeDialog(e) { // a field in a dialog: Escape closes it
			return
		}
	}
	e.Entry.TypedKey(ev)
}
