package projecttest

import (
	"strings"
	"testing"

	"gloss/annotate"
)

// testStructureDeletes checks that the edits that remove many spans at
// once (DeleteSpans, and DeleteLabel dropping spans that would duplicate
// one of the label moved to) take the structure on those spans with them,
// leave nothing unattached, and that undo brings it back exactly.
func testStructureDeletes(t *testing.T, tg Target) {
	t.Run("batch delete takes its structure and undo brings it back", func(t *testing.T) {
		e := newEnv(t, tg)
		p := e.as("ana")
		f := newStructured()
		f.load(t, p)
		st, h := structureOf(t, p), historian(t, p)
		want := docStructure(t, st, f.doc.ID)
		// ana: the relation's source (with a note on the relation), a note,
		// an equivalence member and the event's Agent; paris: the event's
		// Place, an equivalence member and a normalisation.
		wantCode(t, "DeleteSpans", p.DeleteSpans([]string{f.ana.ID, f.paris.ID}), "")
		wantOnlyEvent(t, "after the delete", st, f)
		deleted := docStructure(t, st, f.doc.ID)
		wantSpans(t, "after the delete", p, f.doc.ID, f.obama, f.claimSpan)
		u := step(t, "undo", h.Undo)
		if u.Action != annotate.ActionDeleteSpans {
			t.Errorf("undid %s, want %s", u.Action, annotate.ActionDeleteSpans)
		}
		wantSpans(t, "after undo", p, f.doc.ID, f.ana, f.obama, f.paris, f.claimSpan)
		if got := docStructure(t, st, f.doc.ID); got != want {
			t.Errorf("after undo the structure is\n%s\nwant\n%s", got, want)
		}
		step(t, "redo", h.Redo)
		wantSpans(t, "after redo", p, f.doc.ID, f.obama, f.claimSpan)
		if got := docStructure(t, st, f.doc.ID); got != deleted {
			t.Errorf("after redo the structure is\n%s\nwant\n%s", got, deleted)
		}
		step(t, "undo again", h.Undo)
		if got := docStructure(t, st, f.doc.ID); got != want {
			t.Errorf("after the second undo the structure is\n%s\nwant\n%s", got, want)
		}
	})

	t.Run("label delete dropping a duplicate takes its structure and undo brings it back", func(t *testing.T) {
		e := newEnv(t, tg)
		p := e.as("ana")
		f := newStructured()
		f.load(t, p)
		st, h := structureOf(t, p), historian(t, p)
		// A place span of ana's on ana's range: moving actor to place drops
		// S-ana (with its relation, note, equivalence membership and event
		// argument); S-obama moves to place and keeps what is on it.
		dup := addSpan(t, p, f.doc.ID, f.ana.Start, f.ana.End, f.place.ID)
		want := docStructure(t, st, f.doc.ID)
		wantCode(t, "DeleteLabel actor -> place", p.DeleteLabel(f.actor.ID, f.place.ID), "")
		moved := *f.obama
		moved.LabelID = f.place.ID
		wantSpans(t, "after the delete", p, f.doc.ID, dup, &moved, f.paris, f.claimSpan)
		ds, err := st.DocStructure(f.doc.ID)
		if err != nil {
			t.Fatal(err)
		}
		deleted := canonStructure(ds)
		if len(ds.Relations) != 0 || len(ds.Notes) != 0 {
			t.Errorf("after the delete relations or notes are left:\n%s", deleted)
		}
		if len(ds.Events) != 1 || len(ds.Events[0].Args) != 1 || ds.Events[0].Args[0].Ref != f.paris.ID {
			t.Errorf("after the delete want the event with its Place argument only:\n%s", deleted)
		}
		if len(ds.Equivs) != 1 || strings.Join(ds.Equivs[0].Members, " ") != f.obama.ID+" "+f.paris.ID {
			t.Errorf("after the delete want the equivalence set %s %s:\n%s", f.obama.ID, f.paris.ID, deleted)
		}
		if len(ds.Norms) != 1 {
			t.Errorf("after the delete the normalisation on %s went too:\n%s", f.paris.ID, deleted)
		}
		u := step(t, "undo", h.Undo)
		if u.Action != annotate.ActionDeleteLabel {
			t.Errorf("undid %s, want %s", u.Action, annotate.ActionDeleteLabel)
		}
		wantSpans(t, "after undo", p, f.doc.ID, f.ana, dup, f.obama, f.paris, f.claimSpan)
		if got := docStructure(t, st, f.doc.ID); got != want {
			t.Errorf("after undo the structure is\n%s\nwant\n%s", got, want)
		}
		step(t, "redo", h.Redo)
		if got := docStructure(t, st, f.doc.ID); got != deleted {
			t.Errorf("after redo the structure is\n%s\nwant\n%s", got, deleted)
		}
		step(t, "undo again", h.Undo)
		if got := docStructure(t, st, f.doc.ID); got != want {
			t.Errorf("after the second undo the structure is\n%s\nwant\n%s", got, want)
		}
	})
}

// wantOnlyEvent fails the case unless, after S-ana and S-paris went, the
// document's structure is the event on S-obama alone, without arguments:
// nothing is left on a span that is gone.
func wantOnlyEvent(t *testing.T, what string, st annotate.Structure, f *structured) {
	t.Helper()
	ds, err := st.DocStructure(f.doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Relations) != 0 || len(ds.Notes) != 0 || len(ds.Norms) != 0 || len(ds.Equivs) != 0 {
		t.Errorf("%s: relations, notes, normalisations or equivalence sets are left:\n%s", what, canonStructure(ds))
	}
	if len(ds.Events) != 1 || ds.Events[0].Trigger != f.obama.ID || len(ds.Events[0].Args) != 0 {
		t.Errorf("%s: want the event %s on %s without arguments:\n%s", what, f.event.ID, f.obama.ID, canonStructure(ds))
	}
}
