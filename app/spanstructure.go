package app

import (
	"fmt"
	"slices"
	"sort"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gloss/annotate"
)

// noValue is the choice that clears a choice attribute.
const noValue = "—"

// spanStructure is the part of the Selected span panel below the note:
// the span's relations (type, direction, the other span's text: click to
// jump, a button to delete) and its attributes, one widget per kind
// (checkbox, choice, text), saved as they change.
type spanStructure struct {
	rels    *fyne.Container
	attrs   *fyne.Container
	content *fyne.Container
	timer   *time.Timer // a text attribute waiting for a pause in typing
	shown   string      // what the panel shows (span, attributes, relations), to skip rebuilding it

	onJump   func(sp *annotate.Span)
	onDelete func(r *annotate.Relation)
	onAttr   func(spanID, name, value string)
}

func newSpanStructure() *spanStructure {
	p := &spanStructure{rels: container.NewVBox(), attrs: container.NewVBox()}
	p.content = container.NewVBox(p.rels, p.attrs)
	p.content.Hide()
	return p
}

// show fills the panel for sp (nil hides it).
func (p *spanStructure) show(sp *annotate.Span, s *session, rels []*annotate.Relation, sc *annotate.Schema,
	relType func(string) *annotate.RelationType, readOnly bool) {
	key := structureKey(sp, rels, sc, readOnly)
	if key == p.shown {
		return // keep the widgets, and the focus of one being typed in
	}
	p.shown = key
	if p.timer != nil {
		p.timer.Stop()
		p.timer = nil
	}
	p.rels.RemoveAll()
	p.attrs.RemoveAll()
	if sp == nil || sc == nil {
		p.content.Hide()
		return
	}
	p.content.Show()
	var mine []*annotate.Relation
	for _, r := range rels {
		if r.From == sp.ID || r.To == sp.ID {
			mine = append(mine, r)
		}
	}
	if len(mine) > 0 {
		p.rels.Add(heading("Relations"))
	}
	for _, r := range mine {
		p.rels.Add(p.relationRow(r, sp, s, relType(r.TypeID), readOnly))
	}
	label := s.labelName(sp.LabelID)
	var defs []*annotate.AttributeDef
	for _, d := range sc.AttributeDefs {
		if d.AppliesTo(label) && annotate.FindAttributeDef(sc.AttributeDefs, label, d.Name) == d {
			defs = append(defs, d)
		}
	}
	for name := range sp.Attributes { // values without a definition: free text
		if !slices.ContainsFunc(defs, func(d *annotate.AttributeDef) bool { return d.Name == name }) {
			defs = append(defs, &annotate.AttributeDef{Name: name, Kind: annotate.AttrText})
		}
	}
	sort.SliceStable(defs, func(i, j int) bool { return defs[i].Name < defs[j].Name })
	if len(defs) > 0 {
		p.attrs.Add(heading("Attributes"))
	}
	form := container.New(layout.NewFormLayout())
	for _, d := range defs {
		w := p.attrWidget(sp.ID, d, sp.Attributes[d.Name], readOnly)
		if d.Kind == annotate.AttrBool {
			form.Add(layout.NewSpacer())
		} else {
			form.Add(widget.NewLabel(d.Name))
		}
		form.Add(w)
	}
	p.attrs.Add(form)
}

// heading is a bold section title.
func heading(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// relationRow shows one relation of sp: its type with an arrow, the other
// span as a button that jumps to it, and a delete button.
func (p *spanStructure) relationRow(r *annotate.Relation, sp *annotate.Span, s *session, t *annotate.RelationType, readOnly bool) fyne.CanvasObject {
	otherID, arrow := r.To, "→ "
	if r.To == sp.ID && r.From != sp.ID {
		otherID, arrow = r.From, "← "
	}
	if !t.Directed {
		arrow = "— "
	}
	kind := widget.NewLabel(arrow + t.Name)
	other := s.span(otherID)
	text := "(a span not shown)"
	if other != nil {
		text = describeRelSpan(s, other)
	}
	jump := widget.NewButton(text, func() {
		if other != nil && p.onJump != nil {
			p.onJump(other)
		}
	})
	jump.Alignment = widget.ButtonAlignLeading
	jump.Importance = widget.LowImportance
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		if p.onDelete != nil {
			p.onDelete(r)
		}
	})
	del.Importance = widget.LowImportance
	if readOnly {
		del.Disable()
	}
	return container.NewBorder(nil, nil, kind, del, jump)
}

// attrWidget is the widget for one attribute: a checkbox, a choice or an
// entry, saving each change through onAttr.
func (p *spanStructure) attrWidget(spanID string, d *annotate.AttributeDef, value string, readOnly bool) fyne.CanvasObject {
	set := func(v string) {
		if p.onAttr != nil {
			p.onAttr(spanID, d.Name, v)
		}
	}
	var w fyne.Disableable
	var o fyne.CanvasObject
	switch d.Kind {
	case annotate.AttrBool:
		c := widget.NewCheck(d.Name, nil)
		c.SetChecked(value == annotate.AttrTrue)
		c.OnChanged = func(on bool) {
			if on {
				set(annotate.AttrTrue)
			} else {
				set("")
			}
		}
		w, o = c, c
	case annotate.AttrChoice:
		sel := widget.NewSelect(append([]string{noValue}, d.Values...), nil)
		if value != "" {
			sel.SetSelected(value)
		}
		sel.OnChanged = func(v string) {
			if v == noValue {
				v = ""
			}
			set(v)
		}
		w, o = sel, sel
	default:
		e := widget.NewEntry()
		e.SetText(value)
		e.OnChanged = func(v string) {
			if p.timer != nil {
				p.timer.Stop()
			}
			p.timer = time.AfterFunc(noteSaveDelay, func() { fyne.Do(func() { set(v) }) })
		}
		e.OnSubmitted = func(v string) {
			if p.timer != nil {
				p.timer.Stop()
				p.timer = nil
			}
			set(v)
		}
		w, o = e, e
	}
	if readOnly {
		w.Disable()
	}
	return o
}

// structureKey sums up what show would display.
func structureKey(sp *annotate.Span, rels []*annotate.Relation, sc *annotate.Schema, readOnly bool) string {
	if sp == nil || sc == nil {
		return ""
	}
	key := fmt.Sprint(sp.ID, sp.LabelID, sp.Attributes, len(sc.AttributeDefs), len(sc.RelationTypes), readOnly)
	for _, r := range rels {
		if r.From == sp.ID || r.To == sp.ID {
			key += "|" + r.ID
		}
	}
	return key
}
