package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"gloss/annotate"
	"gloss/annotate/agree"
)

// This file holds Curation mode's changes to the gold layer and their undo.

// text returns a document's text (read once per curation session).
func (c *curationArea) text(docID string) []rune {
	if r, ok := c.texts[docID]; ok {
		return r
	}
	d, err := c.s.p.Document(docID)
	if err != nil {
		return nil
	}
	c.texts[docID] = []rune(d.Text)
	return c.texts[docID]
}

// covered is the text of [start, end) of a document.
func (c *curationArea) covered(docID string, start, end int) string {
	r := c.text(docID)
	if start < 0 || end > len(r) || start > end {
		return ""
	}
	return string(r[start:end])
}

// context is the tuple's text with up to 80 code points either side.
func (c *curationArea) context(t agree.Tuple) string {
	r := c.text(t.Document)
	from, to := max(0, t.Start-80), min(len(r), t.End+80)
	return "…" + c.covered(t.Document, from, t.Start) + " [" + c.covered(t.Document, t.Start, t.End) + "] " + c.covered(t.Document, t.End, to) + "…"
}

// docTitle is a document's title, or its ID.
func (c *curationArea) docTitle(id string) string {
	for _, d := range c.s.allDocs() {
		if d.ID == id {
			return d.Title
		}
	}
	return id
}

// goldSpan returns the gold span of the tuple, or nil.
func (c *curationArea) goldSpan(t agree.Tuple) *annotate.Span {
	gold, err := c.s.team().SpansBy(t.Document, annotate.Gold)
	if err != nil {
		return nil
	}
	for _, sp := range gold {
		if sp.Start == t.Start && sp.End == t.End && c.s.labelName(sp.LabelID) == t.Label {
			return sp
		}
	}
	return nil
}

// addGold adds tuples to the gold layer as one edit; added counts the new
// ones (a tuple gold already has is skipped).
func (c *curationArea) addGold(tuples []agree.Tuple) (int, error) {
	var spans []*annotate.Span
	for _, t := range tuples {
		var labelID string
		for _, l := range c.s.labels {
			if l.Name == t.Label {
				labelID = l.ID
			}
		}
		if labelID == "" {
			return 0, annotate.Errorf(annotate.ENOTFOUND, "no label %q", t.Label)
		}
		sp := annotate.NewSpan(t.Document, t.Start, t.End, labelID)
		sp.Annotator = annotate.Gold
		spans = append(spans, sp)
	}
	added, err := c.s.p.AddSpans(spans)
	if added > 0 {
		c.steps = append(c.steps, curationStep{at: c.at, project: true})
		c.changed()
	}
	return added, err
}

// acceptTuple puts the shown tuple into gold; with edit, the main window
// then shows it selected in the gold layer.
func (c *curationArea) acceptTuple(edit bool) {
	cand := c.current()
	if cand == nil || c.readOnly() {
		return
	}
	if _, err := c.addGold([]agree.Tuple{cand.Tuple}); err != nil {
		showError(c.win, err)
		return
	}
	if edit && c.onEdit != nil {
		if sp := c.goldSpan(cand.Tuple); sp != nil {
			c.onEdit(sp.DocumentID, sp.ID)
		}
	}
}

// acceptCoder puts coder i's version (their spans overlapping the shown
// tuple) into gold.
func (c *curationArea) acceptCoder(i int) {
	cand := c.current()
	if cand == nil || i >= len(c.coders) || c.readOnly() {
		return
	}
	var tuples []agree.Tuple
	for _, sp := range c.versionOf(c.coders[i], cand.Tuple) {
		tuples = append(tuples, agree.Tuple{Document: sp.Document, Start: sp.Start, End: sp.End, Label: sp.Label})
	}
	if len(tuples) == 0 {
		c.reject() // that coder marked nothing here
		return
	}
	if _, err := c.addGold(tuples); err != nil {
		showError(c.win, err)
	}
}

// reject keeps the shown tuple out of gold, removing its gold span if
// it was accepted before.
func (c *curationArea) reject() {
	cand := c.current()
	if cand == nil || c.readOnly() {
		return
	}
	if sp := c.goldSpan(cand.Tuple); sp != nil {
		if err := c.s.p.DeleteSpan(sp.ID); err != nil {
			showError(c.win, err)
			return
		}
		c.steps = append(c.steps, curationStep{at: c.at, project: true})
	}
	t := cand.Tuple
	c.rejected[t] = true
	c.steps = append(c.steps, curationStep{at: c.at, reject: &t})
	c.changed()
}

// undo reverts Curation mode's latest change.
func (c *curationArea) undo() {
	if len(c.steps) == 0 {
		return
	}
	st := c.steps[len(c.steps)-1]
	c.steps = c.steps[:len(c.steps)-1]
	if st.reject != nil {
		delete(c.rejected, *st.reject)
		if n := len(c.steps); n > 0 && c.steps[n-1].project && c.steps[n-1].at == st.at {
			st = c.steps[n-1] // the gold span the reject removed
			c.steps = c.steps[:n-1]
		}
	}
	if st.project {
		if _, err := c.s.p.Undo(); err != nil {
			showError(c.win, err)
		}
	}
	c.at = st.at
	c.changed()
}

// auto runs a curation rule over every document (Curate automatically).
func (c *curationArea) auto(st agree.Strategy) {
	if c.readOnly() {
		return
	}
	res, err := c.source().CurateGold(string(st), nil)
	if err != nil {
		showError(c.window(), err)
		return
	}
	msg := fmt.Sprintf("%s: %d accepted, %d gold spans added, %d already in gold, %d removed by hand before (not added again); %d disagreements left open.\n"+
		"Each gold span is one edit: undo removes them one at a time.",
		strings.ToUpper(string(st[:1]))+string(st[1:]), res.Accepted, res.Added, res.Present, res.Rejected, res.Open)
	c.changed()
	dialog.ShowInformation("Curated automatically", msg, c.window())
}

// readOnly reports (and says) that the project cannot change.
func (c *curationArea) readOnly() bool {
	if c.s.p.ReadOnly() {
		dialog.ShowInformation("Read-only", "This project file is read-only: the gold layer cannot change.", c.window())
		return true
	}
	return false
}

// window is Curation mode's window, else the main one, for dialogs.
func (c *curationArea) window() fyne.Window {
	if c.win != nil {
		return c.win
	}
	return c.main
}

// changed shows the gold layer's new state here and in the main window.
func (c *curationArea) changed() {
	if c.onGoldChanged != nil {
		c.onGoldChanged()
	}
	if c.win != nil {
		c.showItem()
	}
}
