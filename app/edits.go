package app

import "gloss/annotate"

// This file holds the span edits of the spans area, and their undo and redo.

// canEdit reports whether annotations can change now, telling the user why not.
func (a *spansArea) canEdit() bool {
	switch {
	case a.s.p.ReadOnly():
		a.status.message("This project is read-only: nothing can be changed.")
		return false
	case a.s.doc == nil:
		a.status.message("Import a document first.")
		return false
	}
	return true
}

// applyLabel labels the selected text with l, or, when a span is selected
// and no other text is, changes that span's label.
func (a *spansArea) applyLabel(l *annotate.Label) {
	if !a.canEdit() {
		return
	}
	start, end := a.view.Selection()
	if sel := a.s.span(a.selected); sel != nil && (start >= end || start == sel.Start && end == sel.End) {
		if sel.LabelID != l.ID {
			up := *sel
			up.LabelID = l.ID
			a.updateSpan(&up)
		}
		return
	}
	if start >= end {
		a.status.message("Select some text first, then press a label's key.")
		return
	}
	a.addSpan(start, end, l)
}

// addSpan labels [start, end) of the shown document.
func (a *spansArea) addSpan(start, end int, l *annotate.Label) error {
	if !a.layerEditable(nil) {
		return annotate.Errorf(annotate.EINVALID, "read-only layer")
	}
	sp := *annotate.NewSpan(a.s.doc.ID, start, end, l.ID)
	sp.Annotator = a.s.layerOwner()
	err := a.run(command{
		name:   "add " + l.Name,
		do:     func() error { c := sp; return a.s.p.AddSpan(&c) },
		docID:  sp.DocumentID,
		spanID: sp.ID,
	})
	if err != nil {
		return err
	}
	if a.s.doc.Status == annotate.StatusTodo && a.onFirstSpan != nil {
		a.onFirstSpan()
	}
	return nil
}

// deleteSelected removes the selected span, if any.
func (a *spansArea) deleteSelected() {
	if a.selected != "" {
		a.deleteSpan(a.selected)
	}
}

// deleteSpan removes a span of the shown document.
func (a *spansArea) deleteSpan(id string) {
	old := a.s.span(id)
	if old == nil || !a.canEdit() || !a.layerEditable(old) {
		return
	}
	sp := *old
	rels := 0
	name := "delete " + a.s.labelName(sp.LabelID)
	err := a.run(command{
		name:   name,
		do:     func() (err error) { rels, err = deleteSpanAndRelations(a.s.p, sp.ID); return err },
		docID:  sp.DocumentID,
		spanID: sp.ID,
	})
	if err == nil && rels > 0 {
		a.status.saved(name + " and its " + plural(rels, "relation"))
	}
}

// updateSpan saves a changed label, offsets or note.
func (a *spansArea) updateSpan(up *annotate.Span) error {
	old := a.s.span(up.ID)
	if old == nil {
		return annotate.Errorf(annotate.ENOTFOUND, "the span is gone")
	}
	if !a.canEdit() || !a.layerEditable(old) {
		return annotate.Errorf(annotate.EINVALID, "read-only")
	}
	before, after := *old, *up
	name := "edit " + a.s.labelName(after.LabelID)
	switch {
	case before.LabelID != after.LabelID:
		name = "relabel as " + a.s.labelName(after.LabelID)
	case before.Note != after.Note:
		name = "edit note"
	case before.Start != after.Start || before.End != after.End:
		name = "resize " + a.s.labelName(after.LabelID)
	}
	return a.run(command{
		name:   name,
		do:     func() error { c := after; return a.s.p.UpdateSpan(&c) },
		docID:  after.DocumentID,
		spanID: after.ID,
	})
}

// run does an edit and shows the result.
func (a *spansArea) run(c command) error {
	if err := a.hist.run(c); err != nil {
		showError(a.win, err)
		return err
	}
	a.edited(c.docID, c.spanID)
	a.status.saved(c.name)
	return nil
}

// undo reverts the latest edit logged in the project.
func (a *spansArea) undo() {
	a.editor.flushNote()
	c, ok, err := a.hist.undo()
	switch {
	case !ok:
		a.status.message("Nothing to undo.")
	case err != nil:
		showError(a.win, err)
	default:
		a.stepped(c)
		a.status.saved("undid " + c.name)
	}
}

// redo repeats the latest undone edit.
func (a *spansArea) redo() {
	c, ok, err := a.hist.redo()
	switch {
	case !ok:
		a.status.message("Nothing to redo.")
	case err != nil:
		showError(a.win, err)
	default:
		a.stepped(c)
		a.status.saved("redid " + c.name)
	}
}

// stepped shows what an undo or redo changed: a label edit rereads the
// labels (and the spans that moved), a span edit shows its span.
func (a *spansArea) stepped(c command) {
	if !c.labels {
		a.edited(c.docID, c.spanID)
		return
	}
	if a.onLabels != nil {
		a.onLabels()
	}
	if a.onEdited != nil {
		a.onEdited()
	}
}
