package projecttest

import (
	"fmt"
	"strings"
	"testing"

	"gloss/annotate"
)

// labelsText is every field of the project's labels, in order.
func labelsText(t *testing.T, p annotate.Project) string {
	t.Helper()
	labels, err := p.Labels()
	if err != nil {
		t.Fatalf("Labels: %v", err)
	}
	var b strings.Builder
	for _, l := range labels {
		fmt.Fprintf(&b, "%s %q %s %q %q order %d\n", l.ID, l.Name, l.Color, l.Hotkey, l.Description, l.Order)
	}
	return b.String()
}

// testLabelUndo checks that UpdateLabel and DeleteLabel are edits that
// Undo reverts (labels and moved or merged spans exactly) and Redo
// re-applies, in the undo history of the annotator who made them.
func testLabelUndo(tg Target) func(t *testing.T) {
	return func(t *testing.T) {
		e := newEnv(t, tg)
		alice, bob := e.as("alice"), e.as("bob")
		ha, hb := historian(t, alice), historian(t, bob)
		actor, claim := addLabel(t, alice, "actor"), addLabel(t, alice, "claim")
		d := addDoc(t, alice, "d", "Senior officials from Russia and China met on Monday.")
		addSpan(t, alice, d.ID, 0, 6, actor.ID)
		addSpan(t, alice, d.ID, 22, 28, actor.ID)
		addSpan(t, alice, d.ID, 22, 28, claim.ID) // the actor span above merges into it on the move
		b := addSpan(t, bob, d.ID, 33, 38, actor.ID)
		original, spans := labelsText(t, alice), spanKeys(spansOf(t, alice, d.ID))

		renamed := *actor
		renamed.Name = "agent"
		if err := alice.UpdateLabel(&renamed); err != nil {
			t.Fatal(err)
		}
		afterRename := labelsText(t, alice)
		recoloured := renamed
		recoloured.Color = "#000000"
		if err := alice.UpdateLabel(&recoloured); err != nil {
			t.Fatal(err)
		}
		if err := alice.UpdateLabel(&recoloured); err != nil { // no change: no edit
			t.Fatal(err)
		}
		wantPending(t, "bob after alice's label edits", hb, b.ID, "")
		ev, err := ha.Undo()
		if err != nil || ev.Action != annotate.ActionUpdateLabel || ev.LabelAfter == nil || ev.LabelBefore == nil ||
			ev.LabelAfter.Color != "#000000" || ev.LabelBefore.Color != actor.Color {
			t.Fatalf("undo of the recolour: %+v, %v", ev, err)
		}
		if got := labelsText(t, alice); got != afterRename {
			t.Errorf("after undoing the recolour:\n%s want\n%s", got, afterRename)
		}
		if ev, err := ha.Undo(); err != nil || ev.Action != annotate.ActionUpdateLabel || ev.LabelBefore.Name != "actor" {
			t.Fatalf("undo of the rename: %+v, %v", ev, err)
		}
		if got := labelsText(t, bob); got != original {
			t.Errorf("after undoing the rename:\n%s want\n%s", got, original)
		}

		if err := alice.DeleteLabel(actor.ID, claim.ID); err != nil {
			t.Fatal(err)
		}
		moved := spanKeys(spansOf(t, alice, d.ID))
		if strings.Contains(moved, actor.ID) || strings.Count(moved, "\n") != 3 {
			t.Fatalf("after deleting actor:\n%s", moved)
		}
		u, _, err := ha.Pending()
		if err != nil || u == nil || u.Action != annotate.ActionDeleteLabel || u.LabelBefore == nil || u.LabelBefore.Name != "actor" {
			t.Fatalf("Pending = %+v, %v; want the label deletion", u, err)
		}
		ev, err = ha.Undo()
		if err != nil || ev.Action != annotate.ActionDeleteLabel || ev.MoveTo != claim.ID || len(ev.Spans) != 3 {
			t.Fatalf("undo of the deletion: %+v, %v; want delete-label moving 3 spans to %s", ev, err, claim.ID)
		}
		if got := labelsText(t, bob); got != original {
			t.Errorf("labels after undoing the deletion:\n%s want\n%s", got, original)
		}
		if got := spanKeys(spansOf(t, bob, d.ID)); got != spans {
			t.Errorf("spans after undoing the deletion:\n%s want\n%s", got, spans)
		}
		if ev, err := ha.Redo(); err != nil || ev.Action != annotate.ActionDeleteLabel {
			t.Fatalf("redo of the deletion: %+v, %v", ev, err)
		}
		if got := spanKeys(spansOf(t, bob, d.ID)); got != moved {
			t.Errorf("spans after redoing the deletion:\n%s want\n%s", got, moved)
		}
	}
}
