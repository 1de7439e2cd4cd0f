package app_test

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"gloss/annotate"
	"gloss/app"
)

func TestLabelEditor(t *testing.T) {
	g, s := newGloss(t)
	doc := g.Document()
	actor, claim := label(t, s, "actor"), label(t, s, "claim")
	for _, sp := range []*annotate.Span{
		annotate.NewSpan(doc.ID, 0, 6, actor.ID),
		annotate.NewSpan(doc.ID, wordStart, wordEnd, actor.ID),
		annotate.NewSpan(doc.ID, 0, 6, claim.ID),
	} {
		if err := s.AddSpan(sp); err != nil {
			t.Fatal(err)
		}
	}
	app.ReloadForTest(g)
	ed := g.OpenLabelEditor()

	// Add: a new label with the next free colour and hotkey.
	ed.Add()
	added, err := s.LabelByName("new label")
	if err != nil {
		t.Fatal(err)
	}
	if added.Hotkey != "4" || added.Color != annotate.Palette[3] {
		t.Errorf("new label has hotkey %q colour %q", added.Hotkey, added.Color)
	}
	// Rename and recolour it.
	name, hotkey, color := ed.Form()
	name.SetText("event")
	color.SetText(annotate.Palette[6])
	hotkey.SetSelected("e")
	ed.Save()
	l := label(t, s, "event")
	if l.ID != added.ID || l.Color != annotate.Palette[6] || l.Hotkey != "e" {
		t.Errorf("renamed label %+v", l)
	}
	// Move it to the top.
	for range 3 {
		ed.Move(-1)
	}
	labels, _ := s.Labels()
	if labels[0].Name != "event" {
		t.Errorf("order after moving up: %s first", labels[0].Name)
	}
	// The new hotkey works at once.
	dragSelect(g, wordStart, wordEnd)
	test.Type(g.View(), "e")
	if n := countLabel(t, s, doc.ID, l.ID); n != 1 {
		t.Fatalf("hotkey e made %d event spans", n)
	}

	// Delete actor, moving its spans to claim: the [0, 6) actor span
	// duplicates a claim span and merges into it.
	ed.Select("actor")
	ed.ConfirmDelete()
	dlg := g.Overlay()
	if dlg == nil {
		t.Fatal("no dialog asks what to do with the spans")
	}
	target := findSelect(dlg)
	if target == nil {
		t.Fatal("the dialog has no label choice")
	}
	target.SetSelected("claim")
	tapButton(t, dlg, "Delete")
	if _, err := s.LabelByName("actor"); annotate.ErrorCode(err) != annotate.ENOTFOUND {
		t.Fatalf("actor still there: %v", err)
	}
	if n := countLabel(t, s, doc.ID, claim.ID); n != 2 {
		t.Errorf("claim has %d spans after the move, want 2", n)
	}
	if n := len(spans(t, s, doc.ID)); n != 3 {
		t.Errorf("%d spans in all, want 3 (claim ×2, event)", n)
	}
}
