package app

import (
	"fmt"

	"fyne.io/fyne/v2/widget"

	"gloss/annotate"
)

// anyStatus is the status filter choice that shows every document.
const anyStatus = "All statuses"

// docProgress is the Documents panel's status filter (to do, in progress,
// done) and the project's progress bar (documents done of all).
type docProgress struct {
	filter *widget.Select
	bar    *widget.ProgressBar
	done   int
	total  int

	onFilter func() // the status filter changed
}

func newDocProgress() *docProgress {
	p := &docProgress{}
	opts := []string{anyStatus}
	for _, st := range annotate.Statuses {
		opts = append(opts, statusChoice(st))
	}
	p.filter = widget.NewSelect(opts, func(string) {
		if p.onFilter != nil {
			p.onFilter()
		}
	})
	p.filter.Selected = anyStatus
	p.bar = widget.NewProgressBar()
	p.bar.TextFormatter = func() string {
		return fmt.Sprintf("%s of %s done", countText(p.done), countText(p.total))
	}
	return p
}

// statusChoice is a status as the filter names it: "To do", "In progress", "Done".
func statusChoice(s annotate.Status) string {
	t := []rune(statusText(s))
	if len(t) > 0 && t[0] >= 'a' && t[0] <= 'z' {
		t[0] -= 'a' - 'A'
	}
	return string(t)
}

// keep reports whether a document with status s passes the filter.
func (p *docProgress) keep(s annotate.Status) bool {
	want := p.filter.Selected
	if want == "" || want == anyStatus {
		return true
	}
	if s == "" {
		s = annotate.StatusTodo
	}
	return statusChoice(s) == want
}

// filterRows drops the rows whose document fails the status filter.
func (p *docProgress) filterRows(rows []docRow) []docRow {
	out := rows[:0]
	for _, r := range rows {
		if p.keep(r.info.Status) {
			out = append(out, r)
		}
	}
	return out
}

// count shows how many of docs are done.
func (p *docProgress) count(docs []annotate.DocumentInfo) {
	p.done, p.total = 0, len(docs)
	for _, d := range docs {
		if d.Status == annotate.StatusDone {
			p.done++
		}
	}
	p.bar.Max = float64(max(1, p.total))
	p.bar.SetValue(float64(p.done))
}

// nextUnfinished is the first document after id (going round to the
// start) that is not done, or "" when every other one is done.
func nextUnfinished(docs []annotate.DocumentInfo, id string) string {
	at := -1
	for i, d := range docs {
		if d.ID == id {
			at = i
		}
	}
	for k := 1; k <= len(docs); k++ {
		d := docs[(at+k+len(docs))%len(docs)]
		if d.ID != id && d.Status != annotate.StatusDone {
			return d.ID
		}
	}
	return ""
}

// doneAndNext marks the shown document done and shows the next one not
// done yet, as Label Studio's Submit does.
func (d *documents) doneAndNext() {
	switch {
	case d.s.doc == nil:
		return
	case d.s.p.ReadOnly():
		d.status.message("This project is read-only: nothing can be changed.")
		return
	}
	if d.s.doc.Status != annotate.StatusDone {
		d.setStatus(annotate.StatusDone, false)
		if d.s.doc.Status != annotate.StatusDone { // the store refused: setStatus said why
			return
		}
	}
	title := d.s.doc.Title
	next := d.nextToDo()
	if next == "" {
		d.status.saved(fmt.Sprintf("%q marked done; every document is done", title))
		return
	}
	d.openAt(next, -1, 0)
	d.status.saved(fmt.Sprintf("%q marked done", title))
}
