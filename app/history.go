package app

import (
	"fmt"
	"strings"

	"gloss/annotate"
)

// command is one edit: how to do it and where in the project it happened,
// so that the window can show the result.
type command struct {
	name   string // shown in the status bar, e.g. "add actor"
	do     func() error
	docID  string // the document the edit touched
	spanID string // the span to select afterwards ("" for none)
	labels bool   // a label edit: the labels must be read again
}

// projectHistory undoes and redoes through the project's own edit log
// (annotate.Historian), so a researcher can undo after reopening a project.
// Every span edit the window makes is one logged edit; a note is saved (and
// so logged) after each pause in typing, and each save is one undo step.
type projectHistory struct {
	h annotate.Historian
	// describe names a span by its label and text, e.g. `actor "China"`
	// (nil, or "" for a span it cannot name: its offsets are used).
	describe func(sp *annotate.Span) string
}

// run does c; the project logs it.
func (p *projectHistory) run(c command) error { return c.do() }

// undo reverts the latest logged edit; ok is false when there is nothing to undo.
func (p *projectHistory) undo() (c command, ok bool, err error) {
	return p.step(p.h.Undo, "undo")
}

// redo repeats the latest undone edit; ok is false when there is nothing to redo.
func (p *projectHistory) redo() (c command, ok bool, err error) {
	return p.step(p.h.Redo, "redo")
}

// step runs Undo or Redo and describes the edit it acted on.
func (p *projectHistory) step(fn func() (*annotate.Event, error), what string) (command, bool, error) {
	e, err := fn()
	switch code := annotate.ErrorCode(err); {
	case code == annotate.ENOTFOUND:
		return command{}, false, nil
	case err != nil:
		return command{name: what}, true, err
	}
	return p.command(e), true, nil
}

// names returns the names of the edits undo and redo would act on.
func (p *projectHistory) names() (undo, redo string, canUndo, canRedo bool) {
	u, r, err := p.h.Pending()
	if err != nil {
		return "", "", true, true // let the user try; the error shows then
	}
	if u != nil {
		undo = p.command(u).name
	}
	if r != nil {
		redo = p.command(r).name
	}
	return undo, redo, u != nil, r != nil
}

// command describes a logged edit as the window names commands, with the
// span's label and text where it can: 'delete actor "China"'.
func (p *projectHistory) command(e *annotate.Event) command {
	c := eventCommand(e)
	sp := e.After
	if sp == nil {
		sp = e.Before
	}
	if p.describe == nil || sp == nil || e.IsLabelEdit() {
		return c
	}
	what := p.describe(sp)
	if what == "" {
		return c
	}
	switch e.Action {
	case annotate.ActionAddSpan:
		c.name = "add " + what
	case annotate.ActionDeleteSpan:
		c.name = "delete " + what
	default:
		if b := e.Before; b != nil && e.After != nil && b.LabelID != e.After.LabelID {
			c.name = "relabel " + p.describe(b) + " as " + p.describe(e.After)
		} else if i := strings.Index(c.name, " ["); i > 0 {
			verb := strings.TrimSuffix(c.name[:i], " span")
			if verb == "edit note" {
				verb = "edit note of"
			}
			c.name = verb + " " + what
		}
	}
	return c
}

// eventCommand describes a logged span edit by its offsets.
func eventCommand(e *annotate.Event) command {
	if e.IsLabelEdit() {
		return labelCommand(e)
	}
	c := command{docID: e.DocumentID, spanID: e.SpanID}
	sp := e.After
	if sp == nil {
		sp = e.Before
	}
	switch e.Action {
	case annotate.ActionAddSpan:
		c.name = "add span"
	case annotate.ActionDeleteSpan:
		c.name = "delete span"
	case annotate.ActionAddRelation, annotate.ActionDeleteRelation:
		c.name = map[string]string{annotate.ActionAddRelation: "add relation", annotate.ActionDeleteRelation: "delete relation"}[e.Action]
		return c
	case annotate.ActionAddSpans, annotate.ActionDeleteSpans, annotate.ActionRelabelSpans:
		verb := map[string]string{annotate.ActionAddSpans: "add ", annotate.ActionDeleteSpans: "delete ", annotate.ActionRelabelSpans: "relabel "}[e.Action]
		c.name = verb + plural(len(e.Spans), "span")
		return c
	default:
		c.name = "edit span"
		if e.Before != nil && e.After != nil {
			switch {
			case e.Before.LabelID != e.After.LabelID:
				c.name = "relabel span"
			case e.Before.Note != e.After.Note:
				c.name = "edit note"
			case e.Before.Start != e.After.Start || e.Before.End != e.After.End:
				c.name = "resize span"
			}
		}
	}
	if sp != nil {
		c.name += fmt.Sprintf(" [%d, %d)", sp.Start, sp.End)
	}
	return c
}

// labelCommand names a logged label edit: 'delete label "actor"',
// 'rename label "actor" to "agent"', 'recolour label "actor"'.
func labelCommand(e *annotate.Event) command {
	c := command{labels: true, name: "edit label"}
	b, a := e.LabelBefore, e.LabelAfter
	switch {
	case b == nil:
	case e.Action == annotate.ActionDeleteLabel:
		c.name = fmt.Sprintf("delete label %q", b.Name)
	case a == nil:
		c.name = fmt.Sprintf("edit label %q", b.Name)
	case a.Name != b.Name:
		c.name = fmt.Sprintf("rename label %q to %q", b.Name, a.Name)
	case a.Color != b.Color:
		c.name = fmt.Sprintf("recolour label %q", a.Name)
	case a.Hotkey != b.Hotkey:
		c.name = fmt.Sprintf("change hotkey of %q", a.Name)
	default:
		c.name = fmt.Sprintf("edit label %q", a.Name)
	}
	return c
}
