package app

import (
	"fmt"

	"gloss/annotate"
)

// maxNamedText is how much of a span's text an edit's name quotes.
const maxNamedText = 30

// describeSpan names a span for Undo and Redo: its label and, in the
// document shown, its text ('actor "China"'); elsewhere its offsets.
func (a *spansArea) describeSpan(sp *annotate.Span) string {
	name := "span"
	for _, l := range a.s.labels {
		if l.ID == sp.LabelID {
			name = l.Name
		}
	}
	if a.s.doc == nil || a.s.doc.ID != sp.DocumentID || sp.Start < 0 || sp.End > len(a.s.runes) || sp.Start >= sp.End {
		return fmt.Sprintf("%s [%d, %d)", name, sp.Start, sp.End)
	}
	text := a.s.runes[sp.Start:sp.End]
	if len(text) > maxNamedText {
		text = append(append([]rune{}, text[:maxNamedText-1]...), '…')
	}
	return fmt.Sprintf("%s %q", name, string(text))
}
