package app

import "gloss/annotate"

// command is one undoable edit: how to do it, how to undo it, and where in
// the project it happened so the window can show the result.
type command struct {
	name   string // shown in the Edit menu and the status bar, e.g. "add actor span"
	do     func() error
	undo   func() error
	docID  string // the document the edit touched
	spanID string // the span to select afterwards ("" for none)
	// merge, when not empty, lets a following command with the same key
	// replace this one's do while keeping its undo: typing a note is one step.
	merge string
}

// undoStack records edits for undo and redo. A project that keeps its own
// edit log (annotate.Historian, as the project file does) gets a
// projectHistory, which survives a restart; any other a session history.
type undoStack interface {
	run(c command) error                   // do c and record it
	undo() (c command, ok bool, err error) // ok is false when there is nothing to undo
	redo() (c command, ok bool, err error) // ok is false when there is nothing to redo
	names() (undo, redo string, canUndo, canRedo bool)
	clear()    // forget what the session recorded
	endMerge() // the next command starts a new undo step
}

// newUndoStack returns the undo stack for project p.
func newUndoStack(p Project) undoStack {
	if h, ok := p.(annotate.Historian); ok {
		return &projectHistory{h: h}
	}
	return newHistory()
}

// history is an undo and redo stack over Project calls kept in memory:
// another session starts with an empty history.
type history struct {
	done, undone []command
	limit        int
}

func newHistory() *history { return &history{limit: 500} }

// run does c and records it; a failed command is not recorded.
func (h *history) run(c command) error {
	if err := c.do(); err != nil {
		return err
	}
	h.undone = nil
	if n := len(h.done); c.merge != "" && n > 0 && h.done[n-1].merge == c.merge {
		c.undo = h.done[n-1].undo
		h.done[n-1] = c
		return nil
	}
	h.done = append(h.done, c)
	if len(h.done) > h.limit {
		h.done = append([]command(nil), h.done[len(h.done)-h.limit:]...)
	}
	return nil
}

// undo reverts the latest command. ok is false when there is nothing to undo.
func (h *history) undo() (c command, ok bool, err error) {
	n := len(h.done)
	if n == 0 {
		return command{}, false, nil
	}
	c = h.done[n-1]
	if err := c.undo(); err != nil {
		return c, true, err
	}
	h.done = h.done[:n-1]
	c.merge = ""
	h.undone = append(h.undone, c)
	return c, true, nil
}

// redo repeats the latest undone command.
func (h *history) redo() (c command, ok bool, err error) {
	n := len(h.undone)
	if n == 0 {
		return command{}, false, nil
	}
	c = h.undone[n-1]
	if err := c.do(); err != nil {
		return c, true, err
	}
	h.undone = h.undone[:n-1]
	h.done = append(h.done, c)
	return c, true, nil
}

// endMerge stops the latest command from absorbing the next one, so that a
// new editing session on the same note is a separate undo step.
func (h *history) endMerge() {
	if n := len(h.done); n > 0 {
		h.done[n-1].merge = ""
	}
}

// clear forgets everything, e.g. when another project is opened.
func (h *history) clear() { h.done, h.undone = nil, nil }

func (h *history) canUndo() bool { return len(h.done) > 0 }
func (h *history) canRedo() bool { return len(h.undone) > 0 }

// names returns the names of the commands undo and redo would act on.
func (h *history) names() (undo, redo string, canUndo, canRedo bool) {
	if n := len(h.done); n > 0 {
		undo = h.done[n-1].name
	}
	if n := len(h.undone); n > 0 {
		redo = h.undone[n-1].name
	}
	return undo, redo, h.canUndo(), h.canRedo()
}
