package app

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"

	"gloss/annotate"
)

// This file holds how the window shows the project: its title, labels,
// document list and the document being read.

// setProject shows project p, closing the one shown before.
func (g *Gloss) setProject(p Project) {
	if g.p != nil && g.p != p {
		g.editor.flushNote()
		if err := g.p.Close(); err != nil {
			fyne.LogError("close project", err)
		}
	}
	g.p = p
	g.hist = &projectHistory{h: p}
	g.docsP.forgetTexts()
	g.doc, g.selected = nil, ""
	ro := p.ReadOnly()
	if ro {
		g.notice.Show()
	} else {
		g.notice.Hide()
	}
	g.editor.setReadOnly(ro)
	g.status.setReadOnly(ro)
	g.docsP.readOnly = ro
	g.reloadLabels()
	g.reloadDocs()
	g.showDocument(firstUnfinished(g.docs))
	g.rememberProject(p.Path())
	g.menu.refresh()
	g.warnBackup()
}

// firstUnfinished is the first document not done, else the first, else "".
func firstUnfinished(docs []annotate.DocumentInfo) string {
	for _, d := range docs {
		if d.Status != annotate.StatusDone {
			return d.ID
		}
	}
	if len(docs) > 0 {
		return docs[0].ID
	}
	return ""
}

// projectName is the project file's name without its extension.
func (g *Gloss) projectName() string {
	base := filepath.Base(g.p.Path())
	return strings.TrimSuffix(base, filepath.Ext(base))
}

func (g *Gloss) updateTitle() {
	title := "Gloss — " + g.projectName()
	if g.doc != nil {
		title += " — " + g.doc.Title
	}
	if g.p.ReadOnly() {
		title += " (read-only)"
	}
	g.win.SetTitle(title)
}

// reloadLabels reads the labels and shows them everywhere.
func (g *Gloss) reloadLabels() {
	labels, err := g.p.Labels()
	if err != nil {
		g.showError(err)
		return
	}
	g.labels = labels
	g.bar.setLabels(labels)
	g.view.SetLabels(labels)
	g.spansP.setLabels(labels)
	g.editor.setLabels(labels)
	g.updateCounts()
}

// reloadDocs reads the document list.
func (g *Gloss) reloadDocs() {
	docs, err := g.p.Documents()
	if err != nil {
		g.showError(err)
		return
	}
	g.docs = docs
	g.docsP.setDocs(docs)
	g.updateCounts()
}

// showDocument shows the document with this ID ("" for none).
func (g *Gloss) showDocument(id string) {
	g.editor.flushNote()
	g.selected, g.spanSel = "", false
	g.status.setSelection(0, 0)
	g.tips.hide()
	if id == "" {
		g.doc, g.runes, g.spans = nil, nil, nil
		g.view.SetDocument("", nil, g.labels)
		g.view.Hide()
		g.empty.Show()
		g.spansP.setSpans(nil, nil)
		g.editor.show(nil, nil)
		g.docsP.setCurrent("", "")
		g.updateTitle()
		g.updateCounts()
		return
	}
	d, err := g.p.Document(id)
	if err != nil {
		g.showError(err)
		return
	}
	spans, err := g.p.Spans(id)
	if err != nil {
		g.showError(err)
		return
	}
	g.doc, g.runes, g.spans = d, []rune(d.Text), spans
	g.empty.Hide()
	g.view.Show()
	g.view.SetDocument(d.Text, spans, g.labels)
	g.spansP.setSpans(spans, g.runes)
	g.editor.show(nil, nil)
	g.docsP.setCurrent(d.ID, d.Status)
	g.updateTitle()
	g.updateCounts()
	g.win.Canvas().Focus(g.view)
}

// openDocumentAt shows a document and, for a text search hit, selects it.
func (g *Gloss) openDocumentAt(id string, hit, hitLen int) {
	if g.doc == nil || g.doc.ID != id {
		g.showDocument(id)
	}
	if hit >= 0 && g.doc != nil && g.doc.ID == id {
		g.selectSpan("")
		g.view.SetSelection(hit, hit+hitLen)
		g.view.ScrollToOffset(hit)
	}
	g.win.Canvas().Focus(g.view)
}

// reloadSpans rereads the shown document's spans after an edit.
func (g *Gloss) reloadSpans() {
	if g.doc == nil {
		return
	}
	spans, err := g.p.Spans(g.doc.ID)
	if err != nil {
		g.showError(err)
		return
	}
	g.spans = spans
	g.view.SetSpans(spans)
	g.spansP.setSpans(spans, g.runes)
	for i := range g.docs {
		if g.docs[i].ID == g.doc.ID {
			g.docs[i].SpanCount = len(spans)
			g.docs[i].Status = g.doc.Status
		}
	}
	g.docsP.setDocs(g.docs)
	g.updateCounts()
}

// reload reads labels, documents and the shown document's spans from the
// project file again, to show what another window or gloss-cli changed.
// The selected span stays selected while it exists.
func (g *Gloss) reload() {
	if g.p == nil {
		return
	}
	g.editor.flushNote()
	keep := g.selected
	g.reloadLabels()
	g.reloadDocs()
	if g.doc == nil || !g.hasDoc(g.doc.ID) {
		g.showDocument(firstUnfinished(g.docs))
	} else {
		g.reloadSpans()
		g.selectSpan(keep)
	}
	g.menu.refreshEdit()
	g.status.message("Reloaded from " + filepath.Base(g.p.Path()))
}

// hasDoc reports whether the project lists a document with this ID.
func (g *Gloss) hasDoc(id string) bool {
	for _, d := range g.docs {
		if d.ID == id {
			return true
		}
	}
	return false
}
