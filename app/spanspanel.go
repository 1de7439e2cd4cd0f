package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"gloss/annotate"
)

// allLabels is the spans filter entry that shows every label.
const allLabels = "All labels"

// maxCoveredText is how many code points of a span's text a row shows.
const maxCoveredText = 80

// maxCoveredWithNote is how many a row shows of a span with a note.
const maxCoveredWithNote = 30

// spansPanel lists the current document's spans in text order, each with
// its label's colour and the text it covers; tapping one jumps to it.
type spansPanel struct {
	filter  *widget.Select
	list    *widget.List
	count   *widget.Label
	content fyne.CanvasObject

	labels   []*annotate.Label
	byID     map[string]*annotate.Label
	spans    []*annotate.Span
	shown    []*annotate.Span
	text     []rune // the document's text
	selected string

	onJump func(sp *annotate.Span)
}

func newSpansPanel() *spansPanel {
	p := &spansPanel{byID: map[string]*annotate.Label{}}
	p.filter = widget.NewSelect([]string{allLabels}, nil)
	p.filter.Selected = allLabels
	p.count = widget.NewLabel("")
	p.count.Importance = widget.LowImportance
	p.list = widget.NewList(
		func() int { return len(p.shown) },
		func() fyne.CanvasObject {
			text := widget.NewLabel("")
			text.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, container.NewCenter(newChip("label", "#999999")), newNoteDot(), text)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= len(p.shown) {
				return
			}
			p.updateRow(p.shown[id], o.(*fyne.Container))
		})
	p.list.OnSelected = func(id widget.ListItemID) {
		if id < len(p.shown) && p.onJump != nil {
			p.onJump(p.shown[id])
		}
		p.list.UnselectAll()
	}
	p.filter.OnChanged = func(string) { p.refilter() }
	heading := widget.NewLabelWithStyle("Spans", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	// The count ("3 of 12") shares a row with the heading, not with the
	// filter: its length must not change the panel's width (issue 15, 9).
	top := container.NewVBox(container.NewBorder(nil, nil, heading, p.count), p.filter)
	p.content = container.NewBorder(top, nil, nil, nil, p.list)
	return p
}

// updateRow shows span sp in a row: its label's chip, the text it covers
// (bold when selected) and, for a span with a note, the note after the
// text and a dot in the label's colour at the end of the row, as the text
// view marks the span's end; one line, ending in an ellipsis.
func (p *spansPanel) updateRow(sp *annotate.Span, row *fyne.Container) {
	text := row.Objects[0].(*widget.Label)
	c := row.Objects[1].(*fyne.Container).Objects[0].(*chip)
	dot := row.Objects[2].(*noteDot)
	hex := "#999999"
	if l := p.byID[sp.LabelID]; l != nil {
		c.set(l.Name, l.Color)
		hex = l.Color
	} else {
		c.set("?", "#999999")
	}
	line := p.covered(sp)
	if note := noteLine(sp.Note); note != "" {
		if rs := []rune(line); len(rs) > maxCoveredWithNote {
			line = string(rs[:maxCoveredWithNote]) + "…" // leave room for the note
		}
		line += "  —  " + note
		dot.set(hex)
		dot.Show()
	} else {
		dot.Hide()
	}
	text.Text = line
	text.TextStyle.Bold = sp.ID == p.selected
	text.Refresh()
}

// noteLine is a note on one line, shortened when long.
func noteLine(note string) string {
	rs := []rune(strings.Join(strings.Fields(note), " "))
	if len(rs) > maxCoveredText {
		return string(rs[:maxCoveredText]) + "…"
	}
	return string(rs)
}

// covered is a span's text on one line, shortened when long.
func (p *spansPanel) covered(sp *annotate.Span) string {
	if sp.Start < 0 || sp.End > len(p.text) || sp.Start >= sp.End {
		return fmt.Sprintf("[%d, %d)", sp.Start, sp.End)
	}
	rs := p.text[sp.Start:sp.End]
	cut := false
	if len(rs) > maxCoveredText {
		rs, cut = rs[:maxCoveredText], true
	}
	s := strings.Join(strings.Fields(string(rs)), " ")
	if cut {
		s += "…"
	}
	return s
}

// setLabels updates the colours and the filter choices.
func (p *spansPanel) setLabels(labels []*annotate.Label) {
	p.labels = labels
	p.byID = map[string]*annotate.Label{}
	opts := []string{allLabels}
	for _, l := range labels {
		p.byID[l.ID] = l
		opts = append(opts, l.Name)
	}
	p.filter.SetOptions(opts)
	if p.filter.SelectedIndex() < 0 {
		p.filter.SetSelected(allLabels)
	}
	p.refilter()
}

// setSpans shows a document's spans; text is the document's text.
func (p *spansPanel) setSpans(spans []*annotate.Span, text []rune) {
	p.spans, p.text = spans, text
	p.refilter()
}

// setSelected marks the selected span's row.
func (p *spansPanel) setSelected(id string) {
	p.selected = id
	for i, sp := range p.shown {
		if sp.ID == id {
			p.list.ScrollTo(i)
		}
	}
	p.list.Refresh()
}

func (p *spansPanel) refilter() {
	want := p.filter.Selected
	p.shown = p.shown[:0]
	for _, sp := range p.spans {
		if want == "" || want == allLabels || (p.byID[sp.LabelID] != nil && p.byID[sp.LabelID].Name == want) {
			p.shown = append(p.shown, sp)
		}
	}
	if len(p.shown) == len(p.spans) {
		p.count.SetText(fmt.Sprint(len(p.spans)))
	} else {
		p.count.SetText(fmt.Sprintf("%d of %d", len(p.shown), len(p.spans)))
	}
	p.list.Refresh()
}
