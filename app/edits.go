package app

import (
	"strings"

	"gloss/annotate"
)

// canEdit reports whether annotations can change now, telling the user why not.
func (g *Gloss) canEdit() bool {
	switch {
	case g.p.ReadOnly():
		g.status.message("This project is read-only: nothing can be changed.")
		return false
	case g.doc == nil:
		g.status.message("Import a document first.")
		return false
	}
	return true
}

// applyLabel labels the selected text with l, or, when a span is selected
// and no other text is, changes that span's label.
func (g *Gloss) applyLabel(l *annotate.Label) {
	if !g.canEdit() {
		return
	}
	start, end := g.view.Selection()
	if sel := g.span(g.selected); sel != nil && (start >= end || start == sel.Start && end == sel.End) {
		if sel.LabelID != l.ID {
			up := *sel
			up.LabelID = l.ID
			g.updateSpan(&up)
		}
		return
	}
	if start >= end {
		g.status.message("Select some text first, then press a label's key.")
		return
	}
	g.addSpan(start, end, l)
}

// addSpan labels [start, end) of the shown document.
func (g *Gloss) addSpan(start, end int, l *annotate.Label) error {
	sp := *annotate.NewSpan(g.doc.ID, start, end, l.ID)
	err := g.run(command{
		name:   "add " + l.Name,
		do:     func() error { c := sp; return g.p.AddSpan(&c) },
		docID:  sp.DocumentID,
		spanID: sp.ID,
	})
	if err != nil {
		return err
	}
	if g.doc.Status == annotate.StatusTodo {
		g.setStatus(annotate.StatusInProgress, false)
	}
	return nil
}

// deleteSpan removes a span of the shown document.
func (g *Gloss) deleteSpan(id string) {
	old := g.span(id)
	if old == nil || !g.canEdit() {
		return
	}
	sp := *old
	g.run(command{
		name:   "delete " + g.labelName(sp.LabelID),
		do:     func() error { return g.p.DeleteSpan(sp.ID) },
		docID:  sp.DocumentID,
		spanID: sp.ID,
	})
}

// updateSpan saves a changed label, offsets or note.
func (g *Gloss) updateSpan(up *annotate.Span) error {
	old := g.span(up.ID)
	if old == nil {
		return annotate.Errorf(annotate.ENOTFOUND, "the span is gone")
	}
	if !g.canEdit() {
		return annotate.Errorf(annotate.EINVALID, "read-only")
	}
	before, after := *old, *up
	name := "edit " + g.labelName(after.LabelID)
	switch {
	case before.LabelID != after.LabelID:
		name = "relabel as " + g.labelName(after.LabelID)
	case before.Note != after.Note:
		name = "edit note"
	case before.Start != after.Start || before.End != after.End:
		name = "resize " + g.labelName(after.LabelID)
	}
	return g.run(command{
		name:   name,
		do:     func() error { c := after; return g.p.UpdateSpan(&c) },
		docID:  after.DocumentID,
		spanID: after.ID,
	})
}

func (g *Gloss) labelName(id string) string {
	if l := g.label(id); l != nil {
		return l.Name
	}
	return "span"
}

// run does an edit through the history and shows the result.
func (g *Gloss) run(c command) error {
	if err := g.hist.run(c); err != nil {
		g.showError(err)
		return err
	}
	g.afterEdit(c.docID, c.spanID)
	g.status.saved(c.name)
	return nil
}

// undo reverts the latest edit logged in the project.
func (g *Gloss) undo() {
	g.editor.flushNote()
	c, ok, err := g.hist.undo()
	switch {
	case !ok:
		g.status.message("Nothing to undo.")
	case err != nil:
		g.showError(err)
	default:
		g.afterEdit(c.docID, c.spanID)
		g.status.saved("undid " + c.name)
	}
}

// redo repeats the latest undone edit.
func (g *Gloss) redo() {
	c, ok, err := g.hist.redo()
	switch {
	case !ok:
		g.status.message("Nothing to redo.")
	case err != nil:
		g.showError(err)
	default:
		g.afterEdit(c.docID, c.spanID)
		g.status.saved("redid " + c.name)
	}
}

// afterEdit shows the edited document's spans and selects spanID when it
// still exists, flashing it when the edit came from undo or redo.
func (g *Gloss) afterEdit(docID, spanID string) {
	if g.doc == nil || g.doc.ID != docID {
		g.showDocument(docID)
	} else {
		g.reloadSpans()
	}
	g.selectSpan(spanID)
	if g.selected != "" {
		g.view.Flash(g.selected)
	}
	g.menu.refreshEdit()
}

// setStatus moves the shown document to status s, saying so when tell is set.
func (g *Gloss) setStatus(s annotate.Status, tell bool) {
	if g.doc == nil || g.p.ReadOnly() {
		return
	}
	if err := g.p.SetStatus(g.doc.ID, s); err != nil {
		g.showError(err)
		return
	}
	g.doc.Status = s
	for i := range g.docs {
		if g.docs[i].ID == g.doc.ID {
			g.docs[i].Status = s
		}
	}
	g.docsP.setDocs(g.docs)
	g.docsP.setCurrent(g.doc.ID, s)
	g.updateCounts()
	g.menu.refreshEdit()
	if tell {
		g.status.saved("marked " + statusText(s))
	}
}

// toggleDone marks the shown document done, or reopens a done one.
func (g *Gloss) toggleDone() {
	if g.doc == nil || !g.canEdit() {
		return
	}
	if g.doc.Status == annotate.StatusDone {
		g.setStatus(annotate.StatusInProgress, true)
		return
	}
	g.setStatus(annotate.StatusDone, true)
}

// hotkeyLabel returns the label whose hotkey is r, or nil.
func (g *Gloss) hotkeyLabel(r rune) *annotate.Label {
	for _, l := range g.labels {
		if l.Hotkey != "" && strings.EqualFold(l.Hotkey, string(r)) {
			return l
		}
	}
	return nil
}
