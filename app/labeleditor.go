package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gloss/annotate"
)

// noHotkey is the hotkey choice for a label without one.
const noHotkey = "none"

// labelSchema is what the label editor changes: the project's labels
// (the labels area implements it).
type labelSchema interface {
	list() []*annotate.Label
	readOnly() bool
	add(name string) (*annotate.Label, error)
	save(l *annotate.Label) error
	move(id string, delta int) error
	use(id string) (int, error) // how many spans carry the label
	remove(id, moveTo string) error
}

// labelEditor is the label schema dialog: the labels in order on the left,
// the selected one's name, colour, hotkey and description on the right.
type labelEditor struct {
	ls            labelSchema
	win           fyne.Window
	saved         func(what string) // reports a saved change in the status bar
	list          *widget.List
	name          *dialogEntry
	color         *dialogEntry
	swatches      *fyne.Container
	hotkey        *widget.Select
	desc          *dialogEntry
	apply         *widget.Button
	up, down, del *widget.Button
	form          *fyne.Container
	dlg           dialog.Dialog

	cur int // index into ls.list() of the label shown, -1 for none
}

// showEditor opens the label schema editor.
func (a *labelsArea) showEditor() {
	e := newLabelEditor(a, a.win, a.status.saved)
	d := dialog.NewCustom("Labels", "Close", e.content(), a.win)
	e.dlg = d
	e.dlg.Resize(fyne.NewSize(760, 500))
	showCustom(a.win, d)
}

func newLabelEditor(ls labelSchema, win fyne.Window, saved func(string)) *labelEditor {
	e := &labelEditor{ls: ls, win: win, saved: saved, cur: -1}
	e.list = widget.NewList(
		func() int { return len(ls.list()) },
		func() fyne.CanvasObject {
			return container.NewHBox(newChip("label", "#999999"), widget.NewLabel(""))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			labels := ls.list()
			if id >= len(labels) {
				return
			}
			l := labels[id]
			row := o.(*fyne.Container)
			row.Objects[0].(*chip).set(l.Name, l.Color)
			key := "no key"
			if l.Hotkey != "" {
				key = "key " + l.Hotkey
			}
			row.Objects[1].(*widget.Label).SetText(key)
		})
	e.list.OnSelected = func(id widget.ListItemID) { e.showLabel(id) }

	e.name = newDialogEntry()
	e.name.OnSubmitted = func(string) { e.save() }
	e.color = newDialogEntry()
	e.color.SetPlaceHolder("#RRGGBB")
	e.color.OnSubmitted = func(string) { e.save() }
	e.swatches = container.NewHBox()
	for _, c := range annotate.Palette {
		c := c
		e.swatches.Add(newLabelChip("", c, func() {
			e.color.SetText(c)
			e.save()
		}))
	}
	keys := []string{noHotkey}
	for c := '1'; c <= '9'; c++ {
		keys = append(keys, string(c))
	}
	keys = append(keys, "0")
	for c := 'a'; c <= 'z'; c++ {
		keys = append(keys, string(c))
	}
	e.hotkey = widget.NewSelect(keys, func(string) {})
	e.desc = newDialogMultiLineEntry()
	e.desc.Wrapping = fyne.TextWrapWord
	e.desc.SetMinRowsVisible(3)
	e.desc.SetPlaceHolder("What this label means: shown as the chip's tooltip")
	e.apply = widget.NewButtonWithIcon("Save label", theme.DocumentSaveIcon(), e.save)
	e.apply.Importance = widget.HighImportance
	e.form = container.NewVBox(
		widget.NewForm(
			widget.NewFormItem("Name", e.name),
			widget.NewFormItem("Colour", container.NewVBox(e.swatches, e.color)),
			widget.NewFormItem("Hotkey", e.hotkey),
			widget.NewFormItem("Description", e.desc),
		),
		container.NewHBox(layout.NewSpacer(), e.apply),
	)
	e.form.Hide()

	e.up = widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { e.move(-1) })
	e.down = widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { e.move(1) })
	e.del = widget.NewButtonWithIcon("Delete…", theme.DeleteIcon(), e.confirmDelete)
	e.del.Importance = widget.DangerImportance
	if len(ls.list()) > 0 {
		e.list.Select(0)
	}
	e.enable()
	return e
}

func (e *labelEditor) content() fyne.CanvasObject {
	add := widget.NewButtonWithIcon("Add", theme.ContentAddIcon(), e.add)
	buttons := container.NewHBox(add, e.up, e.down, e.del)
	left := container.NewBorder(nil, buttons, nil, nil, e.list)
	split := container.NewHSplit(left, container.NewVScroll(e.form))
	split.Offset = 0.4
	return split
}

// showLabel fills the form with the label at index i.
func (e *labelEditor) showLabel(i int) {
	if i < 0 || i >= len(e.ls.list()) {
		e.cur = -1
		e.form.Hide()
		e.enable()
		return
	}
	e.cur = i
	l := e.ls.list()[i]
	e.name.SetText(l.Name)
	e.color.SetText(l.Color)
	opts := hotkeyOptions(e.ls.list(), l.ID) // keys other labels have are marked
	e.hotkey.SetOptions(opts)
	e.hotkey.SetSelected(hotkeyOption(opts, l.Hotkey))
	e.desc.SetText(l.Description)
	e.form.Show()
	e.enable()
}

func (e *labelEditor) enable() {
	ro := e.ls.readOnly()
	for _, b := range []*widget.Button{e.up, e.down, e.del, e.apply} {
		if ro || e.cur < 0 {
			b.Disable()
		} else {
			b.Enable()
		}
	}
	if e.cur == 0 {
		e.up.Disable()
	}
	if e.cur == len(e.ls.list())-1 {
		e.down.Disable()
	}
}

// selectID selects the label with this ID in the list.
func (e *labelEditor) selectID(id string) {
	e.list.Refresh()
	for i, l := range e.ls.list() {
		if l.ID == id {
			e.list.Select(i)
			e.showLabel(i)
			return
		}
	}
	e.list.UnselectAll()
	e.showLabel(-1)
}

// add appends a new label and selects it for naming.
func (e *labelEditor) add() {
	l, err := e.ls.add(uniqueLabelName(e.ls.list(), "new label"))
	if err != nil {
		showError(e.win, err)
		return
	}
	e.selectID(l.ID)
	e.win.Canvas().Focus(e.name)
}

// save stores the form into the label shown.
func (e *labelEditor) save() {
	if e.cur < 0 || e.cur >= len(e.ls.list()) {
		return
	}
	l := *e.ls.list()[e.cur]
	l.Name = strings.TrimSpace(e.name.Text)
	l.Color = strings.ToUpper(strings.TrimSpace(e.color.Text))
	l.Hotkey = hotkeyOf(e.hotkey.Selected)
	l.Description = strings.TrimSpace(e.desc.Text)
	if err := e.ls.save(&l); err != nil {
		showError(e.win, err)
		return
	}
	e.selectID(l.ID)
	e.saved("label " + l.Name)
}

func (e *labelEditor) move(delta int) {
	if e.cur < 0 {
		return
	}
	id := e.ls.list()[e.cur].ID
	if err := e.ls.move(id, delta); err != nil {
		showError(e.win, err)
		return
	}
	e.selectID(id)
}
