package app

import (
	"fmt"
	"strings"

	"gloss/annotate"
)

// This file holds the label schema operations behind the label editor. Each
// goes straight to the project and then reloads the labels everywhere.

// nextColor picks the first palette colour no label uses yet.
func nextColor(labels []*annotate.Label) string {
	used := map[string]bool{}
	for _, l := range labels {
		used[strings.ToUpper(l.Color)] = true
	}
	for _, c := range annotate.Palette {
		if !used[strings.ToUpper(c)] {
			return c
		}
	}
	return annotate.Palette[len(labels)%len(annotate.Palette)]
}

// nextHotkey picks the first digit 1-9 no label uses yet, or "".
func nextHotkey(labels []*annotate.Label) string {
	used := map[string]bool{}
	for _, l := range labels {
		used[strings.ToLower(l.Hotkey)] = true
	}
	for c := '1'; c <= '9'; c++ {
		if !used[string(c)] {
			return string(c)
		}
	}
	return ""
}

// uniqueLabelName returns base, or base 2, base 3… if taken.
func uniqueLabelName(labels []*annotate.Label, base string) string {
	taken := map[string]bool{}
	for _, l := range labels {
		taken[strings.ToLower(l.Name)] = true
	}
	name := base
	for i := 2; taken[strings.ToLower(name)]; i++ {
		name = fmt.Sprintf("%s %d", base, i)
	}
	return name
}

// addLabel appends a new label with the next free colour and hotkey.
func (g *Gloss) addLabel(name string) (*annotate.Label, error) {
	if g.p.ReadOnly() {
		return nil, annotate.Errorf(annotate.EINVALID, "this project is read-only")
	}
	l := annotate.NewLabel(strings.TrimSpace(name), nextColor(g.labels), nextHotkey(g.labels), "")
	if err := g.p.AddLabel(l); err != nil {
		return nil, err
	}
	g.reloadLabels()
	return l, nil
}

// saveLabel stores a label's name, colour, hotkey and description.
func (g *Gloss) saveLabel(l *annotate.Label) error {
	if g.p.ReadOnly() {
		return annotate.Errorf(annotate.EINVALID, "this project is read-only")
	}
	c := *l
	c.Name = strings.TrimSpace(c.Name)
	if err := g.p.UpdateLabel(&c); err != nil {
		return err
	}
	g.reloadLabels()
	g.reloadSpans()
	return nil
}

// moveLabel moves a label up (-1) or down (1) in the display order.
func (g *Gloss) moveLabel(id string, delta int) error {
	ids := make([]string, len(g.labels))
	at := -1
	for i, l := range g.labels {
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
	if err := g.p.ReorderLabels(ids); err != nil {
		return err
	}
	g.reloadLabels()
	return nil
}

// labelUse counts the spans carrying the label with this ID, in the whole project.
func (g *Gloss) labelUse(id string) (int, error) {
	l := g.label(id)
	if l == nil {
		return 0, nil
	}
	st, err := g.p.Stats()
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

// removeLabel deletes a label. Its spans move to the label moveTo or, with
// moveTo empty, are deleted with it.
func (g *Gloss) removeLabel(id, moveTo string) error {
	if g.p.ReadOnly() {
		return annotate.Errorf(annotate.EINVALID, "this project is read-only")
	}
	if moveTo == "" {
		if err := g.deleteSpansWithLabel(id); err != nil {
			return err
		}
	}
	if err := g.p.DeleteLabel(id, moveTo); err != nil {
		return err
	}
	g.menu.refreshEdit()
	g.reloadLabels()
	g.reloadDocs()
	g.reloadSpans()
	g.selectSpan(g.selected)
	return nil
}

func (g *Gloss) deleteSpansWithLabel(id string) error {
	docs, err := g.p.Documents()
	if err != nil {
		return err
	}
	for _, d := range docs {
		if d.SpanCount == 0 {
			continue
		}
		spans, err := g.p.Spans(d.ID)
		if err != nil {
			return err
		}
		for _, sp := range spans {
			if sp.LabelID == id {
				if err := g.p.DeleteSpan(sp.ID); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
