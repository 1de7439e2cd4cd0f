package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
)

// Version is the version shown in About; cmd/gloss sets it.
var Version = "dev"

// showShortcuts shows the keyboard shortcut help.
func showShortcuts(win fyne.Window) {
	// canvas.Text rows, without the padding of labels, keep the list compact
	fg := theme.Color(theme.ColorNameForeground)
	grid := container.New(&pairsLayout{})
	for _, s := range shortcutHelp {
		key := canvas.NewText(s[0], fg)
		key.TextStyle.Bold = true
		key.Alignment = fyne.TextAlignTrailing
		grid.Add(key)
		grid.Add(canvas.NewText(s[1], fg))
	}
	// scroll when the list is taller than the window leaves room for
	scroll := container.NewVScroll(container.NewPadded(grid))
	m := scroll.Content.MinSize()
	scroll.SetMinSize(fyne.NewSize(m.Width+theme.ScrollBarSize(), min(m.Height, max(200, win.Canvas().Size().Height-180))))
	showCustom(win, dialog.NewCustom("Keyboard shortcuts", "Close", scroll, win))
}

// showAbout shows the version and the project file.
func showAbout(win fyne.Window, projectPath string) {
	showInformation(win, "About Gloss",
		"Gloss "+Version+"\nAnnotate text: select, label, export.\n\nProject: "+projectPath)
}

// pairsLayout lays objects out two by two as compact table rows: the first
// of each pair right-aligned in a column as wide as the widest, the second
// beside it.
type pairsLayout struct{}

func (pairsLayout) widths(objs []fyne.CanvasObject) (left, right, rowH float32) {
	for i, o := range objs {
		m := o.MinSize()
		if i%2 == 0 {
			left = max(left, m.Width)
		} else {
			right = max(right, m.Width)
		}
		rowH = max(rowH, m.Height)
	}
	return left, right, rowH + theme.Padding()
}

func (l pairsLayout) Layout(objs []fyne.CanvasObject, _ fyne.Size) {
	left, _, rowH := l.widths(objs)
	gap := 2 * theme.Padding()
	for i, o := range objs {
		m := o.MinSize()
		y := float32(i/2) * rowH
		if i%2 == 0 {
			o.Move(fyne.NewPos(left-m.Width, y))
		} else {
			o.Move(fyne.NewPos(left+gap, y))
		}
		o.Resize(m)
	}
}

func (l pairsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	left, right, rowH := l.widths(objs)
	return fyne.NewSize(left+2*theme.Padding()+right, rowH*float32((len(objs)+1)/2))
}
