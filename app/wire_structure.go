package app

// wireStructure connects the relations, the span's attributes and the
// Document tab (issue 12) to the other areas. It runs at the end of wire
// and wraps handlers wire set.
func (g *Gloss) wireStructure() {
	v, r := g.text.view, g.rels
	r.run = g.spans.run
	r.selected = func() string { return g.spans.selected }
	r.message = g.status.message
	r.focus = g.text.focus
	r.panel.onJump = g.spans.jumpTo
	g.schema.onChange = g.structureShown
	r.panel.onAttr = func(spanID, name, value string) {
		st := r.structure()
		sp := g.s.span(spanID)
		if st == nil || sp == nil {
			return
		}
		what := "set " + name
		if value == "" {
			what = "clear " + name
		}
		g.spans.run(command{name: what, do: func() error { return st.SetSpanAttribute(spanID, name, value) },
			docID: sp.DocumentID, spanID: spanID})
	}

	onRune := g.keys.onRune
	g.keys.onRune = func(ch rune) {
		if (ch == 'r' || ch == 'R') && g.s.hotkeyLabel(ch) == nil {
			r.start()
			return
		}
		onRune(ch)
	}
	onEscape := g.keys.onEscape
	g.keys.onEscape = func() {
		if r.linking() {
			r.cancel()
			return
		}
		onEscape()
	}
	g.keys.onEnter = func() {
		if r.linking() {
			r.confirm()
		}
	}
	selChanged := v.OnSelectionChanged
	v.OnSelectionChanged = func(start, end int) {
		selChanged(start, end)
		r.showSpan()
	}
	onEdited := g.spans.onEdited
	g.spans.onEdited = func() {
		onEdited()
		r.reload()
	}
}

// structureShown shows the relations and the Document tab of the document
// now shown.
func (g *Gloss) structureShown() {
	g.rels.linkFrom = ""
	g.text.view.TabWalksSpans = false
	g.rels.reload()
	g.docInfo.show()
}

// structureActions are the menu items of relations and attributes.
func (g *Gloss) structureActions(a *menuActions) {
	a.newRelation = g.rels.start
	a.editSchema = func() { g.schema.show() }
	a.toggleRelations = g.rels.toggleAll
	a.relationsOn = g.text.view.AllRelationsShown
}
