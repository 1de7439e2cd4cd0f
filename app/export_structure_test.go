package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// RelationPalette returns the titles the relation type palette offers
// (nil when none was opened) and a func that types into its filter and
// presses Enter.
func (g *Probe) RelationPalette() (titles []string, pick func(typed string)) {
	p := g.rels.pal
	if p == nil || !p.pop.Visible() {
		return nil, nil
	}
	for _, m := range p.matches {
		titles = append(titles, p.items[m.index].title)
	}
	return titles, func(typed string) {
		test.Type(p.entry, typed)
		p.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	}
}

// SpanRelationRows returns the span panel's relation rows as text (kind,
// other span) and their jump and delete buttons.
func (g *Probe) SpanRelationRows() (rows []string, jump, del []*widget.Button) {
	for _, o := range g.rels.panel.rels.Objects {
		c, ok := o.(*fyne.Container)
		if !ok {
			continue
		}
		b := c.Objects[0].(*widget.Button)
		rows = append(rows, c.Objects[1].(*widget.Label).Text+" "+b.Text)
		jump = append(jump, b)
		del = append(del, c.Objects[2].(*widget.Button))
	}
	return rows, jump, del
}

// SpanAttributeWidgets returns the span panel's attribute widgets in order.
func (g *Probe) SpanAttributeWidgets() []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, o := range g.rels.panel.attrs.Objects {
		if c, ok := o.(*fyne.Container); ok {
			for i := 1; i < len(c.Objects); i += 2 {
				out = append(out, c.Objects[i])
			}
		}
	}
	return out
}

// DocInfo returns the Document tab's widgets: the category set widgets and
// the metadata rows' entries, and the new key and value fields.
func (g *Probe) DocInfo() (sets []fyne.CanvasObject, values []*widget.Entry, newKey, newVal *widget.Entry) {
	for i, o := range g.docInfo.sets.Objects {
		if i%2 == 1 {
			sets = append(sets, o)
		}
	}
	for i, o := range g.docInfo.meta.Objects {
		if i%2 == 1 {
			values = append(values, o.(*fyne.Container).Objects[0].(*widget.Entry))
		}
	}
	return sets, values, g.docInfo.newKey, g.docInfo.newVal
}

// RefreshStructure rereads the schema, the relations and the Document tab.
func (g *Probe) RefreshStructure() { g.structureShown() }
