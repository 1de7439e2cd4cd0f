package app_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gloss/annotate"
	"gloss/annotate/agree"
	"gloss/assets"
	"gloss/store"
)

func TestLayerSwitchFiltersAndGuardsEdits(t *testing.T) {
	tp := newTeamGloss(t)
	g := tp.g
	if got := len(g.ShownSpans()); got != 6 {
		t.Fatalf("everyone's layer shows %d spans, want 6", got)
	}
	opts := strings.Join(g.LayerOptions(), "|")
	if !strings.Contains(opts, "Mine (alice)") || !strings.Contains(opts, "Only bob") || !strings.Contains(opts, "Gold") {
		t.Errorf("layer options %q", opts)
	}
	g.SetLayer("mine")
	for _, sp := range g.ShownSpans() {
		if sp.Annotator != "alice" {
			t.Errorf("mine shows %s's span", sp.Annotator)
		}
	}
	if len(g.ShownSpans()) != 3 {
		t.Errorf("mine shows %d spans, want 3", len(g.ShownSpans()))
	}
	g.SetLayer("bob")
	if len(g.ShownSpans()) != 3 {
		t.Fatalf("bob's layer shows %d spans", len(g.ShownSpans()))
	}
	// Another annotator's layer is read-only.
	if err := g.AddSpanAt(50, 55, tp.l1); err == nil {
		t.Error("a span was added in bob's layer")
	}
	g.DeleteSpan(g.ShownSpans()[0].ID)
	if n := len(tp.layer(t, "bob")); n != 3 {
		t.Errorf("bob has %d spans after alice deleted one of his, want 3", n)
	}
	// In everyone's layer, alice adds to hers and cannot delete bob's.
	g.SetLayer("everyone")
	if err := g.AddSpanAt(50, 55, tp.l1); err != nil {
		t.Fatal(err)
	}
	if n := len(tp.layer(t, "alice")); n != 4 {
		t.Errorf("alice has %d spans, want 4", n)
	}
	g.DeleteSpan(tp.layer(t, "bob")[0].ID)
	if n := len(tp.layer(t, "bob")); n != 3 {
		t.Errorf("bob's span was deleted from everyone's layer")
	}
	// In the gold layer new spans are gold's.
	g.SetLayer("gold")
	if len(g.ShownSpans()) != 0 {
		t.Errorf("gold shows %d spans before curation", len(g.ShownSpans()))
	}
	if err := g.AddSpanAt(60, 65, tp.l2); err != nil {
		t.Fatal(err)
	}
	if gold := tp.layer(t, annotate.Gold); len(gold) != 1 || gold[0].Start != 60 {
		t.Errorf("gold layer after adding: %v", gold)
	}
	if shown := g.ShownSpans(); len(shown) != 1 || shown[0].Annotator != annotate.Gold {
		t.Errorf("gold layer shows %v", shown)
	}
}

func TestAnnotatorShownAndChanged(t *testing.T) {
	tp := newTeamGloss(t)
	g := tp.g
	if got := g.AnnotatorShown(); got != "Annotator: alice" {
		t.Errorf("status bar says %q", got)
	}
	if d := g.AskAnnotatorDialog(); d != nil {
		t.Error("the name dialog shows although a name was chosen before")
	}
	g.SetAnnotator("carol")
	if got := g.AnnotatorShown(); got != "Annotator: carol" {
		t.Errorf("after the change the status bar says %q", got)
	}
	team := g.Project().(annotate.Team)
	if team.Annotator() != "carol" {
		t.Fatalf("project reopened as %q", team.Annotator())
	}
	if g.Document() == nil || g.Document().ID != tp.doc {
		t.Error("the document shown changed on reopening")
	}
	l := tp.l1
	if err := g.AddSpanAt(70, 75, l); err != nil {
		t.Fatal(err)
	}
	spans, err := team.SpansBy(tp.doc, "carol")
	if err != nil || len(spans) != 1 {
		t.Errorf("carol's layer: %v %v", spans, err)
	}
	g.SetAnnotator(annotate.Gold)
	if team := g.Project().(annotate.Team); team.Annotator() != "carol" {
		t.Errorf("the annotator became %q", team.Annotator())
	}
}

func TestAskAnnotatorOnFirstStart(t *testing.T) {
	g, _ := newGloss(t)
	t.Setenv("GLOSS_ANNOTATOR", "")
	if g.AskAnnotatorDialog() == nil {
		t.Error("no name dialog on first start")
	}
}

func TestCompareColours(t *testing.T) {
	tp := newTeamGloss(t)
	view, counts := tp.g.OpenCompare("alice", "bob")
	if counts != "1 match, 2 overlap, 1 only alice, 1 only bob" {
		t.Errorf("counts %q", counts)
	}
	for _, c := range []struct {
		cp    int
		n     int
		color string
		kind  string
	}{
		{2, 1, "#3CB44B", "match"}, {15, 2, "#F5A623", "overlap"}, {11, 1, "#F5A623", "overlap"},
		{32, 1, "#E6194B", "only alice"}, {42, 1, "#4363D8", "only bob"}, {50, 0, "", ""},
	} {
		labels := view.LabelsAt(c.cp)
		if len(labels) != c.n {
			t.Errorf("at %d: %d spans, want %d", c.cp, len(labels), c.n)
			continue
		}
		for _, l := range labels {
			if l.Color != c.color || !strings.Contains(l.Name, " · "+c.kind) {
				t.Errorf("at %d: %s %s, want %s %s", c.cp, l.Name, l.Color, c.kind, c.color)
			}
		}
	}
}

func TestMergeThroughWindow(t *testing.T) {
	tp := newTeamGloss(t)
	other := filepath.Join(t.TempDir(), "carol.gloss")
	o, err := store.Open(other, store.Options{Annotator: "carol"})
	if err != nil {
		t.Fatal(err)
	}
	if err := assets.Seed(o, true); err != nil {
		t.Fatal(err)
	}
	docs, _ := o.Documents()
	l, _ := o.LabelByName(tp.l1.Name)
	for _, r := range [][2]int{{0, 5}, {80, 90}} {
		if err := o.AddSpan(annotate.NewSpan(docs[0].ID, r[0], r[1], l.ID)); err != nil {
			t.Fatal(err)
		}
	}
	o.Close()
	if err := tp.g.Merge(other); err != nil {
		t.Fatal(err)
	}
	team := tp.g.Project().(annotate.Team)
	carol, err := team.SpansBy(tp.doc, "carol")
	if err != nil || len(carol) != 2 {
		t.Fatalf("carol's spans after the merge: %v %v", carol, err)
	}
	if !strings.Contains(strings.Join(tp.g.LayerOptions(), "|"), "Only carol") {
		t.Error("the layer switch does not offer carol")
	}
	if len(tp.g.ShownSpans()) != 8 {
		t.Errorf("the window shows %d spans after the merge, want 8", len(tp.g.ShownSpans()))
	}
	if err := tp.g.Merge(other); err != nil {
		t.Fatal(err)
	}
	if carol, _ := team.SpansBy(tp.doc, "carol"); len(carol) != 2 {
		t.Errorf("merging again: carol has %d spans", len(carol))
	}
	bad := filepath.Join(t.TempDir(), "notes.gloss")
	os.WriteFile(bad, []byte("not a project"), 0o644)
	err = tp.g.Merge(other, bad)
	if err == nil || !strings.Contains(err.Error(), "notes.gloss") {
		t.Errorf("a bad file: %v", err)
	}
	_ = agree.Unanimous
}
