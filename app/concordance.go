package app

import (
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"gloss/annotate"
	"gloss/annotate/find"
)

// The concordance's sources and orders.
const (
	concLabel   = "Spans of a label"
	concSearch  = "A search term"
	sortDoc     = "Document order"
	sortLeft    = "Left words"
	sortRight   = "Right words"
	sortHitText = "Hit"
)

// concordance is a keyword-in-context view (Ctrl+Shift+W) of the spans
// of a label or of a search term across the corpus: left context | hit |
// right context, aligned on the hit, sortable by the words to the left or
// the right (nearest first), exportable as CSV. A double click opens the
// hit in its document.
type concordance struct {
	s       *session
	win     fyne.Window
	dialogs *fileDialogs

	source *widget.RadioGroup
	label  *widget.Select
	query  *dialogEntry
	caseSw *widget.Check
	wordSw *widget.Check
	order  *widget.Select
	count  *widget.Label
	list   *widget.List
	dlg    dialog.Dialog

	conc   find.Concordance // rows with document IDs in Doc
	titles map[string]string

	onOpen func(docID string, start, end int)
}

func newConcordance(s *session, win fyne.Window, dialogs *fileDialogs) *concordance {
	c := &concordance{s: s, win: win, dialogs: dialogs, titles: map[string]string{}}
	c.source = widget.NewRadioGroup([]string{concLabel, concSearch}, func(string) { c.rebuild() })
	c.source.Horizontal, c.source.Required, c.source.Selected = true, true, concLabel
	c.label = widget.NewSelect(nil, func(string) { c.rebuild() })
	c.query = newDialogEntry()
	c.query.SetPlaceHolder("Search term")
	c.query.OnChanged = func(string) { c.rebuild() }
	c.caseSw = widget.NewCheck("Match case", func(bool) { c.rebuild() })
	c.wordSw = widget.NewCheck("Whole word", func(bool) { c.rebuild() })
	c.order = widget.NewSelect([]string{sortDoc, sortLeft, sortRight, sortHitText}, func(string) { c.rebuild() })
	c.order.Selected = sortDoc
	c.count = widget.NewLabel("")
	c.list = widget.NewList(func() int { return len(c.conc.Rows) }, c.newRow, c.updateRow)
	return c
}

func (c *concordance) newRow() fyne.CanvasObject {
	doc := widget.NewLabel("")
	doc.Truncation = fyne.TextTruncateEllipsis
	k := newKWICRow(0.45)
	k.onTap = func(id int) { c.list.Select(id) }
	k.onOpen = c.open
	return container.NewBorder(nil, nil, nil, container.NewGridWrap(fyne.NewSize(170, 30), doc), k)
}

func (c *concordance) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(c.conc.Rows) {
		return
	}
	box := o.(*fyne.Container)
	r := c.conc.Rows[id]
	box.Objects[0].(*kwicRow).set(id, r.Left, r.Hit, r.Right)
	box.Objects[1].(*fyne.Container).Objects[0].(*widget.Label).SetText(c.titles[r.Doc])
}

// show opens the concordance, of the label labelID when it is given, or
// of the search term text when that is given.
func (c *concordance) show(text, labelID string) {
	names := make([]string, len(c.s.labels))
	for i, l := range c.s.labels {
		names[i] = l.Name
		if l.ID == labelID {
			c.label.Selected, c.source.Selected = l.Name, concLabel
		}
	}
	c.label.SetOptions(names)
	if c.label.Selected == "" && len(names) > 0 {
		c.label.Selected = names[0]
	}
	if text != "" && labelID == "" {
		c.query.Text, c.source.Selected = text, concSearch
	}
	if c.dlg == nil {
		c.dlg = dialog.NewCustomWithoutButtons("Concordance", c.build(), c.win)
	}
	c.source.Refresh()
	c.label.Refresh()
	c.query.Refresh()
	c.rebuild()
	c.dlg.Resize(dialogSize(c.win))
	c.dlg.Show()
}

func (c *concordance) build() fyne.CanvasObject {
	what := container.NewBorder(nil, nil, c.source, container.NewHBox(c.caseSw, c.wordSw), container.NewGridWithColumns(2, c.label, c.query))
	sortBy := container.NewHBox(widget.NewLabel("Sort by"), container.NewGridWrap(fyne.NewSize(190, c.order.MinSize().Height), c.order), c.count)
	export := widget.NewButton("Export CSV…", c.chooseExport)
	closeB := widget.NewButton("Close", func() { c.dlg.Hide() })
	bottom := container.NewBorder(nil, nil, export, closeB)
	return container.NewBorder(container.NewVBox(what, sortBy), bottom, nil, nil, c.list)
}

// rebuild collects the rows again and sorts them.
func (c *concordance) rebuild() {
	c.conc.Rows = nil
	if c.s.p == nil {
		return
	}
	var err error
	if c.source.Selected == concSearch {
		c.label.Disable()
		c.query.Enable()
		err = c.searchRows()
	} else {
		c.label.Enable()
		c.query.Disable()
		err = c.labelRows()
	}
	switch c.order.Selected {
	case sortLeft:
		c.conc.SortByLeft()
	case sortRight:
		c.conc.SortByRight()
	case sortHitText:
		c.conc.SortByHit()
	}
	if err != nil {
		c.count.SetText(err.Error())
	} else {
		c.count.SetText(plural(len(c.conc.Rows), "line"))
	}
	c.list.UnselectAll()
	c.list.Refresh()
	c.list.ScrollToTop()
}

// labelRows adds a row for every span of the chosen label.
func (c *concordance) labelRows() error {
	var l *annotate.Label
	for _, x := range c.s.labels {
		if x.Name == c.label.Selected {
			l = x
		}
	}
	if l == nil {
		return nil
	}
	return c.s.p.EachDocument(func(d *annotate.Document, spans []*annotate.Span) error {
		c.titles[d.ID] = d.Title
		var hits []find.Hit
		for _, sp := range spans {
			if sp.LabelID == l.ID {
				hits = append(hits, find.Hit{Start: sp.Start, End: sp.End, Label: l.Name})
			}
		}
		c.conc.Add(d.ID, d.Text, hits, findContext)
		return nil
	})
}

// searchRows adds a row for every hit of the search term.
func (c *concordance) searchRows() error {
	if c.query.Text == "" {
		return nil
	}
	m, err := newFinder(c.query.Text, c.caseSw.Checked, c.wordSw.Checked)
	if err != nil {
		return err
	}
	docs, err := scanDocs(c.s.p, c.s.docs, m)
	for _, d := range docs {
		c.titles[d.info.ID] = d.info.Title
		c.conc.Add(d.info.ID, d.text, d.hits, findContext)
	}
	return err
}

// open shows row id's hit in its document.
func (c *concordance) open(id int) {
	if id < 0 || id >= len(c.conc.Rows) {
		return
	}
	r := c.conc.Rows[id]
	c.dlg.Hide()
	if c.onOpen != nil {
		c.onOpen(r.Doc, r.Start, r.End)
	}
}

func (c *concordance) chooseExport() {
	d := c.dialogs.save(func(path string) {
		if err := c.export(path); err != nil {
			showError(c.win, err)
		}
	})
	d.SetFileName("concordance.csv")
	c.dialogs.show(d)
}

// export writes the rows as shown to a CSV file, documents by title.
func (c *concordance) export(path string) error {
	out := find.Concordance{Rows: make([]find.Row, len(c.conc.Rows))}
	for i, r := range c.conc.Rows {
		r.Doc = c.titles[r.Doc]
		out.Rows[i] = r
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := out.WriteCSV(f); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	return f.Close()
}
