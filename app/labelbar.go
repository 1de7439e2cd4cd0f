package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gloss/annotate"
)

// labelBar is the row of label chips above the text: tapping a chip labels
// the selection; resting the mouse on one shows the label's description.
type labelBar struct {
	chips   *fyne.Container
	wrap    *wrapLayout
	content fyne.CanvasObject
	tips    *tooltips

	onRows func() // the chips now take more or fewer rows: lay the window out again

	onApply   func(l *annotate.Label)
	onPalette func()
	onEdit    func()
}

func newLabelBar(tips *tooltips) *labelBar {
	b := &labelBar{tips: tips}
	// The chips wrap onto more rows in a narrow window (issue 15, defect 10).
	b.wrap = &wrapLayout{gap: theme.Padding(), onRows: func() {
		if b.onRows != nil {
			fyne.Do(b.onRows) // queued: runs after this layout in the window
		}
	}}
	b.chips = container.New(b.wrap)
	palette := newTipButton(theme.SearchIcon(), "Find a label and apply it (Ctrl+L)", tips, func() {
		if b.onPalette != nil {
			b.onPalette()
		}
	})
	edit := widget.NewButtonWithIcon("Labels…", theme.SettingsIcon(), func() {
		if b.onEdit != nil {
			b.onEdit()
		}
	})
	edit.Importance = widget.LowImportance
	palette.Importance = widget.LowImportance
	b.content = container.NewBorder(nil, nil, nil, container.NewHBox(palette, edit),
		b.chips)
	return b
}

// setLabels shows one chip per label, in label order.
func (b *labelBar) setLabels(labels []*annotate.Label) {
	objs := make([]fyne.CanvasObject, 0, len(labels))
	for _, l := range labels {
		l := l
		c := newLabelChip(chipText(l), l.Color, func() {
			if b.onApply != nil {
				b.onApply(l)
			}
		})
		c.tip = labelTip(l)
		c.tips = b.tips
		objs = append(objs, c)
	}
	if len(objs) == 0 {
		objs = append(objs, widget.NewLabel("No labels yet: add some with Labels…"))
	}
	b.chips.Objects = objs
	b.chips.Refresh()
}

// chipText is "1 actor" for a label with a hotkey, else just the name.
func chipText(l *annotate.Label) string {
	if l.Hotkey != "" {
		return l.Hotkey + "  " + l.Name
	}
	return l.Name
}

// labelTip is the tooltip of a label chip: the description and how to apply it.
func labelTip(l *annotate.Label) string {
	tip := l.Name
	if l.Description != "" {
		tip += ": " + l.Description
	}
	if l.Hotkey != "" {
		tip += "\nPress " + l.Hotkey + " to label the selected text."
	}
	return tip
}
