package app_test

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"gloss/annotate"
	"gloss/app"
	"gloss/store"
)

// structureGloss is the sample project with two actor spans (Russia,
// China), a claim span ("Consequently") and relation types: says (actor ->
// claim), allies (actor - actor, undirected), holds (actor -> prediction).
func structureGloss(t *testing.T) (*app.Probe, *store.Store, [3]*annotate.Span) {
	t.Helper()
	g, s := newGloss(t)
	doc := g.Document()
	actor, claim := label(t, s, "actor"), label(t, s, "claim")
	var sp [3]*annotate.Span
	for i, x := range []struct {
		start, end int
		l          *annotate.Label
	}{{0, 6, actor}, {7, 12, actor}, {wordStart, wordEnd, claim}} {
		sp[i] = annotate.NewSpan(doc.ID, x.start, x.end, x.l.ID)
		if err := s.AddSpan(sp[i]); err != nil {
			t.Fatal(err)
		}
	}
	for _, rt := range []*annotate.RelationType{
		{ID: "says", Name: "says", Directed: true, FromLabels: []string{"actor"}, ToLabels: []string{"claim"}},
		{ID: "allies", Name: "allies", FromLabels: []string{"actor"}, ToLabels: []string{"actor"}},
		{ID: "holds", Name: "holds", Directed: true, FromLabels: []string{"actor"}, ToLabels: []string{"prediction"}},
	} {
		if err := s.AddRelationType(rt); err != nil {
			t.Fatal(err)
		}
	}
	g.MenuAction("View", "Reload")()
	return g, s, sp
}

