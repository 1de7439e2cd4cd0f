package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"gloss/annotate"
)

// browseTable is the span browser's table: a check box column, then the
// columns of browseColumnNames. Only the rows on screen have widgets.
// Enter jumps to the selected span.
type browseTable struct {
	widget.Table
	b *spanBrowser
}

func newBrowseTable(b *spanBrowser) *browseTable {
	t := &browseTable{b: b}
	t.Length = func() (int, int) { return len(b.shown), browseColumns + 1 }
	t.CreateCell = func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		chipBox := container.NewHBox(container.NewCenter(newChip("label", "#999999")))
		return container.NewStack(widget.NewCheck("", nil), chipBox, l)
	}
	t.UpdateCell = t.updateCell
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject { return widget.NewButton("", nil) }
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		h := o.(*widget.Button)
		if id.Col == 0 {
			h.SetText("✓")
			h.OnTapped = nil
			return
		}
		col := id.Col - 1
		text := browseColumnNames[col]
		if b.sortCol == col {
			text += map[bool]string{false: " ▲", true: " ▼"}[b.desc]
		}
		h.SetText(text)
		h.OnTapped = func() { b.sortBy(col) }
	}
	t.OnSelected = func(id widget.TableCellID) {
		b.current = id.Row
		// widget.Table focuses itself on a tap only when its canvas knows
		// it, which it does not for an extended table: focus it here so
		// that Enter reaches TypedKey.
		if c := b.win.Canvas(); c.Focused() != fyne.Focusable(t) {
			c.Focus(t)
		}
	}
	t.ExtendBaseWidget(t)
	for c, w := range []float32{36, 120, 280, 180, 90, 160} {
		t.SetColumnWidth(c, w)
	}
	return t
}

func (t *browseTable) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	b := t.b
	st := o.(*fyne.Container)
	check, chipBox, label := st.Objects[0].(*widget.Check), st.Objects[1].(*fyne.Container), st.Objects[2].(*widget.Label)
	chip := chipBox.Objects[0].(*fyne.Container).Objects[0].(*chip)
	check.Hide()
	chipBox.Hide()
	label.Hide()
	if id.Row >= len(b.shown) {
		return
	}
	r := &b.rows[b.shown[id.Row]]
	switch id.Col {
	case 0:
		check.OnChanged = nil
		check.SetChecked(b.checked[r.span.ID])
		spanID := r.span.ID
		check.OnChanged = func(on bool) {
			if on {
				b.checked[spanID] = true
			} else {
				delete(b.checked, spanID)
			}
			b.showCount()
		}
		check.Show()
	case colLabel + 1:
		chip.set(r.label, r.color)
		chipBox.Show()
	default:
		label.SetText([browseColumns]string{r.label, r.text, r.doc, r.span.Annotator, oneLineText(r.span.Note)}[id.Col-1])
		label.Show()
	}
}

// TypedKey jumps to the selected span on Enter; other keys move as in any table.
func (t *browseTable) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter {
		t.b.jump()
		return
	}
	t.Table.TypedKey(ev)
}

// checkedIDs lists the checked spans in row order, those the filter hides
// now included (the count says how many are checked).
func (b *spanBrowser) checkedIDs() []string {
	ids := make([]string, 0, len(b.checked))
	for i := range b.rows {
		if id := b.rows[i].span.ID; b.checked[id] {
			ids = append(ids, id)
		}
	}
	return ids
}

// relabelChecked gives the checked spans the chosen label, as one edit.
func (b *spanBrowser) relabelChecked() {
	l := b.labelNamed(b.relabelSel.Selected)
	ids := b.checkedIDs()
	if l == nil || len(ids) == 0 {
		b.status.message("Check spans and choose the new label first.")
		return
	}
	n, err := b.s.p.RelabelSpans(ids, l.ID)
	if err != nil {
		showError(b.win, err)
		return
	}
	clear(b.checked)
	b.afterEdit(fmt.Sprintf("relabel %s as %s", plural(n, "span"), l.Name))
}

// confirmDelete asks before deleting the checked spans as one edit.
func (b *spanBrowser) confirmDelete() {
	ids := b.checkedIDs()
	if len(ids) == 0 {
		b.status.message("Check the spans to delete first.")
		return
	}
	dialog.ShowConfirm("Delete spans", fmt.Sprintf("Delete %s? One Undo (Ctrl+Z) brings them back.", plural(len(ids), "checked span")),
		func(ok bool) {
			if ok {
				b.deleteChecked()
			}
		}, b.win)
}

// deleteChecked deletes the checked spans as one edit.
func (b *spanBrowser) deleteChecked() {
	ids := b.checkedIDs()
	if err := b.s.p.DeleteSpans(ids); err != nil {
		showError(b.win, err)
		return
	}
	clear(b.checked)
	b.afterEdit("delete " + plural(len(ids), "span"))
}

// afterEdit rereads the spans and tells the window.
func (b *spanBrowser) afterEdit(what string) {
	if err := b.load(); err != nil {
		showError(b.win, err)
	}
	b.status.saved(what)
	if b.onEdited != nil {
		b.onEdited()
	}
}

// labelNamed returns the label called name, or nil.
func (b *spanBrowser) labelNamed(name string) *annotate.Label {
	for _, l := range b.s.labels {
		if l.Name == name {
			return l
		}
	}
	return nil
}
