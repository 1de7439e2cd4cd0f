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

// shortcutHelp lists the keyboard shortcuts for the help dialog and docs.
var shortcutHelp = [][2]string{
	{"1 – 9", "label the selection with that label (or relabel the selected span)"},
	{"Ctrl+L", "label palette: type to filter, Enter applies"},
	{"Click a highlight", "select the span: edit it in the side panel"},
	{"Delete / Backspace", "delete the selected span"},
	{"Escape", "clear the selection"},
	{"Shift+arrows, Shift+click", "extend the selection (or resize the selected span)"},
	{"Alt+Shift+Left / Right", "move the start of the selection (or of the selected span)"},
	{"Double-click", "select a word"},
	{"Ctrl+Z", "undo"},
	{"Ctrl+Shift+Z, Ctrl+Y", "redo"},
	{"Ctrl+Down / Ctrl+Up", "next / previous document"},
	{"Ctrl+P", "open a document by title"},
	{"Ctrl+F", "search documents (start with / to search their text)"},
	{"Ctrl+D", "mark the document done (again to reopen)"},
	{"Ctrl+Shift+L", "edit the labels"},
	{"Ctrl+I / Ctrl+Shift+I", "import files / a folder (or drop them on the window)"},
	{"Ctrl+N / Ctrl+O", "new / open project"},
	{"Ctrl+R", "reload from the file (see changes made by another window or gloss-cli)"},
	{"Ctrl+= , Ctrl+- , Ctrl+0", "zoom the text in, out, back to 100%"},
	{"F1, Ctrl+/", "this help"},
	{"Ctrl+Q", "quit (everything is already saved)"},
}

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
	showCustom(win, dialog.NewCustom("Keyboard shortcuts", "Close", container.NewPadded(grid), win))
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
