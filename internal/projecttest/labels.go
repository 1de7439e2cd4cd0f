package projecttest

import (
	"testing"

	"gloss/annotate"
)

// testLabels checks AddLabel, Labels, UpdateLabel, ReorderLabels and
// DeleteLabel.
func testLabels(t *testing.T, tg Target) {
	t.Run("add keeps order and normalises", func(t *testing.T) {
		p := newEnv(t, tg).as("alice")
		adds := []*annotate.Label{
			{Name: "actor", Color: "#e69f00", Hotkey: "a", Description: "who acts"},
			{Name: "cafe\u0301"}, // NFD: stored in normal form C
			{Name: "claim 🤝", Hotkey: "3"},
		}
		for _, l := range adds {
			if err := p.AddLabel(l); err != nil {
				t.Fatalf("AddLabel(%q): %v", l.Name, err)
			}
		}
		got, err := p.Labels()
		if err != nil {
			t.Fatal(err)
		}
		want := []annotate.Label{
			{ID: adds[0].ID, Name: "actor", Color: "#E69F00", Hotkey: "a", Description: "who acts"},
			{ID: adds[1].ID, Name: "café", Color: annotate.Palette[1]}, // the palette's next colour
			{ID: adds[2].ID, Name: "claim 🤝", Color: annotate.Palette[2], Hotkey: "3"},
		}
		if len(got) != len(want) {
			t.Fatalf("Labels() = %d labels, want %d", len(got), len(want))
		}
		for i, w := range want {
			g := *got[i]
			if g.ID == "" || g.ID != w.ID || g.Name != w.Name || g.Color != w.Color || g.Hotkey != w.Hotkey || g.Description != w.Description {
				t.Errorf("Labels()[%d] = %+v, want %+v", i, g, w)
			}
			if i > 0 && got[i].Order <= got[i-1].Order {
				t.Errorf("Labels()[%d].Order = %d after %d: not increasing", i, got[i].Order, got[i-1].Order)
			}
		}
	})

	t.Run("refused adds", func(t *testing.T) {
		p := newEnv(t, tg).as("alice")
		if err := p.AddLabel(&annotate.Label{Name: "Claim", Hotkey: "c"}); err != nil {
			t.Fatal(err)
		}
		if err := p.AddLabel(&annotate.Label{Name: "café"}); err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			name string
			l    annotate.Label
			code string
		}{
			{"same name", annotate.Label{Name: "Claim"}, annotate.ECONFLICT},
			{"name differs only in case", annotate.Label{Name: "claim"}, annotate.ECONFLICT},
			{"name differs only in Unicode form", annotate.Label{Name: "cafe\u0301"}, annotate.ECONFLICT},
			{"hotkey in use, other case", annotate.Label{Name: "event", Hotkey: "C"}, annotate.ECONFLICT},
			{"bad colour", annotate.Label{Name: "event", Color: "#12"}, annotate.EINVALID},
			{"empty name", annotate.Label{Name: ""}, annotate.EINVALID},
			{"leading space", annotate.Label{Name: " event"}, annotate.EINVALID},
			{"zero-width space", annotate.Label{Name: "ev\u200bent"}, annotate.EINVALID},
			{"two-key hotkey", annotate.Label{Name: "event", Hotkey: "ab"}, annotate.EINVALID},
		}
		for _, c := range cases {
			l := c.l
			wantCode(t, c.name, p.AddLabel(&l), c.code)
		}
		if got := labelNames(t, p); got != "Claim,café" {
			t.Errorf("labels after refused adds: %s, want Claim,café", got)
		}
	})

	t.Run("update", func(t *testing.T) {
		p := newEnv(t, tg).as("alice")
		a, b := addLabel(t, p, "actor"), addLabel(t, p, "claim")
		u := *a
		u.Name, u.Color, u.Hotkey, u.Description = "agent", "#00aa00", "9", "who acts"
		if err := p.UpdateLabel(&u); err != nil {
			t.Fatal(err)
		}
		labels, err := p.Labels()
		if err != nil || len(labels) != 2 {
			t.Fatalf("Labels() = %v, %v", labels, err)
		}
		if g := labels[0]; g.ID != a.ID || g.Name != "agent" || g.Color != "#00AA00" || g.Hotkey != "9" || g.Description != "who acts" {
			t.Errorf("after update: %+v", g)
		}
		clash := *b
		clash.Name = "AGENT"
		wantCode(t, "rename onto another label's name", p.UpdateLabel(&clash), annotate.ECONFLICT)
		clash = *b
		clash.Hotkey = "9"
		wantCode(t, "another label's hotkey", p.UpdateLabel(&clash), annotate.ECONFLICT)
		bad := *b
		bad.Color = "red"
		wantCode(t, "bad colour", p.UpdateLabel(&bad), annotate.EINVALID)
		missing := annotate.Label{ID: "no-such-id", Name: "ghost", Color: "#000000"}
		wantCode(t, "missing label", p.UpdateLabel(&missing), annotate.ENOTFOUND)
		if got := labelNames(t, p); got != "agent,claim" {
			t.Errorf("labels after refused updates: %s, want agent,claim", got)
		}
	})

	t.Run("reorder", func(t *testing.T) {
		p := newEnv(t, tg).as("alice")
		a, b, c := addLabel(t, p, "a"), addLabel(t, p, "b"), addLabel(t, p, "c")
		if err := p.ReorderLabels([]string{c.ID, a.ID, b.ID}); err != nil {
			t.Fatal(err)
		}
		if got := labelNames(t, p); got != "c,a,b" {
			t.Fatalf("after reorder: %s, want c,a,b", got)
		}
		cases := []struct {
			name string
			ids  []string
			code string
		}{
			{"one missing", []string{a.ID, b.ID}, annotate.EINVALID},
			{"one twice", []string{a.ID, a.ID, b.ID}, annotate.EINVALID},
			{"one unknown", []string{a.ID, b.ID, "no-such-id"}, annotate.ENOTFOUND},
		}
		for _, k := range cases {
			wantCode(t, k.name, p.ReorderLabels(k.ids), k.code)
		}
		if got := labelNames(t, p); got != "c,a,b" {
			t.Errorf("refused reorders changed the order: %s, want c,a,b", got)
		}
		d := addLabel(t, p, "d")
		if got := labelNames(t, p); got != "c,a,b,d" {
			t.Errorf("a label added after a reorder: %s, want c,a,b,d (%s last)", got, d.Name)
		}
	})

	t.Run("delete", testDeleteLabel(tg))
}

