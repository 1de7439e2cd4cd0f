package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"gloss/annotate"
	"gloss/annotate/find"
)

// The label-all dialog's scopes.
const (
	scopeDoc    = "This document"
	scopeCorpus = "All documents"
)

// labelAll is "Label all occurrences…" (Ctrl+Shift+O): every occurrence of
// the selected text (or of a regular expression, or of a dictionary's
// terms) in this document or in all of them, previewed in context with a
// check box each; Apply adds the checked ones as one edit, which one Undo
// removes. Occurrences already labelled so are counted, not offered.
type labelAll struct {
	s       *session
	win     fyne.Window
	status  *statusBar
	dialogs *fileDialogs

	mode    *widget.RadioGroup
	query   *dialogEntry
	label   *widget.Select
	scope   *widget.RadioGroup
	caseSw  *widget.Check
	wordSw  *widget.Check
	dictBtn *widget.Button
	summary *widget.Label
	list    *widget.List
	dlg     dialog.Dialog
	bg      *background // the search runs here, a pause after the last key

	dict     []find.Entry
	dictName string
	plan     *labelAllPlan
	checked  []bool

	onEdited func() // spans were added
}

func newLabelAll(s *session, win fyne.Window, status *statusBar, dialogs *fileDialogs) *labelAll {
	a := &labelAll{s: s, win: win, status: status, dialogs: dialogs, plan: &labelAllPlan{}, bg: newBackground()}
	a.mode = widget.NewRadioGroup([]string{modeText, modeRegex, modeDict}, func(string) { a.replan() })
	a.mode.Horizontal = true
	a.mode.Required = true
	a.mode.Selected = modeText
	a.query = newDialogEntry()
	a.query.OnChanged = func(string) { a.bg.schedule(a.planJob()) }
	a.label = widget.NewSelect(nil, func(string) { a.replan() })
	a.label.PlaceHolder = "Label"
	a.scope = widget.NewRadioGroup([]string{scopeDoc, scopeCorpus}, func(string) { a.replan() })
	a.scope.Horizontal = true
	a.scope.Required = true
	a.scope.Selected = scopeDoc
	a.caseSw = widget.NewCheck("Match case", func(bool) { a.replan() })
	a.wordSw = widget.NewCheck("Whole word", func(bool) { a.replan() })
	a.dictBtn = widget.NewButton("Load dictionary…", a.chooseDict)
	a.summary = widget.NewLabel("")
	a.summary.Wrapping = fyne.TextWrapWord
	a.list = widget.NewList(func() int { return len(a.plan.hits) }, a.newRow, a.updateRow)
	return a
}

func (a *labelAll) newRow() fyne.CanvasObject {
	doc := widget.NewLabel("")
	doc.Truncation = fyne.TextTruncateEllipsis
	k := newKWICRow(0.5)
	check := widget.NewCheck("", nil)
	k.onTap = func(id int) { check.SetChecked(!check.Checked) }
	return container.NewBorder(nil, nil, check, container.NewGridWrap(fyne.NewSize(180, 30), doc), k)
}

func (a *labelAll) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(a.plan.hits) {
		return
	}
	c := o.(*fyne.Container)
	k := c.Objects[0].(*kwicRow)
	check := c.Objects[1].(*widget.Check)
	doc := c.Objects[2].(*fyne.Container).Objects[0].(*widget.Label)
	h := a.plan.hits[id]
	k.set(id, h.row.Left, h.row.Hit, h.row.Right)
	check.OnChanged = nil
	check.SetChecked(a.checked[id])
	check.OnChanged = func(on bool) { a.checked[id] = on; a.showSummary() }
	doc.SetText(h.label.Name + " · " + h.title)
}

// show opens the dialog with text (the selection) as the query and
// labelID (the selected span's label, or "") as the label.
func (a *labelAll) show(text, labelID string) {
	names := make([]string, len(a.s.labels))
	for i, l := range a.s.labels {
		names[i] = l.Name
		if l.ID == labelID {
			a.label.Selected = l.Name
		}
	}
	a.label.SetOptions(names)
	if a.label.Selected == "" && len(names) > 0 {
		a.label.Selected = names[0]
	}
	if text != "" {
		a.mode.Selected = modeText
		a.query.Text = text
	}
	if a.dlg == nil {
		a.dlg = dialog.NewCustomWithoutButtons("Label all occurrences", a.build(), a.win)
	}
	a.mode.Refresh()
	a.query.Refresh()
	a.label.Refresh()
	a.replan()
	a.dlg.Resize(dialogSize(a.win))
	a.dlg.Show()
	a.win.Canvas().Focus(a.query)
}