func relationsOf(t *testing.T, s *store.Store, docID string) []*annotate.Relation {
	t.Helper()
	rs, err := s.Relations(docID)
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

// TestRelationFromKeyboard: select Russia, R, Tab to China, Enter: the
// palette offers only "allies" (actor to actor); picking it stores the
// relation, the view draws it, the span panel lists it; Ctrl+Z removes it.
func TestRelationFromKeyboard(t *testing.T) {
	g, s, sp := structureGloss(t)
	v := g.View()
	tapText(g, 2)
	if g.SelectedSpan() != sp[0].ID {
		t.Fatalf("selected %q, want Russia", g.SelectedSpan())
	}
	v.TypedRune('r')
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	if g.SelectedSpan() != sp[1].ID {
		t.Fatalf("Tab selected %q, want China", g.SelectedSpan())
	}
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	titles, pick := g.RelationPalette()
	if !slices.Equal(titles, []string{"allies"}) {
		t.Fatalf("palette offers %v, want [allies]", titles)
	}
	pick("all")
	rs := relationsOf(t, s, g.Document().ID)
	if len(rs) != 1 || rs[0].TypeID != "allies" || rs[0].From != sp[0].ID || rs[0].To != sp[1].ID {
		t.Fatalf("relations %+v, want allies Russia -> China", rs)
	}
	if got := v.Relations(); len(got) != 1 || got[0].Name != "allies" {
		t.Fatalf("view draws %+v", got)
	}
	tapText(g, 2)
	rows, _, _ := g.SpanRelationRows()
	if len(rows) != 1 || rows[0] != "— allies actor “China”" {
		t.Fatalf("span panel rows %q", rows)
	}
	g.MenuAction("Edit", "Undo")()
	if rs := relationsOf(t, s, g.Document().ID); len(rs) != 0 {
		t.Fatalf("after undo: %d relations", len(rs))
	}
	if len(v.Relations()) != 0 {
		t.Error("the view still draws the undone relation")
	}
}

// TestRelationAltDragOffersAllowedTypes: an Alt drag from an actor to the
// claim offers "says" only; Escape after R makes nothing.
func TestRelationAltDragOffersAllowedTypes(t *testing.T) {
	g, s, sp := structureGloss(t)
	v := g.View()
	v.OnLinkDragged(sp[1].ID, sp[2].ID)
	titles, pick := g.RelationPalette()
	if !slices.Equal(titles, []string{"says"}) {
		t.Fatalf("palette offers %v, want [says]", titles)
	}
	pick("")
	rs := relationsOf(t, s, g.Document().ID)
	if len(rs) != 1 || rs[0].TypeID != "says" {
		t.Fatalf("relations %+v", rs)
	}

	tapText(g, 2)
	v.TypedRune('r')
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	tapText(g, 8)
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if n := len(relationsOf(t, s, g.Document().ID)); n != 1 {
		t.Fatalf("%d relations after a cancelled R", n)
	}
}

// TestSpanPanelRelationJumpAndDelete: the panel's row jumps to the other
// span and its delete button removes the relation; deleting a span takes
// its relations and one undo brings both back.
func TestSpanPanelRelationJumpAndDelete(t *testing.T) {
	g, s, sp := structureGloss(t)
	for _, to := range []string{sp[1].ID, sp[2].ID} {
		typ := "allies"
		if to == sp[2].ID {
			typ = "says"
		}
		if err := s.AddRelation(annotate.NewRelation(g.Document().ID, typ, sp[0].ID, to)); err != nil {
			t.Fatal(err)
		}
	}
	g.MenuAction("View", "Reload")()
	tapText(g, 2)
	rows, jump, _ := g.SpanRelationRows()
	if len(rows) != 2 {
		t.Fatalf("rows %q", rows)
	}
	test.Tap(jump[1])
	if g.SelectedSpan() != sp[2].ID {
		t.Fatalf("jump selected %q, want the claim", g.SelectedSpan())
	}
	tapText(g, 2)
	_, _, del := g.SpanRelationRows()
	test.Tap(del[0])
	if n := len(relationsOf(t, s, g.Document().ID)); n != 1 {
		t.Fatalf("%d relations after delete, want 1", n)
	}
	g.DeleteSpan(sp[0].ID)
	if n := len(relationsOf(t, s, g.Document().ID)); n != 0 {
		t.Fatalf("%d relations after deleting their span", n)
	}
	g.MenuAction("Edit", "Undo")()
	if n := len(relationsOf(t, s, g.Document().ID)); n != 1 {
		t.Fatalf("%d relations after undoing the span delete, want 1", n)
	}
}

// TestSpanAttributesWidgets: a bool, a choice and a text attribute of
// actor show as a checkbox, a select and an entry; each change is saved
// and undoable.
func TestSpanAttributesWidgets(t *testing.T) {
	g, s, sp := structureGloss(t)
	for _, d := range []*annotate.AttributeDef{
		{ID: "a1", Label: "actor", Name: "Negation", Kind: annotate.AttrBool},
		{ID: "a2", Label: "actor", Name: "certainty", Kind: annotate.AttrChoice, Values: []string{"low", "high"}},
		{ID: "a3", Name: "comment", Kind: annotate.AttrText},
		{ID: "a4", Label: "claim", Name: "hedged", Kind: annotate.AttrBool},
	} {
		if err := s.AddAttributeDef(d); err != nil {
			t.Fatal(err)
		}
	}
	g.MenuAction("View", "Reload")()
	tapText(g, 2)
	ws := g.SpanAttributeWidgets()
	if len(ws) != 3 {
		t.Fatalf("%d attribute widgets for an actor, want 3 (not claim's hedged)", len(ws))
	}
	if _, ok := ws[1].(*widget.Select); !ok {
		t.Fatalf("certainty is a %T, want a select", ws[1])
	}
	ws[0].(*widget.Check).SetChecked(true)
	attrs := func() map[string]string {
		x, err := s.Span(sp[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		return x.Attributes
	}
	if attrs()["Negation"] != annotate.AttrTrue {
		t.Fatalf("after the check: %v", attrs())
	}
	g.SpanAttributeWidgets()[1].(*widget.Select).SetSelected("high")
	if attrs()["certainty"] != "high" {
		t.Fatalf("after the choice: %v", attrs())
	}
	e := g.SpanAttributeWidgets()[2].(*widget.Entry)
	e.SetText("quoted")
	e.OnSubmitted(e.Text)
	if attrs()["comment"] != "quoted" {
		t.Fatalf("after the entry: %v", attrs())
	}
	g.MenuAction("Edit", "Undo")()
	if a := attrs(); a["comment"] != "" || a["certainty"] != "high" {
		t.Fatalf("undo took back %v, want only the comment gone", a)
	}
}

// TestDocumentTab: a single-choice set shows as radios, a multi-choice one
// as checks; choosing saves the categories; metadata added in the tab is
// saved in the project.
func TestDocumentTab(t *testing.T) {
	g, s, _ := structureGloss(t)
	for _, c := range []*annotate.CategorySet{
		{ID: "c1", Name: "stance", Values: []string{"pro", "contra"}},
		{ID: "c2", Name: "topic", Multi: true, Values: []string{"trade", "security"}},
	} {
		if err := s.AddCategorySet(c); err != nil {
			t.Fatal(err)
		}
	}
	g.RefreshStructure()
	sets, _, key, val := g.DocInfo()
	if len(sets) != 2 {
		t.Fatalf("%d set widgets", len(sets))
	}
	sets[0].(*widget.RadioGroup).SetSelected("contra")
	sets[1].(*widget.CheckGroup).SetSelected([]string{"trade", "security"})
	d, err := s.Document(g.Document().ID)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(d.Categories["stance"], []string{"contra"}) || len(d.Categories["topic"]) != 2 {
		t.Fatalf("categories %v", d.Categories)
	}
	key.SetText("source")
	val.SetText("Reuters")
	val.OnSubmitted(val.Text)
	if d, _ = s.Document(g.Document().ID); d.Metadata["source"] != "Reuters" {
		t.Fatalf("metadata %v", d.Metadata)
	}
	_, values, _, _ := g.DocInfo()
	if !slices.ContainsFunc(values, func(e *widget.Entry) bool { return e.Text == "Reuters" }) || len(values) != len(d.Metadata) {
		t.Fatalf("tab shows %d values for %v", len(values), d.Metadata)
	}
}