// testDeleteLabel checks DeleteLabel with and without a label to move
// spans to.
func testDeleteLabel(tg Target) func(t *testing.T) {
	return func(t *testing.T) {
		e := newEnv(t, tg)
		alice, bob := e.as("alice"), e.as("bob")
		actor, claim, unused := addLabel(t, alice, "actor"), addLabel(t, alice, "claim"), addLabel(t, alice, "unused")
		d := addDoc(t, alice, "d", "Moscow and Beijing met.")
		a1 := addSpan(t, alice, d.ID, 0, 6, actor.ID)
		a2 := addSpan(t, alice, d.ID, 11, 18, actor.ID)
		dup := addSpan(t, alice, d.ID, 0, 6, claim.ID) // a1 would duplicate it after the move
		b1 := addSpan(t, bob, d.ID, 11, 18, actor.ID)  // bob's layer

		wantCode(t, "delete a used label without a target", alice.DeleteLabel(actor.ID, ""), annotate.ECONFLICT)
		wantCode(t, "move spans to the label deleted", alice.DeleteLabel(actor.ID, actor.ID), annotate.EINVALID)
		wantCode(t, "move spans to a missing label", alice.DeleteLabel(actor.ID, "no-such-id"), annotate.ENOTFOUND)
		wantCode(t, "delete a missing label", alice.DeleteLabel("no-such-id", ""), annotate.ENOTFOUND)
		wantSpans(t, "after refused deletes", alice, d.ID, a1, a2, dup, b1)
		if got := labelNames(t, alice); got != "actor,claim,unused" {
			t.Fatalf("labels after refused deletes: %s", got)
		}

		if err := alice.DeleteLabel(unused.ID, ""); err != nil {
			t.Fatalf("delete an unused label: %v", err)
		}
		if err := alice.DeleteLabel(actor.ID, claim.ID); err != nil {
			t.Fatalf("delete with a target: %v", err)
		}
		if got := labelNames(t, bob); got != "claim" {
			t.Errorf("labels after deletes: %s, want claim", got)
		}
		moved := func(sp *annotate.Span) *annotate.Span { c := *sp; c.LabelID = claim.ID; return &c }
		// a1 merged into dup (same annotator, range and label); a2 and bob's b1 moved.
		wantSpans(t, "after the move", bob, d.ID, dup, moved(a2), moved(b1))
		_, err := bob.Span(a1.ID)
		wantCode(t, "the merged span", err, annotate.ENOTFOUND)
	}
}
