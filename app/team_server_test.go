package app_test

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"gloss/annotate"
	"gloss/annotate/agree"
	"gloss/app"
	"gloss/store/pgstore"
)

// The team features on a server project: Compare, Agreement, Curation and
// Curate automatically work as on a project file.

func TestTeamFeaturesOnAServerProject(t *testing.T) {
	c := startServer(t)
	url := newServerProject(t, c)
	coders := map[string]*pgstore.Store{}
	for _, who := range []string{"alice", "bob", "lead"} {
		s, err := pgstore.Open(context.Background(), url, pgstore.Options{Annotator: who})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		coders[who] = s
	}
	labels, err := coders["lead"].Labels()
	if err != nil || len(labels) < 2 {
		t.Fatal(err, len(labels))
	}
	docs, err := coders["lead"].Documents()
	if err != nil || len(docs) == 0 {
		t.Fatal(err)
	}
	doc, l1, l2 := docs[0].ID, labels[0], labels[1]
	// As newTeamGloss: one match, two overlaps, one span each alone.
	for _, s := range []struct {
		who        string
		start, end int
		l          *annotate.Label
	}{{"alice", 0, 5, l1}, {"bob", 0, 5, l1}, {"alice", 10, 20, l1}, {"bob", 12, 20, l1}, {"alice", 30, 35, l2}, {"bob", 40, 45, l2}} {
		if err := coders[s.who].AddSpan(annotate.NewSpan(doc, s.start, s.end, s.l.ID)); err != nil {
			t.Fatal(err)
		}
	}

	a := test.NewTempApp(t)
	w, err := app.Start(a, url, serverOpener("lead"), nil)
	if err != nil {
		t.Fatal(err)
	}
	g := app.NewProbe(w)
	t.Cleanup(func() { g.Close() })
	awaitOpened(t, g)
	g.Window().Resize(fyne.NewSize(1200, 800))

	// Team ▸ Agreement opens (no "works on project files" message).
	g.MenuAction("Team", "Agreement")()
	if g.Overlay() != nil {
		t.Fatal("Team ▸ Agreement on a server project shows a message instead of the agreement")
	}
	if _, counts := g.OpenCompare("alice", "bob"); counts != "1 match, 2 overlap, 1 only alice, 1 only bob" {
		t.Errorf("Compare on the server: counts %q", counts)
	}
	cells := g.OpenAgreement("all", nil)
	study, err := coders["lead"].AgreementStudy("all", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	want, err := agree.Compute(study)
	if err != nil {
		t.Fatal(err)
	}
	var overall []string
	for _, r := range cells {
		if r[0] == "All labels" {
			overall = r
		}
	}
	if overall == nil || overall[1] != want.AlphaU.String() || !want.AlphaU.Defined {
		t.Errorf("Agreement on the server: overall row %q, want alpha_u %s", overall, want.AlphaU)
	}

	cur := g.OpenCuration()
	if cur.Count() != 4 {
		t.Errorf("Curation on the server lists %d disagreements, want 4", cur.Count())
	}
	cur.Auto("unanimous")
	gold, err := coders["lead"].SpansBy(doc, annotate.Gold)
	if err != nil {
		t.Fatal(err)
	}
	if len(gold) != 1 || gold[0].Start != 0 || gold[0].End != 5 || gold[0].LabelID != l1.ID {
		t.Fatalf("the server's gold after Curate automatically (unanimous): %v", gold)
	}
	if cur.Dialog() == nil {
		t.Error("no summary dialog after curating a server project")
	}
}
