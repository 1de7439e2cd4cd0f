package store

import (
	"fmt"
	"testing"

	"gloss/annotate"
)

// DeleteSpans drops what hangs on the spans as a single delete does, and
// one undo brings the spans and all of it back; redo removes it again.
func TestUndoDeleteSpansRestoresStructure(t *testing.T) {
	f := newStructureFixture(t)
	want := dumpStructure(t, f.s)
	var other string
	if err := f.s.DB().QueryRow(`SELECT trigger_span FROM text_events WHERE id = 'ev3'`).Scan(&other); err != nil {
		t.Fatal(err)
	}
	for round := 1; round <= 2; round++ {
		if round == 1 {
			if err := f.s.DeleteSpans([]string{f.actor, other}); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.s.Redo(); err != nil {
			t.Fatal(err)
		}
		ds := docStructure(t, f.s, f.doc)
		if len(ds.Relations) != 0 || len(ds.Notes) != 1 || len(ds.Norms) != 0 || len(ds.Events) != 1 || len(ds.Equivs) != 1 {
			t.Fatalf("round %d, after delete: %d relations, %d notes, %d norms, %d events, %d sets; want 0, 1, 0, 1, 1",
				round, len(ds.Relations), len(ds.Notes), len(ds.Norms), len(ds.Events), len(ds.Equivs))
		}
		ev, err := f.s.Undo()
		if err != nil || ev.Action != annotate.ActionDeleteSpans {
			t.Fatalf("round %d, undo: %+v, %v", round, ev, err)
		}
		if got := dumpStructure(t, f.s); got != want {
			t.Fatalf("round %d: undo left\n%s", round, lineDiff(got, want))
		}
	}
}

// Deleting a label whose span is dropped as a duplicate where its spans
// move drops what hung on that span; undo brings it all back, redo drops
// it again.
func TestUndoDeleteLabelRestoresDroppedStructure(t *testing.T) {
	f := newStructureFixture(t)
	actorLabel, to := label(t, f.s, "actor"), label(t, f.s, "prediction")
	if err := f.s.AddSpan(annotate.NewSpan(f.doc, 0, 5, to)); err != nil {
		t.Fatal(err)
	}
	want := dumpStructure(t, f.s)
	for round := 1; round <= 2; round++ {
		if round == 1 {
			if err := f.s.DeleteLabel(actorLabel, to); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.s.Redo(); err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.Span(f.actor); annotate.ErrorCode(err) != annotate.ENOTFOUND {
			t.Fatalf("round %d: the duplicate span outlived the label delete: %v", round, err)
		}
		checkGone(t, f, fmt.Sprintf("round %d, after label delete", round))
		ev, err := f.s.Undo()
		if err != nil || ev.Action != annotate.ActionDeleteLabel {
			t.Fatalf("round %d, undo: %+v, %v", round, ev, err)
		}
		if got := dumpStructure(t, f.s); got != want {
			t.Fatalf("round %d: undo left\n%s", round, lineDiff(got, want))
		}
	}
}

// Deleting a relation drops the notes on it; undo brings them back and
// redo drops them again.
func TestUndoDeleteRelationRestoresItsNotes(t *testing.T) {
	f := newStructureFixture(t)
	want := dumpStructure(t, f.s)
	rs, err := f.s.Relations(f.doc)
	if err != nil || len(rs) != 1 {
		t.Fatalf("relations %v, %v", rs, err)
	}
	for round := 1; round <= 2; round++ {
		if round == 1 {
			err = f.s.DeleteRelation(rs[0].ID)
		} else {
			_, err = f.s.Redo()
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range docStructure(t, f.s, f.doc).Notes {
			if n.Target == rs[0].ID {
				t.Fatalf("round %d: note %s outlived its relation", round, n.ID)
			}
		}
		if _, err := f.s.Undo(); err != nil {
			t.Fatalf("round %d, undo: %v", round, err)
		}
		if got := dumpStructure(t, f.s); got != want {
			t.Fatalf("round %d: undo left\n%s", round, lineDiff(got, want))
		}
	}
}
