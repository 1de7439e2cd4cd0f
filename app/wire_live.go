package app

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2/theme"

	"gloss/annotate"
)

// What the window does with the changes others make to a shared project
// (live.go): it rereads what they concern — the labels, the documents'
// counts and statuses, the shown document's spans — keeping the selected
// span, the text selection and the scroll position, and says briefly in
// the status bar who changed what.

// liveNoticeTime is how long the status bar tells of others' changes.
const liveNoticeTime = 8 * time.Second

// wireLive connects the live updates to the areas.
func (g *Gloss) wireLive() {
	g.live.onChanges = g.liveChanged
	g.live.onProblem = func(err error) {
		g.status.message("Live updates paused (" + err.Error() + "): retrying")
	}
}

// liveStarted names a server project in the status bar once it is shown
// and says that others' changes will show up.
func (g *Gloss) liveStarted() {
	if g.s.p == nil || !isServerAddress(g.s.p.Path()) {
		return
	}
	msg := "Server project " + withoutPassword(g.s.p.Path())
	if g.live.listening() {
		msg += ": others' changes show as they are saved"
	}
	g.status.message(msg)
}

// liveChanged shows a batch of changes made by others; with resync it
// rereads everything, as changes may have been missed.
func (g *Gloss) liveChanged(changes []annotate.Change, resync bool) {
	if g.s.p == nil {
		return
	}
	shownID := ""
	if g.s.doc != nil {
		shownID = g.s.doc.ID
	}
	labels, docs, shown := resync, resync, resync
	for _, c := range changes {
		switch c.Kind {
		case annotate.ChangeLabel:
			labels, shown = true, true // spans may have moved to another label
		case annotate.ChangeDocument:
			docs = true
		case annotate.ChangeSpan:
			shown = shown || c.DocumentID == shownID
		}
	}
	if labels {
		g.labels.reload()
	}
	if docs {
		g.docs.panel.forgetTexts()
	}
	g.docs.reload() // spans, statuses and documents all change the panel's counts
	switch {
	case g.s.doc != nil && !g.s.hasDoc(g.s.doc.ID):
		g.docs.show(firstUnfinished(g.s.docs)) // deleted by someone else
	case shown && g.s.doc != nil:
		g.refreshShownSpans()
	}
	g.menu.refreshEdit()
	g.liveNotice(describeChanges(changes, g.s.docs))
}

// refreshShownSpans rereads the shown document's spans. The selected span
// stays selected (and the editor keeps a note being typed) unless someone
// else changed or deleted it; the text selection and the scroll position
// are not touched.
func (g *Gloss) refreshShownSpans() {
	keep := g.spans.selected
	var before annotate.Span
	if sp := g.s.span(keep); sp != nil {
		before = *sp
	}
	g.spans.reload()
	g.structureShown()
	if keep == "" {
		return
	}
	sp := g.s.span(keep)
	switch {
	case sp == nil:
		g.spans.selectSpan("") // deleted: nothing selected
	case sp.Start != before.Start || sp.End != before.End || sp.LabelID != before.LabelID || sp.Note != before.Note:
		g.spans.selectSpan(keep) // changed: show what it is now
	default:
		g.text.view.SetSelectedSpan(keep)
		g.spans.panel.setSelected(keep)
	}
}

// liveNotice shows msg in the status bar for a while.
func (g *Gloss) liveNotice(msg string) {
	if msg == "" {
		return
	}
	g.status.message(msg)
	time.AfterFunc(liveNoticeTime, func() {
		g.live.do(func() {
			if g.status.state.Text == msg {
				g.status.icon.SetResource(theme.ConfirmIcon())
				g.status.setState("All changes saved")
			}
		})
	})
}

// describeChanges says who changed what, e.g. "bob changed spans in
// ‘Article 3’", or "" for no changes.
func describeChanges(changes []annotate.Change, docs []annotate.DocumentInfo) string {
	var who []string
	spanDocs, statusDocs := map[string]bool{}, map[string]bool{}
	var labels, documents bool
	for _, c := range changes {
		name := c.Annotator
		if name == "" {
			name = "someone"
		}
		if !slices.Contains(who, name) {
			who = append(who, name)
		}
		switch c.Kind {
		case annotate.ChangeSpan:
			spanDocs[c.DocumentID] = true
		case annotate.ChangeStatus:
			statusDocs[c.DocumentID] = true
		case annotate.ChangeLabel:
			labels = true
		case annotate.ChangeDocument:
			documents = true
		}
	}
	if len(who) == 0 {
		return ""
	}
	var what []string
	if len(spanDocs) > 0 {
		what = append(what, "changed spans in "+docsText(spanDocs, docs))
	}
	if len(statusDocs) > 0 {
		what = append(what, "changed the status of "+docsText(statusDocs, docs))
	}
	if labels {
		what = append(what, "changed the labels")
	}
	if documents {
		what = append(what, "added or deleted documents")
	}
	if len(what) == 0 {
		what = append(what, "changed the project")
	}
	return whoText(who) + " " + strings.Join(what, "; ")
}

// docsText names one document by its title, several by their number.
func docsText(ids map[string]bool, docs []annotate.DocumentInfo) string {
	if len(ids) > 1 {
		return plural(len(ids), "document")
	}
	for _, d := range docs {
		if ids[d.ID] {
			return "‘" + d.Title + "’"
		}
	}
	return "a document"
}

// whoText names up to two annotators, e.g. "bob and alice", "bob, alice and 2 others".
func whoText(who []string) string {
	switch len(who) {
	case 1:
		return who[0]
	case 2:
		return who[0] + " and " + who[1]
	}
	return fmt.Sprintf("%s, %s and %d others", who[0], who[1], len(who)-2)
}
