package app

import (
	"fmt"
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

// labelEditor is the label schema dialog: the labels in order on the left,
// the selected one's name, colour, hotkey and description on the right.
type labelEditor struct {
	g             *Gloss
	list          *widget.List
	name          *widget.Entry
	color         *widget.Entry
	swatches      *fyne.Container
	hotkey        *widget.Select
	desc          *widget.Entry
	apply         *widget.Button
	up, down, del *widget.Button
	form          *fyne.Container
	dlg           dialog.Dialog

	cur int // index into g.labels of the label shown, -1 for none
}

// showLabelEditor opens the label schema editor.
func (g *Gloss) showLabelEditor() {
	e := newLabelEditor(g)
	e.dlg = dialog.NewCustom("Labels", "Close", e.content(), g.win)
	e.dlg.Resize(fyne.NewSize(760, 500))
	e.dlg.Show()
}

func newLabelEditor(g *Gloss) *labelEditor {
	e := &labelEditor{g: g, cur: -1}
	e.list = widget.NewList(
		func() int { return len(g.labels) },
		func() fyne.CanvasObject {
			return container.NewHBox(newChip("label", "#999999"), widget.NewLabel(""))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= len(g.labels) {
				return
			}
			l := g.labels[id]
			row := o.(*fyne.Container)
			row.Objects[0].(*chip).set(l.Name, l.Color)
			key := "no key"
			if l.Hotkey != "" {
				key = "key " + l.Hotkey
			}
			row.Objects[1].(*widget.Label).SetText(key)
		})
	e.list.OnSelected = func(id widget.ListItemID) { e.showLabel(id) }

	e.name = widget.NewEntry()
	e.name.OnSubmitted = func(string) { e.save() }
	e.color = widget.NewEntry()
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
	e.desc = widget.NewMultiLineEntry()
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
	if len(g.labels) > 0 {
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
	if i < 0 || i >= len(e.g.labels) {
		e.cur = -1
		e.form.Hide()
		e.enable()
		return
	}
	e.cur = i
	l := e.g.labels[i]
	e.name.SetText(l.Name)
	e.color.SetText(l.Color)
	if l.Hotkey == "" {
		e.hotkey.SetSelected(noHotkey)
	} else {
		e.hotkey.SetSelected(strings.ToLower(l.Hotkey))
	}
	e.desc.SetText(l.Description)
	e.form.Show()
	e.enable()
}

func (e *labelEditor) enable() {
	ro := e.g.p.ReadOnly()
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
	if e.cur == len(e.g.labels)-1 {
		e.down.Disable()
	}
}

// selectID selects the label with this ID in the list.
func (e *labelEditor) selectID(id string) {
	e.list.Refresh()
	for i, l := range e.g.labels {
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
	l, err := e.g.addLabel(uniqueLabelName(e.g.labels, "new label"))
	if err != nil {
		e.g.showError(err)
		return
	}
	e.selectID(l.ID)
	e.g.win.Canvas().Focus(e.name)
}

// save stores the form into the label shown.
func (e *labelEditor) save() {
	if e.cur < 0 || e.cur >= len(e.g.labels) {
		return
	}
	l := *e.g.labels[e.cur]
	l.Name = strings.TrimSpace(e.name.Text)
	l.Color = strings.ToUpper(strings.TrimSpace(e.color.Text))
	l.Hotkey = e.hotkey.Selected
	if l.Hotkey == noHotkey {
		l.Hotkey = ""
	}
	l.Description = strings.TrimSpace(e.desc.Text)
	if err := e.g.saveLabel(&l); err != nil {
		e.g.showError(err)
		return
	}
	e.selectID(l.ID)
	e.g.status.saved("label " + l.Name)
}

func (e *labelEditor) move(delta int) {
	if e.cur < 0 {
		return
	}
	id := e.g.labels[e.cur].ID
	if err := e.g.moveLabel(id, delta); err != nil {
		e.g.showError(err)
		return
	}
	e.selectID(id)
}

// confirmDelete asks what to do with the label's spans, then deletes it.
func (e *labelEditor) confirmDelete() {
	if e.cur < 0 {
		return
	}
	l := e.g.labels[e.cur]
	n, err := e.g.labelUse(l.ID)
	if err != nil {
		e.g.showError(err)
		return
	}
	if n == 0 {
		dialog.ShowConfirm("Delete label", fmt.Sprintf("Delete the label %q? No span uses it.", l.Name), func(ok bool) {
			if ok {
				e.remove(l.ID, "")
			}
		}, e.g.win)
		return
	}
	deleteThem := fmt.Sprintf("Delete the %s too", plural(n, "span"))
	var others []string
	byName := map[string]string{}
	for _, o := range e.g.labels {
		if o.ID != l.ID {
			others = append(others, o.Name)
			byName[o.Name] = o.ID
		}
	}
	target := widget.NewSelect(others, nil)
	if len(others) > 0 {
		target.SetSelected(others[0])
	}
	choice := widget.NewRadioGroup([]string{"Move them to another label", deleteThem}, func(s string) {
		if s == deleteThem {
			target.Disable()
		} else {
			target.Enable()
		}
	})
	choice.Required = true
	if len(others) > 0 {
		choice.SetSelected("Move them to another label")
	} else {
		choice.SetSelected(deleteThem)
		choice.Disable()
	}
	body := container.NewVBox(
		widget.NewLabel(fmt.Sprintf("%s in this project carry the label %q.", plural(n, "span"), l.Name)),
		choice, target,
	)
	d := dialog.NewCustomConfirm("Delete label "+l.Name, "Delete", "Cancel", body, func(ok bool) {
		if !ok {
			return
		}
		moveTo := ""
		if choice.Selected != deleteThem {
			moveTo = byName[target.Selected]
			if moveTo == "" {
				return
			}
		}
		e.remove(l.ID, moveTo)
	}, e.g.win)
	d.SetConfirmImportance(widget.DangerImportance)
	d.Show()
}

func (e *labelEditor) remove(id, moveTo string) {
	if err := e.g.removeLabel(id, moveTo); err != nil {
		e.g.showError(err)
		return
	}
	e.list.UnselectAll()
	e.list.Refresh()
	if len(e.g.labels) > 0 {
		e.list.Select(0)
	} else {
		e.showLabel(-1)
	}
	e.g.status.saved("deleted label")
}
