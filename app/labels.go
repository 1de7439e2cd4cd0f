package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"

	"gloss/annotate"
)

// labelsArea is the project's label schema: the label bar above the text,
// the label palette (Ctrl+L) and the label editor. Each change goes straight
// to the project and then reloads the labels everywhere.
type labelsArea struct {
	s      *session
	win    fyne.Window
	bar    *labelBar
	status *statusBar

	onChanged func()                // s.labels was reread
	onSaved   func()                // a label's name, colour or hotkey changed
	onRemoved func()                // a label was deleted, its spans moved or deleted
	onApply   func(*annotate.Label) // the palette picked a label for the selection
}

func newLabelsArea(s *session, win fyne.Window, status *statusBar, tips *tooltips) *labelsArea {
	a := &labelsArea{s: s, win: win, status: status, bar: newLabelBar(tips)}
	a.bar.onApply = func(l *annotate.Label) { a.onApply(l) }
	a.bar.onPalette = a.showPalette
	a.bar.onEdit = a.showEditor
	return a
}

// reload reads the labels and shows them everywhere.
func (a *labelsArea) reload() {
	labels, err := a.s.p.Labels()
	if err != nil {
		showError(a.win, err)
		return
	}
	a.s.labels = labels
	a.bar.setLabels(labels)
	a.onChanged()
}

// showPalette opens the label palette: type to filter the labels, Enter
// applies the marked one to the selection (or the selected span).
func (a *labelsArea) showPalette() {
	if len(a.s.labels) == 0 {
		a.status.message("There are no labels yet: add some with Edit → Edit labels.")
		return
	}
	items := make([]paletteItem, len(a.s.labels))
	for i, l := range a.s.labels {
		detail := l.Description
		if l.Hotkey != "" {
			detail = "key " + l.Hotkey
		}
		items[i] = paletteItem{title: l.Name, detail: detail, color: l.Color}
	}
	labels := a.s.labels
	showPalette(a.win.Canvas(), "Label the selection", "Type a label name…", items, func(i int) {
		a.onApply(labels[i])
	})
}

// The labelSchema methods, for the label editor.

func (a *labelsArea) list() []*annotate.Label { return a.s.labels }
func (a *labelsArea) readOnly() bool          { return a.s.p.ReadOnly() }

// nextColor picks the first palette colour no label uses yet.
func nextColor(labels []*annotate.Label) string {
	used := map[string]bool{}
	for _, l := range labels {
		used[strings.ToUpper(l.Color)] = true
	}
	for _, c := range annotate.Palette {
		if !used[strings.ToUpper(c)] {
			return c
		}
	}
	return annotate.Palette[len(labels)%len(annotate.Palette)]
}

// nextHotkey picks the first digit 1-9 no label uses yet, or "".
func nextHotkey(labels []*annotate.Label) string {
	used := map[string]bool{}
	for _, l := range labels {
		used[strings.ToLower(l.Hotkey)] = true
	}
	for c := '1'; c <= '9'; c++ {
		if !used[string(c)] {
			return string(c)
		}
	}
	return ""
}

// uniqueLabelName returns base, or base 2, base 3… if taken.
func uniqueLabelName(labels []*annotate.Label, base string) string {
	taken := map[string]bool{}
	for _, l := range labels {
		taken[strings.ToLower(l.Name)] = true
	}
	name := base
	for i := 2; taken[strings.ToLower(name)]; i++ {
		name = fmt.Sprintf("%s %d", base, i)
	}
	return name
}
