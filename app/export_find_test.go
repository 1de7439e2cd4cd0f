package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Hooks for the tests of find, the label-all dialog, the span browser and
// the concordance (package app_test).

// FindBar is the find bar, for tests.
type FindBar struct{ f *findBar }

// FindBar returns the find bar.
func (g *Probe) FindBar() *FindBar { return &FindBar{g.find} }

// Query returns the query field.
func (f *FindBar) Query() *widget.Entry { return &f.f.query.Entry }

// Type types into the query field as a user would (the field reports
// Enter, F3 and Escape through KeyEntry).
func (f *FindBar) Type(text string) { f.f.query.SetText(text) }

// Key sends a key to the query field with shift held or not.
func (f *FindBar) Key(name fyne.KeyName, shift bool) {
	f.f.query.shift = func() bool { return shift }
	f.f.query.TypedKey(&fyne.KeyEvent{Name: name})
}

// Count returns the count shown ("3 of 17").
func (f *FindBar) Count() string { return f.f.count.Text }

// Switches returns the case and whole-word switches.
func (f *FindBar) Switches() (matchCase, wholeWord *widget.Check) { return f.f.caseSw, f.f.wordSw }

// Visible reports whether the bar is shown.
func (f *FindBar) Visible() bool { return f.f.content.Visible() }

// CorpusFind is find in every document, for tests.
type CorpusFind struct{ c *corpusFind }

// CorpusFind returns find in every document.
func (g *Probe) CorpusFind() *CorpusFind { return &CorpusFind{g.corpus} }

// Query returns the query field.
func (c *CorpusFind) Query() *widget.Entry { return &c.c.query.Entry }

// Rows returns the results as shown: "# title — n hits" for a document
// heading, "left[hit]right" for a hit.
func (c *CorpusFind) Rows() []string {
	var out []string
	for _, r := range c.c.rows {
		d := c.c.docs[r.doc]
		if r.hit < 0 {
			out = append(out, "# "+d.info.Title)
			continue
		}
		x := d.ctx[r.hit]
		out = append(out, x.Left+"["+x.Hit+"]"+x.Right)
	}
	return out
}

// Count returns the count shown.
func (c *CorpusFind) Count() string { return c.c.count.Text }

// Select selects row i, as a click does.
func (c *CorpusFind) Select(i int) { c.c.list.Select(i) }

// Enter presses Enter in the query field.
func (c *CorpusFind) Enter() { c.c.query.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) }
