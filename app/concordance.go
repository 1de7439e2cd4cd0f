package app

import (
	"context"
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
	bg     *background // the search runs here, a pause after the last key

	onOpen func(docID string, start, end int)
}

func newConcordance(s *session, win fyne.Window, dialogs *fileDialogs) *concordance {
	c := &concordance{s: s, win: win, dialogs: dialogs, titles: map[string]string{}, bg: newBackground()}
	c.source = widget.NewRadioGroup([]string{concLabel, concSearch}, func(string) { c.rebuild() })
	c.source.Horizontal, c.source.Required, c.source.Selected = true, true, concLabel
	c.label = widget.NewSelect(nil, func(string) { c.rebuild() })
	c.query = newDialogEntry()
	c.query.SetPlaceHolder("Search term")
	c.query.OnChanged = func(string) { c.bg.schedule(c.rebuildJob()) }
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

// rebuild collects the rows again and sorts them, in the background and
// at once (a switch was flipped, the dialog opened).
func (c *concordance) rebuild() { c.bg.now(c.rebuildJob()) }

// concQuery is what the concordance shows: a label's spans or a search
// term's hits, in an order.
type concQuery struct {
	p                        Project
	docs                     []annotate.DocumentInfo
	label                    *annotate.Label // nil: the search term's hits
	term                     string
	caseSensitive, wholeWord bool
	order                    string
}

// rebuildJob collects the rows for what the dialog shows now: the scan
// runs in the background on what it captured here; its rows replace the
// list.
func (c *concordance) rebuildJob() func(ctx context.Context) func() {
	q := concQuery{p: c.s.p, docs: c.s.allDocs(), term: c.query.Text, order: c.order.Selected,
		caseSensitive: c.caseSw.Checked, wholeWord: c.wordSw.Checked}
	if c.source.Selected == concSearch {
		c.label.Disable()
		c.query.Enable()
	} else {
		c.label.Enable()
		c.query.Disable()
		for _, x := range c.s.labels {
			if x.Name == c.label.Selected {
				q.label = x
			}
		}
	}
	search := c.source.Selected == concSearch
	return func(ctx context.Context) func() {
		var conc find.Concordance
		titles := map[string]string{}
		var err error
		switch {
		case q.p == nil:
		case search:
			err = q.searchRows(ctx, &conc, titles)
		default:
			err = q.labelRows(ctx, &conc, titles)
		}
		switch q.order {
		case sortLeft:
			conc.SortByLeft()
		case sortRight:
			conc.SortByRight()
		case sortHitText:
			conc.SortByHit()
		}
		return func() { c.showRows(conc, titles, err) }
	}
}

// showRows shows the rows of a search.
func (c *concordance) showRows(conc find.Concordance, titles map[string]string, err error) {
	c.conc = conc
	for id, t := range titles {
		c.titles[id] = t
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

// labelRows adds a row for every span of the label.
func (q *concQuery) labelRows(ctx context.Context, conc *find.Concordance, titles map[string]string) error {
	if q.label == nil {
		return nil
	}
	return q.p.EachDocument(func(d *annotate.Document, spans []*annotate.Span) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		titles[d.ID] = d.Title
		var hits []find.Hit
		for _, sp := range spans {
			if sp.LabelID == q.label.ID {
				hits = append(hits, find.Hit{Start: sp.Start, End: sp.End, Label: q.label.Name})
			}
		}
		conc.Add(d.ID, d.Text, hits, findContext)
		return nil
	})
}

// searchRows adds a row for every hit of the search term.
func (q *concQuery) searchRows(ctx context.Context, conc *find.Concordance, titles map[string]string) error {
	if q.term == "" {
		return nil
	}
	m, err := newFinder(q.term, q.caseSensitive, q.wholeWord)
	if err != nil {
		return err
	}
	docs, err := scanDocs(ctx, q.p, q.docs, m)
	for _, d := range docs {
		titles[d.info.ID] = d.info.Title
		conc.Add(d.info.ID, d.text, d.hits, findContext)
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