func (a *labelAll) build() fyne.CanvasObject {
	form := widget.NewForm(
		widget.NewFormItem("Find", container.NewBorder(nil, nil, nil, a.dictBtn, a.mode)),
		widget.NewFormItem("Text", a.query),
		widget.NewFormItem("Label", container.NewBorder(nil, nil, nil, container.NewHBox(a.caseSw, a.wordSw), a.label)),
		widget.NewFormItem("In", a.scope),
	)
	all := widget.NewButton("Check all", func() { a.checkAll(true) })
	none := widget.NewButton("Uncheck all", func() { a.checkAll(false) })
	apply := widget.NewButton("Label checked", a.apply)
	apply.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", func() { a.dlg.Hide() })
	bottom := container.NewBorder(nil, nil, container.NewHBox(all, none), container.NewHBox(cancel, apply))
	top := container.NewVBox(form, a.summary)
	return container.NewBorder(top, bottom, nil, nil, a.list)
}

// replan finds the occurrences again after a change in the dialog, in the
// background and at once (a switch was flipped, the dialog opened).
func (a *labelAll) replan() {
	if a.s.p != nil {
		a.bg.now(a.planJob())
	}
}

// planJob finds the occurrences of what the dialog shows now: the scan
// runs in the background on what it captured here; its plan replaces the
// list.
func (a *labelAll) planJob() func(ctx context.Context) func() {
	q := &labelAllQuery{mode: a.mode.Selected, text: a.query.Text, dict: a.dict, allLabels: a.s.labels,
		opt: find.Options{CaseSensitive: a.caseSw.Checked, WholeWord: a.wordSw.Checked}}
	for _, l := range a.s.labels {
		if l.Name == a.label.Selected {
			q.label = l
		}
	}
	if a.scope.Selected == scopeCorpus {
		q.docs = a.s.allDocs()
	} else if a.s.doc != nil {
		q.docs = []annotate.DocumentInfo{{ID: a.s.doc.ID, Title: a.s.doc.Title}}
	}
	if a.mode.Selected == modeDict {
		a.dictBtn.Enable()
		a.query.Disable()
	} else {
		a.dictBtn.Disable()
		a.query.Enable()
	}
	p := a.s.p
	return func(ctx context.Context) func() {
		if p == nil {
			return nil
		}
		plan, err := planLabelAll(ctx, p, q)
		return func() { a.showPlan(plan, err) }
	}
}

// showPlan lists the occurrences found, all checked.
func (a *labelAll) showPlan(plan *labelAllPlan, err error) {
	if err != nil {
		a.plan, a.checked = &labelAllPlan{}, nil
		a.summary.SetText(err.Error())
		a.list.Refresh()
		return
	}
	a.plan = plan
	a.checked = make([]bool, len(plan.hits))
	for i := range a.checked {
		a.checked[i] = true
	}
	a.list.Refresh()
	a.list.ScrollToTop()
	a.showSummary()
}

func (a *labelAll) showSummary() {
	n := 0
	for _, c := range a.checked {
		if c {
			n++
		}
	}
	text := fmt.Sprintf("%s in %s, %d checked; %d already labelled so.", plural(len(a.plan.hits), "new occurrence"),
		plural(a.plan.docs, "document"), n, a.plan.present)
	if a.mode.Selected == modeDict && a.dictName != "" {
		text = fmt.Sprintf("Dictionary %s: %s. ", a.dictName, plural(len(a.dict), "term")) + text
	}
	a.summary.SetText(text)
}

func (a *labelAll) checkAll(on bool) {
	for i := range a.checked {
		a.checked[i] = on
	}
	a.list.Refresh()
	a.showSummary()
}

// chooseDict loads a dictionary file (TSV, or CSV by its extension).
func (a *labelAll) chooseDict() {
	a.dialogs.show(a.dialogs.open(func(path string) { a.loadDict(path) }))
}

// loadDict reads the dictionary at path; a bad row is shown with its file
// and line, and the dictionary loaded before stays.
func (a *labelAll) loadDict(path string) {
	data, err := os.ReadFile(path)
	if err == nil {
		var entries []find.Entry
		name := filepath.Base(path)
		if entries, err = find.ParseDictionary(name, data, ""); err == nil {
			if err = checkDictLabels(name, entries, a.s.labels); err == nil {
				a.dict, a.dictName = entries, name
			}
		}
	}
	if err != nil {
		showError(a.win, err)
	}
	a.mode.SetSelected(modeDict)
	a.replan()
}

// apply adds the checked occurrences as one edit.
func (a *labelAll) apply() {
	var spans []*annotate.Span
	for i, h := range a.plan.hits {
		if a.checked[i] {
			spans = append(spans, annotate.NewSpan(h.doc, h.start, h.end, h.label.ID))
		}
	}
	if len(spans) == 0 {
		a.status.message("Nothing is checked: no span added.")
		return
	}
	added, err := a.s.p.AddSpans(spans)
	if err != nil {
		showError(a.win, err)
		return
	}
	a.dlg.Hide()
	a.status.saved(fmt.Sprintf("add %s (one edit: Ctrl+Z removes them all)", plural(added, "span")))
	if a.onEdited != nil {
		a.onEdited()
	}
}
