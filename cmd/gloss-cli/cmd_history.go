package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"gloss/annotate"
	"gloss/annotate/unitext"
)

func init() {
	register("history", "show the edit log: who did what, when", cmdHistory)
	register("undo", "undo your last span edit (also after a restart)", cmdUndo)
	register("redo", "redo the span edit you last undid", cmdRedo)
}

// historyRow is one line of history --json.
type historyRow struct {
	Seq       int64          `json:"seq"`
	At        time.Time      `json:"at"`
	Annotator string         `json:"annotator"`
	Action    string         `json:"action"`
	Document  string         `json:"document,omitempty"`
	Before    *annotate.Span `json:"before,omitempty"`
	After     *annotate.Span `json:"after,omitempty"`
	Detail    string         `json:"detail,omitempty"`
	Undone    bool           `json:"undone,omitempty"`
	Ref       int64          `json:"ref,omitempty"`
}

func cmdHistory(e *env, args []string) error {
	fs := newFlags(e, "history", "[--limit N] [--json] PROJECT",
		"Print the project's edit log, newest first: number, time (UTC), annotator, action, what.\n"+
			"Span edits show label, offsets and text; (undone) marks edits that are currently undone.")
	limit := fs.Int("limit", 0, "only the newest N entries (0: all)")
	asJSON := fs.Bool("json", false, "one JSON object per entry")
	pos, err := parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	return withAnyProject(pos[0], existing, func(p annotate.Project) error {
		h, err := historian(p)
		if err != nil {
			return err
		}
		events, err := h.History(*limit)
		if err != nil {
			return err
		}
		d := newDescriber(p)
		enc := json.NewEncoder(e.stdout)
		for _, ev := range events {
			if *asJSON {
				row := historyRow{ev.Seq, ev.At, ev.Annotator, ev.Action, d.title(ev.DocumentID), ev.Before, ev.After, ev.Detail, ev.Undone, ev.Ref}
				if err := enc.Encode(row); err != nil {
					return err
				}
				continue
			}
			fmt.Fprintf(e.stdout, "%d\t%s\t%s\t%s\t%s\n", ev.Seq, ev.At.Format("2006-01-02 15:04:05"), ev.Annotator, ev.Action, d.event(&ev))
		}
		return nil
	})
}

func cmdUndo(e *env, args []string) error { return undoRedo(e, args, "undo") }

func cmdRedo(e *env, args []string) error { return undoRedo(e, args, "redo") }

func undoRedo(e *env, args []string, what string) error {
	fs := newFlags(e, what, "PROJECT", map[string]string{
		"undo": "Undo your most recent span edit (add, change or delete) that is not undone yet, even one\nmade before Gloss was restarted. You are --annotator, else $GLOSS_ANNOTATOR, else the OS user name.",
		"redo": "Redo the span edit you undid last. A new edit after an undo clears what can be redone.",
	}[what])
	ann := annotatorFlag(fs)
	pos, err := parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	return withAnyProject(pos[0], asAnnotator(existing, *ann), func(p annotate.Project) error {
		h, err := historian(p)
		if err != nil {
			return err
		}
		var ev *annotate.Event
		if what == "undo" {
			ev, err = h.Undo()
		} else {
			ev, err = h.Redo()
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s: %s %s\n", map[string]string{"undo": "undid", "redo": "redid"}[what], ev.Action, newDescriber(p).event(ev))
		return nil
	})
}

// describer renders events with label names, span text and document titles.
type describer struct {
	p      annotate.Project
	labels map[string]string
	docs   map[string]*annotate.Document
}

func newDescriber(p annotate.Project) *describer {
	d := &describer{p: p, labels: map[string]string{}, docs: map[string]*annotate.Document{}}
	if labels, err := p.Labels(); err == nil {
		for _, l := range labels {
			d.labels[l.ID] = l.Name
		}
	}
	return d
}

func (d *describer) doc(id string) *annotate.Document {
	if id == "" {
		return nil
	}
	if doc, ok := d.docs[id]; ok {
		return doc
	}
	doc, _ := d.p.Document(id) // nil once the document is deleted
	d.docs[id] = doc
	return doc
}

func (d *describer) title(id string) string {
	if doc := d.doc(id); doc != nil {
		return doc.Title
	}
	return id
}

func (d *describer) span(sp *annotate.Span) string {
	name := d.labels[sp.LabelID]
	if name == "" {
		name = sp.LabelID
	}
	s := fmt.Sprintf("%s [%d, %d)", name, sp.Start, sp.End)
	if doc := d.doc(sp.DocumentID); doc != nil {
		off := unitext.NewOffsets(doc.Text)
		if sp.End <= off.Len() {
			s += fmt.Sprintf(" %q", off.Slice(sp.Start, sp.End))
		}
	}
	return s
}

// event says what an event did, on one line.
func (d *describer) event(ev *annotate.Event) string {
	var s string
	switch {
	case ev.Before != nil && ev.After != nil:
		s = d.span(ev.Before) + " → " + d.span(ev.After)
		if ev.After.Note != ev.Before.Note {
			s += fmt.Sprintf(" note %q", ev.After.Note)
		}
	case ev.After != nil:
		s = d.span(ev.After)
	case ev.Before != nil:
		s = d.span(ev.Before)
	default:
		s = ev.Detail
	}
	if ev.DocumentID != "" {
		s += " in " + d.title(ev.DocumentID)
	}
	if ev.Ref != 0 {
		s += fmt.Sprintf(" (of #%d)", ev.Ref)
	}
	if ev.Undone {
		s += " (undone)"
	}
	return strings.NewReplacer("\n", "\\n", "\t", "\\t").Replace(s)
}
