package app

import (
	"strings"

	"gloss/annotate"
)

// This file holds the label schema operations of the labels area, which the
// label editor calls through labelSchema.

// add appends a new label with the next free colour and hotkey.
func (a *labelsArea) add(name string) (*annotate.Label, error) {
	if a.s.p.ReadOnly() {
		return nil, annotate.Errorf(annotate.EINVALID, "this project is read-only")
	}
	l := annotate.NewLabel(strings.TrimSpace(name), nextColor(a.s.labels), nextHotkey(a.s.labels), "")
	if err := a.s.p.AddLabel(l); err != nil {
		return nil, err
	}
	a.reload()
	return l, nil
}

// save stores a label's name, colour, hotkey and description.
func (a *labelsArea) save(l *annotate.Label) error {
	if a.s.p.ReadOnly() {
		return annotate.Errorf(annotate.EINVALID, "this project is read-only")
	}
	c := *l
	c.Name = strings.TrimSpace(c.Name)
	if err := a.s.p.UpdateLabel(&c); err != nil {
		return err
	}
	a.reload()
	a.onSaved()
	return nil
}

// move moves a label up (-1) or down (1) in the display order.
func (a *labelsArea) move(id string, delta int) error {
	ids := make([]string, len(a.s.labels))
	at := -1
	for i, l := range a.s.labels {
		ids[i] = l.ID
		if l.ID == id {
			at = i
		}
	}
	to := at + delta
	if at < 0 || to < 0 || to >= len(ids) {
		return nil
	}
	ids[at], ids[to] = ids[to], ids[at]
	if err := a.s.p.ReorderLabels(ids); err != nil {
		return err
	}
	a.reload()
	return nil
}

// use counts the spans carrying the label with this ID, in the whole project.
func (a *labelsArea) use(id string) (int, error) {
	l := a.s.label(id)
	if l == nil {
		return 0, nil
	}
	st, err := a.s.p.Stats()
	if err != nil {
		return 0, err
	}
	for _, c := range st.ByLabel {
		if c.Label == l.Name {
			return c.Count, nil
		}
	}
	return 0, nil
}

// remove deletes a label. Its spans move to the label moveTo or, with
// moveTo empty, are deleted with it.
func (a *labelsArea) remove(id, moveTo string) error {
	if a.s.p.ReadOnly() {
		return annotate.Errorf(annotate.EINVALID, "this project is read-only")
	}
	if moveTo == "" {
		if err := a.deleteSpansWithLabel(id); err != nil {
			return err
		}
	}
	if err := a.s.p.DeleteLabel(id, moveTo); err != nil {
		return err
	}
	a.onRemoved()
	return nil
}

func (a *labelsArea) deleteSpansWithLabel(id string) error {
	docs, err := a.s.p.Documents()
	if err != nil {
		return err
	}
	for _, d := range docs {
		if d.SpanCount == 0 {
			continue
		}
		spans, err := a.s.p.Spans(d.ID)
		if err != nil {
			return err
		}
		for _, sp := range spans {
			if sp.LabelID == id {
				if err := a.s.p.DeleteSpan(sp.ID); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
