package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"gloss/annotate/agree"
)

// curationArea is Curation mode: a window that walks the disagreements
// (the tuples not every compared annotator marked, agree.Curate's Open
// list) one by one, shows each coder's version and accepts one into the
// gold layer, edits it there, or rejects it. Every change is one edit in
// the project's log, undone with Ctrl+Z here or in the main window.
type curationArea struct {
	s    *session
	app  fyne.App
	main fyne.Window
	win  fyne.Window // nil when closed

	coders   []string
	open     []agree.Candidate
	spans    []agree.Span // the compared annotators' spans
	at       int
	rejected map[agree.Tuple]bool
	steps    []curationStep // what Ctrl+Z here reverts, newest last
	texts    map[string][]rune

	title, where, excerpt *widget.Label
	versions              *fyne.Container

	onGoldChanged func()                     // the gold layer changed
	onEdit        func(docID, spanID string) // edit a gold span in the main window
}

// curationStep is one change Curation mode made.
type curationStep struct {
	at      int  // the disagreement it concerned
	project bool // undone through the project's edit log
	reject  *agree.Tuple
}

// source is the project as an agreementSource, or nil.
func (c *curationArea) source() agreementSource { return c.s.agreementSource() }

// show opens Curation mode on every document (or brings it forward).
func (c *curationArea) show() {
	if c.source() == nil {
		return
	}
	if c.win == nil {
		c.build()
	}
	if err := c.load(); err != nil {
		showError(c.win, err)
	}
	c.showItem()
	c.win.Show()
	c.win.RequestFocus()
}

// load reads the compared annotators' spans and their disagreements.
func (c *curationArea) load() error {
	study, err := c.source().AgreementStudy("all", nil, nil)
	if err != nil {
		return err
	}
	c.coders, c.spans = study.Annotators, study.Spans
	c.open = nil
	if len(c.coders) > 0 {
		cur, err := agree.Curate(study.Spans, study.Annotators, agree.Unanimous)
		if err != nil {
			return err
		}
		c.open = cur.Open
	}
	if c.rejected == nil {
		c.rejected, c.texts = map[agree.Tuple]bool{}, map[string][]rune{}
	}
	c.at = min(c.at, max(0, len(c.open)-1))
	return nil
}

func (c *curationArea) build() {
	c.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.where = widget.NewLabel("")
	c.excerpt = widget.NewLabel("")
	c.excerpt.Wrapping = fyne.TextWrapWord
	c.versions = container.NewVBox()
	keys := widget.NewLabel("N / P (Alt+Down / Alt+Up): next / previous · A: accept this span · 1–9: accept that coder's version · " +
		"E: accept and edit in the gold layer · R: reject · Ctrl+Z: undo")
	keys.Wrapping = fyne.TextWrapWord
	auto := container.NewHBox(widget.NewLabel("Curate automatically:"),
		widget.NewButton("Unanimous", func() { c.auto(agree.Unanimous) }),
		widget.NewButton("Majority", func() { c.auto(agree.Majority) }))
	body := container.NewVBox(c.title, c.where, widget.NewSeparator(), c.excerpt, widget.NewSeparator(), c.versions)
	c.win = c.app.NewWindow("Gloss — Curation")
	c.win.SetContent(container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), keys, auto), nil, nil, container.NewVScroll(body)))
	c.win.Resize(fyne.NewSize(820, 560))
	c.win.SetOnClosed(func() { c.win = nil })
	cv := c.win.Canvas()
	cv.SetOnTypedRune(c.typedRune)
	cv.SetOnTypedKey(c.typedKey)
	cv.AddShortcut(&fyne.ShortcutUndo{}, func(fyne.Shortcut) { c.undo() })
	cv.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyDown, Modifier: fyne.KeyModifierAlt}, func(fyne.Shortcut) { c.step(1) })
	cv.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyUp, Modifier: fyne.KeyModifierAlt}, func(fyne.Shortcut) { c.step(-1) })
}

// typedRune handles the one-key commands.
func (c *curationArea) typedRune(r rune) {
	switch r = []rune(strings.ToLower(string(r)))[0]; {
	case r == 'n':
		c.step(1)
	case r == 'p':
		c.step(-1)
	case r == 'a':
		c.acceptTuple(false)
	case r == 'e':
		c.acceptTuple(true)
	case r == 'r':
		c.reject()
	case r >= '1' && r <= '9':
		c.acceptCoder(int(r - '1'))
	}
}

func (c *curationArea) typedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyDown, fyne.KeyRight:
		c.step(1)
	case fyne.KeyUp, fyne.KeyLeft:
		c.step(-1)
	}
}

// step moves to the next (1) or previous (-1) disagreement.
func (c *curationArea) step(delta int) {
	if n := c.at + delta; n >= 0 && n < len(c.open) {
		c.at = n
		c.showItem()
	}
}

// current is the disagreement shown, nil when there is none.
func (c *curationArea) current() *agree.Candidate {
	if c.at < 0 || c.at >= len(c.open) {
		return nil
	}
	return &c.open[c.at]
}

// showItem shows the current disagreement and every coder's version of it.
func (c *curationArea) showItem() {
	c.versions.RemoveAll()
	cand := c.current()
	if cand == nil {
		c.title.SetText("No disagreements: every compared annotator marked the same spans.")
		c.where.SetText("")
		c.excerpt.SetText("")
		return
	}
	c.title.SetText(fmt.Sprintf("Disagreement %d of %d — %s", c.at+1, len(c.open), c.state(cand.Tuple)))
	c.where.SetText(fmt.Sprintf("%s, [%d, %d) %s — marked by %s", c.docTitle(cand.Document), cand.Start, cand.End, cand.Label, strings.Join(cand.Annotators, ", ")))
	c.excerpt.SetText(c.context(cand.Tuple))
	for i, coder := range c.coders {
		var parts []string
		for _, sp := range c.versionOf(coder, cand.Tuple) {
			parts = append(parts, fmt.Sprintf("[%d, %d) %s «%s»", sp.Start, sp.End, sp.Label, c.covered(sp.Document, sp.Start, sp.End)))
		}
		text := "nothing here"
		if len(parts) > 0 {
			text = strings.Join(parts, "; ")
		}
		l := widget.NewLabel(fmt.Sprintf("%d  %s: %s", i+1, coder, text))
		l.Wrapping = fyne.TextWrapWord
		c.versions.Add(l)
	}
}

// state says whether the gold layer has the tuple, or it was rejected.
func (c *curationArea) state(t agree.Tuple) string {
	switch {
	case c.goldSpan(t) != nil:
		return "in gold"
	case c.rejected[t]:
		return "rejected"
	}
	return "open"
}

// versionOf lists a coder's spans that overlap the tuple in its document.
func (c *curationArea) versionOf(coder string, t agree.Tuple) []agree.Span {
	var out []agree.Span
	for _, sp := range c.spans {
		if sp.Annotator == coder && sp.Document == t.Document && sp.Start < t.End && t.Start < sp.End {
			out = append(out, sp)
		}
	}
	return out
}
