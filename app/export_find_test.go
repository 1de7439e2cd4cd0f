package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
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

// SpanBrowser is the span browser, for tests.
type SpanBrowser struct{ b *spanBrowser }

// SpanBrowser returns the span browser.
func (g *Probe) SpanBrowser() *SpanBrowser { return &SpanBrowser{g.browse} }

// Rows returns the shown rows as "label|text|document|annotator|note".
func (b *SpanBrowser) Rows() []string {
	var out []string
	for _, i := range b.b.shown {
		r := b.b.rows[i]
		out = append(out, r.label+"|"+r.text+"|"+r.doc+"|"+r.span.Annotator+"|"+r.span.Note)
	}
	return out
}

// Filters returns the label, annotator and status choices and the text field.
func (b *SpanBrowser) Filters() (label, annotator, status *widget.Select, text *widget.Entry) {
	return b.b.labelSel, b.b.annSel, b.b.statusSel, &b.b.text.Entry
}

// TapHeader taps the heading of column col (0: the check boxes, 1: Label, ...).
func (b *SpanBrowser) TapHeader(col int) {
	if col > 0 {
		b.b.sortBy(col - 1)
	}
}

// Select selects shown row i, as a click on it does, and presses Enter in
// the table when enter is set.
func (b *SpanBrowser) Select(i int, enter bool) {
	b.b.table.Select(widget.TableCellID{Row: i, Col: 1})
	if enter {
		b.b.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	}
}

// Check ticks the check box of shown row i, as a click does.
func (b *SpanBrowser) Check(i int) {
	c := widget.NewCheck("", nil)
	b.b.table.updateCell(widget.TableCellID{Row: i, Col: 0}, containerOf(c))
	c.SetChecked(true)
}

// Relabel relabels the checked spans as name, as the buttons do.
func (b *SpanBrowser) Relabel(name string) {
	b.b.relabelSel.SetSelected(name)
	b.b.relabelChecked()
}

// Delete deletes the checked spans, as confirming the delete does.
func (b *SpanBrowser) Delete() { b.b.deleteChecked() }

// Chart returns the bars: label name and count.
func (b *SpanBrowser) Chart() map[string]int {
	out := map[string]int{}
	for _, k := range b.b.chart.counts {
		out[k.name] = k.n
	}
	return out
}

// Count returns the count shown.
func (b *SpanBrowser) Count() string { return b.b.count.Text }

// Close closes the browser, as its Close button does.
func (b *SpanBrowser) Close() { b.b.dlg.Hide() }

// containerOf builds a table cell as the browser's CreateCell does, with c
// as its check box.
func containerOf(c *widget.Check) *fyne.Container {
	l := widget.NewLabel("")
	return container.NewStack(c, container.NewHBox(container.NewCenter(newChip("label", "#999999"))), l)
}

// LabelAll is the "Label all occurrences" dialog, for tests.
type LabelAll struct{ a *labelAll }

// LabelAll returns the label-all dialog.
func (g *Probe) LabelAll() *LabelAll { return &LabelAll{g.bulk} }

// Controls returns the mode, query, label, scope and switches.
func (l *LabelAll) Controls() (mode *widget.RadioGroup, query *widget.Entry, label *widget.Select, scope *widget.RadioGroup, matchCase, wholeWord *widget.Check) {
	a := l.a
	return a.mode, &a.query.Entry, a.label, a.scope, a.caseSw, a.wordSw
}

// Hits returns the offered occurrences as "title:start-end:label:left[hit]right".
func (l *LabelAll) Hits() []string {
	var out []string
	for _, h := range l.a.plan.hits {
		out = append(out, fmt.Sprintf("%s:%d-%d:%s:%s[%s]%s", h.title, h.start, h.end, h.label.Name, h.row.Left, h.row.Hit, h.row.Right))
	}
	return out
}

// Uncheck unticks occurrence i, as a click on its check box does.
func (l *LabelAll) Uncheck(i int) {
	c := widget.NewCheck("", nil)
	row := container.NewBorder(nil, nil, c, container.NewGridWrap(fyne.NewSize(10, 10), widget.NewLabel("")), newKWICRow(0.5))
	l.a.updateRow(i, row)
	c.SetChecked(false)
}

// Summary returns the line above the list.
func (l *LabelAll) Summary() string { return l.a.summary.Text }

// LoadDict loads a dictionary file, as the Load dictionary button does.
func (l *LabelAll) LoadDict(path string) { l.a.loadDict(path) }

// Apply presses "Label checked".
func (l *LabelAll) Apply() { l.a.apply() }

// Concordance is the concordance view, for tests.
type Concordance struct{ c *concordance }

// Concordance returns the concordance view.
func (g *Probe) Concordance() *Concordance { return &Concordance{g.kwic} }

// Controls returns the source, label, search term and order.
func (c *Concordance) Controls() (source *widget.RadioGroup, label *widget.Select, query *widget.Entry, order *widget.Select) {
	return c.c.source, c.c.label, &c.c.query.Entry, c.c.order
}

// Rows returns the lines as "left|hit|right|title".
func (c *Concordance) Rows() []string {
	var out []string
	for _, r := range c.c.conc.Rows {
		out = append(out, r.Left+"|"+r.Hit+"|"+r.Right+"|"+c.c.titles[r.Doc])
	}
	return out
}

// Export writes the CSV file, as Export CSV does once a file is chosen.
func (c *Concordance) Export(path string) error { return c.c.export(path) }

// Open opens line i, as a double click does.
func (c *Concordance) Open(i int) { c.c.open(i) }
