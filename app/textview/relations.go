package textview

import (
	"image/color"

	"fyne.io/fyne/v2"

	"gloss/annotate"
)

// Relation is a link between two spans, drawn as an arc above the text
// from the From span to the To span with the type's name on it.
type Relation struct {
	ID       string
	From, To string // span IDs
	Name     string // the relation type's name
	Color    string // #RRGGBB, or "" for the text colour
	Directed bool   // an arrowhead at To
}

// relations are the view's relations and which of them are drawn.
type relations struct {
	list     []Relation
	showAll  bool // every relation, not only the selected span's
	resolved bool // arcs matches list and the spans shown
	arcs     []arc
}

// arc is a relation with its spans looked up.
type arc struct {
	rel      *Relation
	from, to *annotate.Span
	color    color.NRGBA
	hasColor bool
}

// SetRelations replaces the relations drawn. The selected span's relations
// are drawn always, every relation when ShowAllRelations is on; relations
// whose spans are not shown are not drawn. While there are relations each
// line has a row above its text for the arcs, so setting the first one or
// clearing the last re-lays the text out (keeping the same text at the top).
func (v *TextView) SetRelations(rs []Relation) {
	hadRow := v.arcRow()
	v.rels.list = append(v.rels.list[:0], rs...)
	v.rels.resolved = false
	v.relayoutIf(hadRow != v.arcRow())
	v.Refresh()
}

// Relations returns the relations set with SetRelations.
func (v *TextView) Relations() []Relation { return v.rels.list }

// ShowAllRelations turns drawing every relation of the document on, or
// back to the selected span's only.
func (v *TextView) ShowAllRelations(on bool) {
	if on == v.rels.showAll {
		return
	}
	v.rels.showAll = on
	v.Refresh()
}

// AllRelationsShown reports whether every relation is drawn.
func (v *TextView) AllRelationsShown() bool { return v.rels.showAll }

// arcRow reports whether lines need the row for arcs.
func (v *TextView) arcRow() bool { return len(v.rels.list) > 0 }

// relayoutIf lays the text out again, keeping its top, when the metrics
// changed.
func (v *TextView) relayoutIf(changed bool) {
	if !changed || !v.layOK {
		return
	}
	top := v.topOffset()
	v.layOK = false
	if v.prepare() {
		v.scrollTopTo(top)
	}
}

// resolveArcs looks the relations' spans up once per change of relations
// or spans.
func (v *TextView) resolveArcs() []arc {
	rs := &v.rels
	if rs.resolved {
		return rs.arcs
	}
	rs.resolved = true
	rs.arcs = rs.arcs[:0]
	if len(rs.list) == 0 {
		return nil
	}
	byID := make(map[string]*annotate.Span, len(v.spans.sorted))
	for _, s := range v.spans.sorted {
		byID[s.ID] = s
	}
	for i := range rs.list {
		r := &rs.list[i]
		f, t := byID[r.From], byID[r.To]
		if f == nil || t == nil {
			continue
		}
		a := arc{rel: r, from: f, to: t}
		if r.Color != "" {
			a.color, a.hasColor = parseColor(r.Color), true
		}
		rs.arcs = append(rs.arcs, a)
	}
	return rs.arcs
}

// linkStart starts a link drag when Alt is held over a span and someone
// listens (OnLinkDragged).
func (v *TextView) linkStart(ev *fyneMouse) bool {
	if ev.mods&fyne.KeyModifierAlt == 0 || v.OnLinkDragged == nil {
		return false
	}
	spans := v.spansUnder(v.runeAt(ev.pos))
	if len(spans) == 0 {
		return false
	}
	v.mouse.link = spans[0].ID
	v.mouse.linkPos = ev.pos
	return true
}

// linkEnd finishes an Alt drag at the last pointer position.
func (v *TextView) linkEnd() {
	from := v.mouse.link
	v.mouse.link = ""
	if from == "" {
		return
	}
	spans := v.spansUnder(v.runeAt(v.mouse.linkPos))
	if len(spans) == 0 || spans[0].ID == from {
		return
	}
	v.OnLinkDragged(from, spans[0].ID)
}

// fyneMouse is what a link drag needs of a mouse event.
type fyneMouse struct {
	pos  fyne.Position
	mods fyne.KeyModifier
}
