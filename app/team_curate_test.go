package app_test

import (
	"strings"
	"testing"

	"gloss/annotate"
)

func TestCurationAcceptUndoReject(t *testing.T) {
	tp := newTeamGloss(t)
	c := tp.g.OpenCuration()
	// Open: [10,20) alice, [12,20) bob, [30,35) alice, [40,45) bob; [0,5) is unanimous.
	if c.Count() != 4 {
		t.Fatalf("%d disagreements, want 4 (%s)", c.Count(), c.Title())
	}
	cand, state := c.Current()
	if cand.Start != 10 || cand.End != 20 || state != "open" {
		t.Fatalf("first disagreement %+v %s", cand, state)
	}
	c.Key('a')
	gold := tp.layer(t, annotate.Gold)
	if len(gold) != 1 || gold[0].Start != 10 || gold[0].End != 20 || gold[0].LabelID != tp.l1.ID {
		t.Fatalf("gold after accept: %v", gold)
	}
	if _, state := c.Current(); state != "in gold" {
		t.Errorf("state after accept %q", state)
	}
	if !strings.Contains(c.Title(), "in gold") {
		t.Errorf("title %q", c.Title())
	}
	c.Undo()
	if gold := tp.layer(t, annotate.Gold); len(gold) != 0 {
		t.Fatalf("gold after undo: %v", gold)
	}
	// N moves on; 2 accepts bob's version of [12,20).
	c.Key('n')
	if cand, _ := c.Current(); cand.Start != 12 {
		t.Fatalf("after N: %+v", cand)
	}
	c.Key('2')
	if gold := tp.layer(t, annotate.Gold); len(gold) != 1 || gold[0].Start != 12 {
		t.Fatalf("gold after accepting bob's version: %v", gold)
	}
	// R rejects it again: the gold span goes; undo brings it back.
	c.Key('r')
	if _, state := c.Current(); state != "rejected" || len(tp.layer(t, annotate.Gold)) != 0 {
		t.Errorf("after reject: %s, gold %v", state, tp.layer(t, annotate.Gold))
	}
	c.Undo()
	if _, state := c.Current(); state != "in gold" || len(tp.layer(t, annotate.Gold)) != 1 {
		t.Errorf("after undoing the reject: %s, gold %v", state, tp.layer(t, annotate.Gold))
	}
	c.Key('p')
	if cand, _ := c.Current(); cand.Start != 10 {
		t.Errorf("after P: %+v", cand)
	}
	// The window's own undo (Ctrl+Z) reverts the curation edit too.
	tp.g.MenuAction("Edit", "Undo")()
	if gold := tp.layer(t, annotate.Gold); len(gold) != 0 {
		t.Errorf("gold after Edit ▸ Undo: %v", gold)
	}
}

func TestCurateAutomatically(t *testing.T) {
	tp := newTeamGloss(t)
	c := tp.g.OpenCuration()
	c.Auto("unanimous")
	gold := tp.layer(t, annotate.Gold)
	if len(gold) != 1 || gold[0].Start != 0 || gold[0].End != 5 {
		t.Fatalf("gold after unanimous curation: %v", gold)
	}
	if c.Dialog() == nil {
		t.Error("no summary dialog")
	}
	c.Auto("unanimous")
	if n := len(tp.layer(t, annotate.Gold)); n != 1 {
		t.Errorf("curating again: gold has %d spans", n)
	}
}
