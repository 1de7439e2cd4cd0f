package app

import (
	"fmt"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// confirmDelete asks what to do with the label's spans, then deletes it.
func (e *labelEditor) confirmDelete() {
	if e.cur < 0 {
		return
	}
	l := e.ls.list()[e.cur]
	n, err := e.ls.use(l.ID)
	if err != nil {
		showError(e.win, err)
		return
	}
	if n == 0 {
		showConfirm(e.win, "Delete label", fmt.Sprintf("Delete the label %q? No span uses it.", l.Name), func(ok bool) {
			if ok {
				e.remove(l.ID, "")
			}
		})
		return
	}
	deleteThem := fmt.Sprintf("Delete the %s too", plural(n, "span"))
	var others []string
	byName := map[string]string{}
	for _, o := range e.ls.list() {
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
	}, e.win)
	d.SetConfirmImportance(widget.DangerImportance)
	showConfirmDialog(e.win, d)
}

func (e *labelEditor) remove(id, moveTo string) {
	if err := e.ls.remove(id, moveTo); err != nil {
		showError(e.win, err)
		return
	}
	e.list.UnselectAll()
	e.list.Refresh()
	if len(e.ls.list()) > 0 {
		e.list.Select(0)
	} else {
		e.showLabel(-1)
	}
	e.saved("deleted label")
}
