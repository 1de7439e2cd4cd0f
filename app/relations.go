package app

import (
	"fmt"

	"fyne.io/fyne/v2"

	"gloss/annotate"
	"gloss/app/textview"
)

// prefShowAllRelations remembers View ▸ Show all relations.
const prefShowAllRelations = "showAllRelations"

// relationsArea is the shown document's relations: it draws them in the
// text view, creates them (R … Enter, or Alt+drag) with a palette of the
// types the two spans' labels allow, deletes them, and keeps the span
// panel's relations and attributes (spanStructure) up to date.
type relationsArea struct {
	s     *session
	win   fyne.Window
	view  *textview.TextView
	prefs fyne.Preferences
	panel *spanStructure

	schema   *annotate.Schema
	rels     []*annotate.Relation
	linkFrom string   // span a relation is being made from (after R), "" when none
	pal      *palette // the relation type palette last opened

	run      func(c command) error // do an undoable edit (spansArea.run)
	selected func() string         // the selected span
	message  func(string)          // a line in the status bar
	focus    func()                // focus the text
}

func newRelationsArea(s *session, win fyne.Window, view *textview.TextView, prefs fyne.Preferences) *relationsArea {
	a := &relationsArea{s: s, win: win, view: view, prefs: prefs, panel: newSpanStructure()}
	view.ShowAllRelations(prefs.Bool(prefShowAllRelations))
	view.OnLinkDragged = a.linked
	a.panel.onDelete = a.deleteRelation
	return a
}

// structure returns the project as an annotate.Structure, or nil.
func (a *relationsArea) structure() annotate.Structure {
	st, _ := a.s.p.(annotate.Structure)
	return st
}

// reload reads the schema and the shown document's relations again and
// shows them.
func (a *relationsArea) reload() {
	a.rels, a.schema = nil, &annotate.Schema{}
	st := a.structure()
	if st == nil {
		a.view.SetRelations(nil)
		return
	}
	if sc, err := st.Schema(); err == nil {
		a.schema = sc
	} else {
		fyne.LogError("read the schema", err)
	}
	if a.s.doc != nil {
		rs, err := st.Relations(a.s.doc.ID)
		if err != nil {
			showError(a.win, err)
		}
		a.rels = rs
	}
	out := make([]textview.Relation, 0, len(a.rels))
	for _, r := range a.rels {
		t := a.relType(r.TypeID)
		out = append(out, textview.Relation{ID: r.ID, From: r.From, To: r.To, Name: t.Name, Color: t.Color, Directed: t.Directed})
	}
	a.view.SetRelations(out)
	a.showSpan()
}

// relType returns the relation type with this ID (a stand-in when unknown).
func (a *relationsArea) relType(id string) *annotate.RelationType {
	for _, t := range a.schema.RelationTypes {
		if t.ID == id {
			return t
		}
	}
	return &annotate.RelationType{ID: id, Name: "?"}
}

// showSpan shows the selected span's relations and attributes.
func (a *relationsArea) showSpan() {
	sp := a.s.span(a.selected())
	a.panel.show(sp, a.s, a.rels, a.schema, a.relType, a.s.p == nil || a.s.p.ReadOnly())
}

// toggleAll turns View ▸ Show all relations on or off, and remembers it.
func (a *relationsArea) toggleAll() {
	on := !a.view.AllRelationsShown()
	a.view.ShowAllRelations(on)
	a.prefs.SetBool(prefShowAllRelations, on)
}

// start begins a relation from the selected span (the R key): the user
// then selects the target (click, Tab) and presses Enter.
func (a *relationsArea) start() {
	from := a.s.span(a.selected())
	switch {
	case from == nil:
		a.message("Select a span first, then press R to link it to another.")
		return
	case a.structure() == nil || a.s.p.ReadOnly():
		a.message("This project cannot hold relations.")
		return
	}
	a.linkFrom = from.ID
	a.view.TabWalksSpans = true
	a.message(fmt.Sprintf("Relation from %s: select the target span (click it, or Tab / Shift+Tab), then press Enter. Escape cancels.",
		describeRelSpan(a.s, from)))
}

// linking reports whether a relation is waiting for its target.
func (a *relationsArea) linking() bool { return a.linkFrom != "" }

// cancel stops making a relation.
func (a *relationsArea) cancel() {
	if a.linking() {
		a.linkFrom = ""
		a.view.TabWalksSpans = false
		a.message("No relation made.")
	}
}

// confirm takes the selected span as the target (Enter).
func (a *relationsArea) confirm() {
	from, to := a.linkFrom, a.selected()
	a.linkFrom = ""
	a.view.TabWalksSpans = false
	if to == "" || to == from {
		a.message("No relation made: select another span as its target.")
		return
	}
	a.linked(from, to)
}

// linked offers the relation types allowed between two spans (Alt+drag,
// or R … Enter) and makes the one picked.
func (a *relationsArea) linked(fromID, toID string) {
	from, to := a.s.span(fromID), a.s.span(toID)
	if from == nil || to == nil || a.structure() == nil || a.s.p.ReadOnly() {
		return
	}
	fl, tl := a.s.labelName(from.LabelID), a.s.labelName(to.LabelID)
	var types []*annotate.RelationType
	var items []paletteItem
	for _, t := range a.schema.RelationTypes {
		if t.Allows(fl, tl) {
			types = append(types, t)
			arrow := "—"
			if t.Directed {
				arrow = "→"
			}
			items = append(items, paletteItem{title: t.Name, detail: fl + " " + arrow + " " + tl, color: t.Color})
		}
	}
	if len(types) == 0 {
		a.message(fmt.Sprintf("No relation type links a %s span to a %s span: add one in Edit ▸ Relation types.", fl, tl))
		return
	}
	heading := fmt.Sprintf("Relation %s → %s", describeRelSpan(a.s, from), describeRelSpan(a.s, to))
	a.pal = showPalette(a.win.Canvas(), heading, "Relation type", items, func(i int) {
		a.create(from, to, types[i])
		a.focus()
	})
}

// create stores a relation of type t from one span to another, undoably.
func (a *relationsArea) create(from, to *annotate.Span, t *annotate.RelationType) {
	st := a.structure()
	r := annotate.NewRelation(from.DocumentID, t.ID, from.ID, to.ID)
	a.run(command{ // the edit's report (onEdited) redraws the relations
		name:   "add relation " + t.Name,
		do:     func() error { return st.AddRelation(r) },
		docID:  from.DocumentID,
		spanID: from.ID,
	})
}

// deleteRelation removes a relation, undoably.
func (a *relationsArea) deleteRelation(r *annotate.Relation) {
	st := a.structure()
	if st == nil || a.s.p.ReadOnly() {
		return
	}
	name := "delete relation " + a.relType(r.TypeID).Name
	a.run(command{name: name, do: func() error { return st.DeleteRelation(r.ID) }, docID: r.DocumentID, spanID: a.selected()})
}

// describeRelSpan names a span by its label and text: actor “China”.
func describeRelSpan(s *session, sp *annotate.Span) string {
	return s.labelName(sp.LabelID) + " " + quoteSpan(s.runes, sp.Start, min(sp.End, sp.Start+40))
}
