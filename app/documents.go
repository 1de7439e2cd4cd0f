package app

import (
	"fmt"

	"fyne.io/fyne/v2"

	"gloss/annotate"
)

// documents is the project's document list and the document shown: the
// Documents panel, quick open, next/previous, and each document's status.
type documents struct {
	s      *session
	win    fyne.Window
	panel  *docsPanel
	status *statusBar

	beforeShow func()                  // another document is about to be shown
	onShow     func()                  // s.doc (nil for none), s.runes and s.spans are now shown
	onOpened   func(start, end int)    // openAt is done: select [start, end) when start >= 0
	onStatus   func(s annotate.Status) // the shown document's status changed
	onCounts   func()                  // the list's counts changed
}

func newDocuments(s *session, win fyne.Window, status *statusBar) *documents {
	d := &documents{s: s, win: win, status: status, panel: newDocsPanel()}
	d.panel.loadText = func(id string) (string, error) {
		doc, err := d.s.p.Document(id)
		if err != nil {
			return "", err
		}
		return doc.Text, nil
	}
	d.panel.onOpen = d.openAt
	d.panel.onPaging = d.reload
	d.panel.scale.onChange = d.reload
	d.panel.onToggleDone = func() { // Mark done moves on; Reopen stays
		if d.s.doc != nil && d.s.doc.Status == annotate.StatusDone {
			d.toggleDone()
		} else {
			d.doneAndNext()
		}
	}
	return d
}

// setProject starts on a new project: no document shown, no cached texts.
func (d *documents) setProject(p Project) {
	d.panel.forgetTexts()
	d.panel.readOnly = p.ReadOnly()
	d.s.doc = nil
	d.leavePaged(p)
}

// reload reads the document list.
func (d *documents) reload() {
	if d.reloadPaged() {
		return
	}
	docs, err := d.s.p.Documents()
	if err != nil {
		showError(d.win, err)
		return
	}
	d.s.docs = docs
	d.panel.setDocs(docs)
	d.onCounts()
}

// show shows the document with this ID ("" for none).
func (d *documents) show(id string) {
	d.beforeShow()
	if id == "" {
		d.s.doc, d.s.runes, d.s.spans = nil, nil, nil
		d.panel.setCurrent("", "")
		d.onShow()
		return
	}
	doc, err := d.s.p.Document(id)
	if err != nil {
		showError(d.win, err)
		return
	}
	spans, err := d.s.layerSpans(id)
	if err != nil {
		showError(d.win, err)
		return
	}
	d.s.doc, d.s.runes, d.s.spans = doc, []rune(doc.Text), spans
	d.panel.setCurrent(doc.ID, doc.Status)
	d.onShow()
}

// openAt shows a document and, for a text search hit (hit >= 0), selects it.
func (d *documents) openAt(id string, hit, hitLen int) {
	if d.s.doc == nil || d.s.doc.ID != id {
		d.show(id)
	}
	if hit < 0 || d.s.doc == nil || d.s.doc.ID != id {
		hit = -1
	}
	d.onOpened(hit, hit+hitLen)
}

// spansChanged updates the shown document's row after its spans changed.
func (d *documents) spansChanged() {
	if d.s.pager != nil {
		d.pagedRowChanged()
		return
	}
	for i := range d.s.docs {
		if d.s.docs[i].ID == d.s.doc.ID {
			d.s.docs[i].SpanCount = len(d.s.spans)
			d.s.docs[i].Status = d.s.doc.Status
		}
	}
	d.panel.setDocs(d.s.docs)
	d.onCounts()
}

// setStatus moves the shown document to status st, saying so when tell is set.
func (d *documents) setStatus(st annotate.Status, tell bool) {
	if d.s.doc == nil || d.s.p.ReadOnly() {
		return
	}
	if err := d.s.p.SetStatus(d.s.doc.ID, st); err != nil {
		showError(d.win, err)
		return
	}
	d.s.doc.Status = st
	if d.s.pager != nil {
		d.pagedRowChanged()
		d.onStatus(st)
		if tell {
			d.status.saved("marked " + statusText(st))
		}
		return
	}
	for i := range d.s.docs {
		if d.s.docs[i].ID == d.s.doc.ID {
			d.s.docs[i].Status = st
		}
	}
	d.panel.setDocs(d.s.docs)
	d.panel.setCurrent(d.s.doc.ID, st)
	d.onCounts()
	d.onStatus(st)
	if tell {
		d.status.saved("marked " + statusText(st))
	}
}

// toggleDone marks the shown document done, or reopens a done one.
func (d *documents) toggleDone() {
	switch {
	case d.s.doc == nil:
		return
	case d.s.p.ReadOnly():
		d.status.message("This project is read-only: nothing can be changed.")
	case d.s.doc.Status == annotate.StatusDone:
		d.setStatus(annotate.StatusInProgress, true)
	default:
		d.setStatus(annotate.StatusDone, true)
	}
}

// step opens the next (1) or previous (-1) document of the list.
func (d *documents) step(delta int) {
	if !d.panel.step(delta) {
		if delta > 0 {
			d.status.message("This is the last document.")
		} else {
			d.status.message("This is the first document.")
		}
	}
}

// focusSearch puts the cursor in the documents search box.
func (d *documents) focusSearch() { d.win.Canvas().Focus(d.panel.search) }

// showQuickOpen opens a palette over the document titles.
func (d *documents) showQuickOpen() {
	if d.s.pager != nil {
		d.showPagedQuickOpen()
		return
	}
	if len(d.s.docs) == 0 {
		d.status.message("There are no documents yet: import some with File → Import.")
		return
	}
	items := make([]paletteItem, len(d.s.docs))
	for i, doc := range d.s.docs {
		items[i] = paletteItem{title: doc.Title, detail: fmt.Sprintf("%s · %s", statusText(doc.Status), plural(doc.SpanCount, "span"))}
	}
	docs := d.s.docs
	showPalette(d.win.Canvas(), "Open document", "Type part of a title…", items, func(i int) {
		d.openAt(docs[i].ID, -1, 0)
	})
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

// statusText is a status as a user reads it.
func statusText(s annotate.Status) string {
	switch s {
	case annotate.StatusInProgress:
		return "in progress"
	case annotate.StatusDone:
		return "done"
	}
	return "to do"
}
