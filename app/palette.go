package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// paletteItem is one choice in a palette: a title the filter matches, a
// detail shown dimmed beside it, and an optional label colour.
type paletteItem struct {
	title, detail, color string
	key                  string // what the item stands for (a document ID), for onChoose
}

// palette is a modal chooser: type to filter with the fuzzy matcher, move with
// Up and Down, Enter picks, Escape closes. The label palette (Ctrl+L) and the
// document quick-open (Ctrl+P) are palettes.
type palette struct {
	items   []paletteItem
	titles  []string
	matches []match
	cur     int
	marking bool // the list selection is being moved by the keyboard

	entry *paletteEntry
	list  *widget.List
	pop   *widget.PopUp

	onChoose func(index int) // index into items
	// source, when set, gives the items for what is typed (an index
	// narrowing a large list); the fuzzy matcher then ranks them. Both run
	// off the UI goroutine, newest query wins (searchOffUI).
	source func(text string) []paletteItem
	found  *queryRunner[paletteFound]
}

// showPalette opens a palette over the canvas.
func showPalette(c fyne.Canvas, heading, placeholder string, items []paletteItem, onChoose func(int)) *palette {
	p := &palette{items: items, onChoose: onChoose}
	for _, it := range items {
		p.titles = append(p.titles, it.title)
	}
	p.entry = newPaletteEntry(p)
	p.entry.SetPlaceHolder(placeholder)
	p.entry.OnChanged = p.filter
	p.entry.OnSubmitted = func(string) { p.choose(p.cur) }
	p.list = widget.NewList(
		func() int { return len(p.matches) },
		func() fyne.CanvasObject {
			sw := canvas.NewRectangle(nil)
			sw.SetMinSize(fyne.NewSize(12, 12))
			sw.CornerRadius = 3
			detail := widget.NewLabel("")
			detail.Importance = widget.LowImportance
			return container.NewBorder(nil, nil, container.NewCenter(sw), detail, widget.NewRichText())
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= len(p.matches) {
				return
			}
			m := p.matches[id]
			it := p.items[m.index]
			row := o.(*fyne.Container)
			rt := row.Objects[0].(*widget.RichText)
			sw := row.Objects[1].(*fyne.Container).Objects[0].(*canvas.Rectangle)
			detail := row.Objects[2].(*widget.Label)
			setSegments(rt, highlightSegments(it.title, m.runes))
			if it.color != "" {
				sw.FillColor = parseColor(it.color)
				sw.Show()
			} else {
				sw.Hide()
			}
			sw.Refresh()
			detail.SetText(it.detail)
		})
	p.list.OnSelected = func(id widget.ListItemID) {
		p.cur = id
		if !p.marking { // a click, not Up/Down: pick it
			p.choose(id)
		}
	}
	title := widget.NewLabelWithStyle(heading, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	body := container.NewBorder(container.NewVBox(title, p.entry), nil, nil, nil, p.list)
	p.pop = widget.NewModalPopUp(body, c)
	size := c.Size()
	p.pop.Resize(fyne.NewSize(min(520, size.Width*0.8), min(420, size.Height*0.7)))
	p.filter("")
	p.pop.Show()
	c.Focus(p.entry)
	return p
}

// filter shows the items matching text, best first, and marks the first.
func (p *palette) filter(text string) {
	if p.found != nil {
		p.filterOffUI(text)
		return
	}
	p.show(paletteFound{p.items, p.titles, fuzzyFilter(text, p.titles)})
}

// show shows what a filter found.
func (p *palette) show(f paletteFound) {
	p.items, p.titles, p.matches = f.items, f.titles, f.matches
	p.cur = 0
	p.list.Refresh()
	if len(p.matches) > 0 {
		p.mark(0)
	} else {
		p.list.UnselectAll()
	}
}

// move shifts the marked row by delta.
func (p *palette) move(delta int) {
	if len(p.matches) == 0 {
		return
	}
	p.mark((p.cur + delta + len(p.matches)) % len(p.matches))
}

// mark highlights a row without picking it.
func (p *palette) mark(row int) {
	p.marking = true
	p.cur = row
	p.list.Select(row)
	p.list.ScrollTo(row)
	p.marking = false
}

// choose closes the palette and reports the marked item.
func (p *palette) choose(row int) {
	if row < 0 || row >= len(p.matches) {
		return
	}
	p.close()
	if p.onChoose != nil {
		p.onChoose(p.matches[row].index)
	}
}

func (p *palette) close() {
	if p.found != nil {
		p.found.cancel() // a search still running shows nothing, Enter waiting picks nothing
	}
	p.pop.Hide()
}

// paletteEntry is the palette's search field: it passes Up, Down and Escape
// to the palette instead of moving its own cursor.
type paletteEntry struct {
	widget.Entry
	p *palette
}

func newPaletteEntry(p *palette) *paletteEntry {
	e := &paletteEntry{p: p}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey moves through the list with Up/Down and closes with Escape.
func (e *paletteEntry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyDown:
		e.p.move(1)
	case fyne.KeyUp:
		e.p.move(-1)
	case fyne.KeyEscape:
		e.p.close()
	default:
		e.Entry.TypedKey(ev)
	}
}
