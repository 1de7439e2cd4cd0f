package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"

	"gloss/annotate"
	"gloss/app/textview"
)

// maxNamedGlyphs is how many missing characters the warning names.
const maxNamedGlyphs = 3

// glyphWarning warns once per document, in the status bar, when the
// document has characters no installed font can draw (they show as "�").
// The check scans the system's fonts the first time, so it runs off the
// main goroutine and reports back through fyne.Do.
type glyphWarning struct {
	status *statusBar
	warned map[string]bool // document IDs already warned about
	shown  func() string   // the ID of the document shown now

	afterCheck func(id string) // test hook: the check of document id has reported
	now        bool            // tests: check on the caller's goroutine
}

func newGlyphWarning(status *statusBar, shown func() string) *glyphWarning {
	return &glyphWarning{status: status, warned: map[string]bool{}, shown: shown}
}

// check looks for characters of doc that th and the system fonts lack.
func (w *glyphWarning) check(doc *annotate.Document, th fyne.Theme) {
	if doc == nil || w.warned[doc.ID] {
		return
	}
	id, text := doc.ID, doc.Text
	if w.now {
		w.report(id, textview.MissingGlyphs(text, th))
		return
	}
	go func() {
		missing := textview.MissingGlyphs(text, th)
		fyne.Do(func() { w.report(id, missing) })
	}()
}

// report shows the warning, unless another document is shown by now.
func (w *glyphWarning) report(id string, missing []rune) {
	defer func() {
		if w.afterCheck != nil {
			w.afterCheck(id)
		}
	}()
	if len(missing) == 0 || w.warned[id] || w.shown() != id {
		return
	}
	w.warned[id] = true
	w.status.message(missingGlyphsText(missing))
}

// missingGlyphsText names the missing characters by code point, since
// they cannot be drawn.
func missingGlyphsText(missing []rune) string {
	var names []string
	for i, r := range missing {
		if i == maxNamedGlyphs {
			names = append(names, "…")
			break
		}
		names = append(names, fmt.Sprintf("%U", r))
	}
	// Short: the status bar is one line, and a long message would widen the
	// window. docs/usage.md says which fonts to install.
	return fmt.Sprintf("No installed font draws %s here (shown as �): %s",
		plural(len(missing), "character"), strings.Join(names, " "))
}
