package projecttest

import (
	"fmt"
	"strings"
	"testing"

	"gloss/annotate"
)

// curatorOf returns p as an annotate.Curator; every Gloss store must be one.
func curatorOf(t *testing.T, p annotate.Project) annotate.Curator {
	t.Helper()
	c, ok := p.(annotate.Curator)
	if !ok {
		t.Fatalf("%T does not implement annotate.Curator: every Gloss store must", p)
	}
	return c
}

// summary is a curation summary as text.
func summary(s annotate.CurateSummary) string {
	return fmt.Sprintf("%s: accepted %d added %d present %d rejected %d open %d",
		strings.Join(s.Annotators, ","), s.Accepted, s.Added, s.Present, s.Rejected, s.Open)
}

// goldLayer is the gold spans of the documents, as "doc [start,end) label", in text order.
func goldLayer(t *testing.T, p annotate.Project, labels map[string]string, docs ...*annotate.Document) string {
	t.Helper()
	var b strings.Builder
	for _, d := range docs {
		spans, err := teamOf(t, p).SpansBy(d.ID, annotate.Gold)
		if err != nil {
			t.Fatal(err)
		}
		for _, sp := range spans {
			if sp.Annotator != annotate.Gold {
				t.Errorf("SpansBy gold gave a span of %q", sp.Annotator)
			}
			fmt.Fprintf(&b, "%s [%d,%d) %s\n", d.Title, sp.Start, sp.End, labels[sp.LabelID])
		}
	}
	return b.String()
}

func testCurate(tg Target) func(t *testing.T) {
	return func(t *testing.T) {
		e := newEnv(t, tg)
		tp := newTeamProject(t, e)
		names := map[string]string{tp.claim.ID: "claim", tp.actor.ID: "actor"}
		cur := curatorOf(t, tp.ana)
		layer := func() string { return goldLayer(t, tp.ben, names, tp.d1, tp.d2, tp.d3) }
		run := func(strategy, want string) {
			t.Helper()
			s, err := cur.CurateGold(strategy, nil)
			if err != nil {
				t.Fatalf("CurateGold(%s): %v", strategy, err)
			}
			if got := summary(s); got != want {
				t.Errorf("CurateGold(%s) = %s, want %s", strategy, got, want)
			}
		}
		run("unanimous", "ana,ben,cara: accepted 1 added 0 present 1 rejected 0 open 4")
		run("majority", "ana,ben,cara: accepted 3 added 2 present 1 rejected 0 open 2")
		want := "one [0,6) actor\none [7,30) claim\ntwo [0,5) actor\n"
		if got := layer(); got != want {
			t.Errorf("gold after majority:\n%s want\n%s", got, want)
		}
		run("majority", "ana,ben,cara: accepted 3 added 0 present 3 rejected 0 open 2")
		// The run is in the edit log, by the annotator who ran it.
		hist, err := historian(t, tp.ana).History(0)
		if err != nil {
			t.Fatal(err)
		}
		var runs, goldAdds int
		for _, ev := range hist {
			switch {
			case ev.Action == annotate.ActionCurate && ev.Annotator == "ana":
				runs++
				if runs == 2 && ev.Detail != "majority of 3 annotators: 3 accepted, 2 added, 1 already in gold, 0 rejected before, 2 open" {
					t.Errorf("the first majority run is logged as %q", ev.Detail)
				}
			case ev.Action == annotate.ActionAddSpan && ev.Annotator == annotate.Gold:
				goldAdds++
			}
		}
		if runs != 3 || goldAdds != 3 {
			t.Errorf("the edit log has %d curate runs by ana and %d spans added by gold, want 3 and 3:\n%s", runs, goldAdds, actionList(hist))
		}
		// The curator takes a span out of gold: curating again leaves it out.
		gold := e.as(annotate.Gold)
		spans, err := teamOf(t, gold).SpansBy(tp.d1.ID, annotate.Gold)
		if err != nil || len(spans) != 2 {
			t.Fatalf("gold spans of d1: %d, %v", len(spans), err)
		}
		if err := gold.DeleteSpan(spans[1].ID); err != nil {
			t.Fatal(err)
		}
		run("majority", "ana,ben,cara: accepted 3 added 0 present 2 rejected 1 open 2")
		if got, want := layer(), "one [0,6) actor\ntwo [0,5) actor\n"; got != want {
			t.Errorf("gold after a delete and curating again:\n%s want\n%s", got, want)
		}
		// Undo as gold: the delete, then one span curation added.
		h := historian(t, gold)
		if ev, err := h.Undo(); err != nil || ev.Action != annotate.ActionDeleteSpan {
			t.Fatalf("gold's first undo: %v, %v; want the delete undone", ev, err)
		}
		if got := layer(); got != want {
			t.Errorf("gold after undoing the delete:\n%s want\n%s", got, want)
		}
		ev, err := h.Undo()
		if err != nil || ev.Action != annotate.ActionAddSpan || ev.After == nil || ev.After.Annotator != annotate.Gold {
			t.Fatalf("gold's second undo: %v, %v; want a curated add undone", ev, err)
		}
		if got := strings.Count(layer(), "\n"); got != 2 {
			t.Errorf("gold has %d spans after undoing a curated one, want 2", got)
		}
	}
}

func testCurateRefusals(tg Target) func(t *testing.T) {
	return func(t *testing.T) {
		e := newEnv(t, tg)
		p := e.as("ana")
		addDoc(t, p, "d", "text")
		_, err := curatorOf(t, p).CurateGold("majority", nil)
		wantCode(t, "curating a project without spans", err, annotate.EINVALID)
		tp := newTeamProject(t, e)
		names := map[string]string{tp.claim.ID: "claim", tp.actor.ID: "actor"}
		before := goldLayer(t, tp.ana, names, tp.d1, tp.d2, tp.d3)
		for what, c := range map[string]struct {
			strategy string
			anns     []string
		}{
			"an unknown strategy":  {"best", nil},
			"gold compared":        {"majority", []string{"ana", annotate.Gold}},
			"an unknown annotator": {"unanimous", []string{"ana", "zoe"}},
			"an empty strategy":    {"", nil},
			"gold compared, alone": {"unanimous", []string{annotate.Gold}},
		} {
			s, err := curatorOf(t, tp.ana).CurateGold(c.strategy, c.anns)
			wantCode(t, what, err, annotate.EINVALID)
			if s.Added != 0 || s.Accepted != 0 {
				t.Errorf("%s: a refused run reports %s", what, summary(s))
			}
		}
		if after := goldLayer(t, tp.ana, names, tp.d1, tp.d2, tp.d3); after != before {
			t.Errorf("refused runs changed gold:\n%s was\n%s", after, before)
		}
	}
}
