package app

import (
	"fmt"

	"gloss/annotate"
)

// showLabelPalette opens the label palette: type to filter the labels,
// Enter applies the marked one to the selection (or the selected span).
func (g *Gloss) showLabelPalette() {
	if len(g.labels) == 0 {
		g.status.message("There are no labels yet: add some with Edit → Edit labels.")
		return
	}
	items := make([]paletteItem, len(g.labels))
	for i, l := range g.labels {
		detail := l.Description
		if l.Hotkey != "" {
			detail = "key " + l.Hotkey
		}
		items[i] = paletteItem{title: l.Name, detail: detail, color: l.Color}
	}
	labels := g.labels
	showPalette(g.win.Canvas(), "Label the selection", "Type a label name…", items, func(i int) {
		g.win.Canvas().Focus(g.view)
		g.applyLabel(labels[i])
	})
}

// showQuickOpen opens a palette over the document titles.
func (g *Gloss) showQuickOpen() {
	if len(g.docs) == 0 {
		g.status.message("There are no documents yet: import some with File → Import.")
		return
	}
	items := make([]paletteItem, len(g.docs))
	for i, d := range g.docs {
		items[i] = paletteItem{title: d.Title, detail: fmt.Sprintf("%s · %s", statusText(d.Status), plural(d.SpanCount, "span"))}
	}
	docs := g.docs
	showPalette(g.win.Canvas(), "Open document", "Type part of a title…", items, func(i int) {
		g.openDocumentAt(docs[i].ID, -1, 0)
	})
}

// statusText is a status as a user reads it.
func statusText(s annotate.Status) string {
	switch s {
	case annotate.StatusInProgress:
		return "in progress"
	case annotate.StatusDone:
		return "done"
	}
	return "to do"
}
