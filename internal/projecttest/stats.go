package projecttest

import (
	"fmt"
	"strings"
	"testing"

	"gloss/annotate"
)

// testStats checks Stats: documents by status, spans by label in label order.
func testStats(t *testing.T, tg Target) {
	t.Run("counts by status and by label", func(t *testing.T) {
		e := newEnv(t, tg)
		alice, bob := e.as("alice"), e.as("bob")
		x := addLabel(t, alice, "x")
		y := &annotate.Label{Name: "y", Color: "#0072b2"}
		if err := alice.AddLabel(y); err != nil {
			t.Fatal(err)
		}
		z := addLabel(t, alice, "z")
		if err := alice.ReorderLabels([]string{z.ID, x.ID, y.ID}); err != nil {
			t.Fatal(err)
		}
		empty, err := alice.Stats()
		if err != nil {
			t.Fatal(err)
		}
		if got := statsText(empty); got != "documents=0 spans=0 todo=0 in-progress=0 done=0 | z=0 x=0 y=0" {
			t.Errorf("empty project: %s", got)
		}
		var docs []*annotate.Document
		for i := range 4 {
			docs = append(docs, addDoc(t, alice, fmt.Sprintf("d%d", i), "alpha beta gamma"))
		}
		for i, st := range []annotate.Status{annotate.StatusInProgress, annotate.StatusDone, annotate.StatusDone} {
			if err := alice.SetStatus(docs[i+1].ID, st); err != nil {
				t.Fatal(err)
			}
		}
		addSpan(t, alice, docs[0].ID, 0, 5, x.ID)
		addSpan(t, alice, docs[1].ID, 0, 5, x.ID)
		gone := addSpan(t, bob, docs[0].ID, 0, 5, x.ID) // bob's layer counts too
		addSpan(t, alice, docs[0].ID, 6, 10, y.ID)
		st, err := bob.Stats()
		if err != nil {
			t.Fatal(err)
		}
		if got := statsText(st); got != "documents=4 spans=4 todo=1 in-progress=1 done=2 | z=0 x=3 y=1" {
			t.Errorf("stats: %s", got)
		}
		colours := map[string]string{z.Name: annotate.Palette[2], x.Name: annotate.Palette[0], y.Name: "#0072B2"}
		for _, c := range st.ByLabel {
			if c.Color != colours[c.Label] {
				t.Errorf("label %s: colour %s, want %s", c.Label, c.Color, colours[c.Label])
			}
		}
		if err := bob.DeleteSpan(gone.ID); err != nil {
			t.Fatal(err)
		}
		if err := alice.DeleteDocument(docs[3].ID); err != nil {
			t.Fatal(err)
		}
		st, err = alice.Stats()
		if err != nil {
			t.Fatal(err)
		}
		if got := statsText(st); got != "documents=3 spans=3 todo=1 in-progress=1 done=1 | z=0 x=2 y=1" {
			t.Errorf("stats after deletes: %s", got)
		}
	})
}

// statsText is a Stats as text: totals, by status, then by label in order.
func statsText(st *annotate.Stats) string {
	var b strings.Builder
	fmt.Fprintf(&b, "documents=%d spans=%d", st.Documents, st.Spans)
	for _, s := range annotate.Statuses {
		fmt.Fprintf(&b, " %s=%d", s, st.ByStatus[s])
	}
	b.WriteString(" |")
	for _, c := range st.ByLabel {
		fmt.Fprintf(&b, " %s=%d", c.Label, c.Count)
	}
	return b.String()
}
