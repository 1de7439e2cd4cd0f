package app_test

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"gloss/annotate"
	"gloss/app"
	"gloss/assets"
	"gloss/store"
)

// secondWindow opens another project in the same app, as after a restart
// that kept the preferences.
func secondWindow(t *testing.T) *app.Probe {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "second.gloss"), store.Options{Annotator: "tester"})
	if err != nil {
		t.Fatal(err)
	}
	if err := assets.Seed(s, true); err != nil {
		t.Fatal(err)
	}
	g := app.NewProbe(app.New(fyne.CurrentApp(), s, openStore))
	t.Cleanup(func() { g.Close() })
	return g
}

// TestLabelTagsToggleIsRemembered: View ▸ Label names on spans turns the
// view's label tags on and off; a window opened later keeps the choice.
func TestLabelTagsToggleIsRemembered(t *testing.T) {
	g, _ := newGloss(t)
	if g.View().LabelTagsShown() {
		t.Fatal("label tags are on in a new app")
	}
	g.MenuAction("View", "Label names on spans")()
	if !g.View().LabelTagsShown() {
		t.Fatal("View ▸ Label names on spans did not show the tags")
	}
	if it := g.MenuItem("View", 5); it.Label != "Label names on spans" || !it.Checked {
		t.Errorf("menu item %q checked %v", it.Label, it.Checked)
	}
	if !secondWindow(t).View().LabelTagsShown() {
		t.Error("a window opened later forgot the label tags")
	}
	g.MenuAction("View", "Label names on spans")()
	if g.View().LabelTagsShown() {
		t.Error("the second toggle left the tags on")
	}
}

// TestSpansListShowsNotes: a span with a note has the note mark and its
// note (on one line) in the Spans list; a span without one has neither.
func TestSpansListShowsNotes(t *testing.T) {
	g, s := newGloss(t)
	doc := g.Document()
	claim := label(t, s, "claim").ID
	with := annotate.NewSpan(doc.ID, 0, 6, claim)
	with.Note = "check the\nsource"
	for _, sp := range []*annotate.Span{with, annotate.NewSpan(doc.ID, wordStart, wordEnd, claim)} {
		if err := s.AddSpan(sp); err != nil {
			t.Fatal(err)
		}
	}
	app.ReloadForTest(g)
	text, mark := g.SpanRow(0)
	if !mark || !strings.Contains(text, "check the source") {
		t.Errorf("row of the span with a note: %q, mark %v", text, mark)
	}
	text, mark = g.SpanRow(1)
	if mark || text != "Consequently" {
		t.Errorf("row of the span without a note: %q, mark %v", text, mark)
	}
}

// TestLabelEditorMarksTakenHotkeys: the hotkey list names the label that
// already has each key, but not the label being edited.
func TestLabelEditorMarksTakenHotkeys(t *testing.T) {
	g, s := newGloss(t)
	labels, err := s.Labels()
	if err != nil || len(labels) < 2 || labels[0].Hotkey == "" || labels[1].Hotkey == "" {
		t.Fatalf("the seeded labels: %v, %v", labels, err)
	}
	ed := g.OpenLabelEditor()
	ed.Select(labels[0].Name)
	_, hotkey, _ := ed.Form()
	opts := strings.Join(hotkey.Options, "|")
	if want := labels[1].Hotkey + " — taken by " + labels[1].Name; !strings.Contains(opts, want) {
		t.Errorf("hotkey choices %q lack %q", opts, want)
	}
	if strings.Contains(opts, "taken by "+labels[0].Name) || hotkey.Selected != labels[0].Hotkey {
		t.Errorf("editing %s: choices %q, selected %q", labels[0].Name, opts, hotkey.Selected)
	}
	// Saving keeps the plain key.
	ed.Save()
	if l := label(t, s, labels[0].Name); l.Hotkey != labels[0].Hotkey {
		t.Errorf("after saving the hotkey is %q, want %q", l.Hotkey, labels[0].Hotkey)
	}
}
