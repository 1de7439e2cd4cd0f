package store

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"gloss/annotate"
)

// labelState is the project's labels, every field, as comparable text.
func labelState(t *testing.T, s *Store) string {
	t.Helper()
	labels, err := s.Labels()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(labels)
	return string(b)
}

func addSpan(t *testing.T, s *Store, doc, labelID string, start, end int) *annotate.Span {
	t.Helper()
	sp := &annotate.Span{DocumentID: doc, Start: start, End: end, LabelID: labelID}
	if err := s.AddSpan(sp); err != nil {
		t.Fatal(err)
	}
	return sp
}

// TestUndoDeleteLabelWithMovedSpans: deleting a label whose spans move to
// another (one of them a duplicate there, so dropped) is one edit: Undo puts
// back the label and every span exactly, Redo deletes it again, and the span
// edits before it can then be undone as usual (issue 15, defect 7).
func TestUndoDeleteLabelWithMovedSpans(t *testing.T) {
	s := newProject(t)
	d := addDoc(t, s, "d", "Senior officials from Russia and China met on Monday.")
	actor, claim := label(t, s, "actor"), label(t, s, "claim")
	addSpan(t, s, d.ID, actor, 0, 6)
	addSpan(t, s, d.ID, actor, 22, 28)
	addSpan(t, s, d.ID, claim, 22, 28) // same range: the actor one is dropped by the move
	labelsBefore, spansBefore := labelState(t, s), spanState(t, s, d.ID)

	if err := s.DeleteLabel(actor, claim); err != nil {
		t.Fatal(err)
	}
	spansDeleted := spanState(t, s, d.ID)
	if strings.Contains(spansDeleted, actor) || strings.Count(spansDeleted, `"id"`) != 2 {
		t.Fatalf("after the delete: %s", spansDeleted)
	}
	undo, _, err := s.Pending()
	if err != nil || undo == nil || undo.Action != annotate.ActionDeleteLabel || undo.LabelBefore == nil || undo.LabelBefore.Name != "actor" {
		t.Fatalf("Pending = %+v, %v; want the label deletion", undo, err)
	}
	e, err := s.Undo()
	if err != nil {
		t.Fatalf("undo of the deletion: %v", err)
	}
	if e.Action != annotate.ActionDeleteLabel || e.MoveTo != claim || len(e.Spans) != 2 {
		t.Errorf("undo returned %+v", e)
	}
	if got := labelState(t, s); got != labelsBefore {
		t.Errorf("labels after undo:\n%s\nwant\n%s", got, labelsBefore)
	}
	if got := spanState(t, s, d.ID); got != spansBefore {
		t.Errorf("spans after undo:\n%s\nwant\n%s", got, spansBefore)
	}
	if _, err := s.Redo(); err != nil {
		t.Fatal(err)
	}
	if got := spanState(t, s, d.ID); strings.Contains(got, actor) {
		t.Errorf("redo left spans on the deleted label: %s", got)
	}
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	// the span edits before the deletion undo as usual, newest first
	for i := 0; i < 3; i++ {
		e, err := s.Undo()
		if err != nil || e.Action != annotate.ActionAddSpan {
			t.Fatalf("undo %d after the label came back: %+v, %v", i, e, err)
		}
	}
	if got := spanState(t, s, d.ID); got != "null" {
		t.Errorf("spans left: %s", got)
	}
}

// TestUndoRenameAndRecolour: renaming and recolouring are undoable, one step
// each, and a new edit clears what could be redone.
func TestUndoRenameAndRecolour(t *testing.T) {
	s := newProject(t)
	l, err := s.LabelByName("actor")
	if err != nil {
		t.Fatal(err)
	}
	orig := labelState(t, s)
	renamed := *l
	renamed.Name = "agent"
	if err := s.UpdateLabel(&renamed); err != nil {
		t.Fatal(err)
	}
	afterRename := labelState(t, s)
	recoloured := renamed
	recoloured.Color = "#000000"
	if err := s.UpdateLabel(&recoloured); err != nil {
		t.Fatal(err)
	}
	if err := s.UpdateLabel(&recoloured); err != nil { // unchanged: not an edit
		t.Fatal(err)
	}
	e, err := s.Undo()
	if err != nil || e.Action != annotate.ActionUpdateLabel || e.LabelAfter.Color != "#000000" || e.LabelBefore.Color == "#000000" {
		t.Fatalf("undo recolour: %+v, %v", e, err)
	}
	if got := labelState(t, s); got != afterRename {
		t.Errorf("after undoing the recolour:\n%s\nwant\n%s", got, afterRename)
	}
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if got := labelState(t, s); got != orig {
		t.Errorf("after undoing the rename:\n%s\nwant\n%s", got, orig)
	}
	if _, err := s.Undo(); annotate.ErrorCode(err) != annotate.ENOTFOUND {
		t.Errorf("a third undo: %v, want nothing to undo", err)
	}
	if _, err := s.Redo(); err != nil {
		t.Fatal(err)
	}
	if got := labelState(t, s); got != afterRename {
		t.Errorf("after redo:\n%s\nwant\n%s", got, afterRename)
	}
	other := *l
	other.Name, other.Description = "agent", "a new edit"
	if err := s.UpdateLabel(&other); err != nil {
		t.Fatal(err)
	}
	if _, redo, _ := s.Pending(); redo != nil {
		t.Errorf("a new label edit left %+v to redo", redo)
	}
}

// TestUndoConflictNamesTheCause: when an edit cannot be undone, the error
// says what happened instead of blaming another annotator.
func TestUndoConflictNamesTheCause(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.gloss")
	s := openAs(t, path, "ann")
	defer s.Close()
	if err := s.AddLabel(&annotate.Label{Name: "actor"}); err != nil {
		t.Fatal(err)
	}
	l, _ := s.LabelByName("actor")
	d1 := addDoc(t, s, "one", "Russia and China met.")
	d2 := addDoc(t, s, "two", "Moscow and Beijing agreed.")
	addSpan(t, s, d1.ID, l.ID, 0, 6)
	sp := addSpan(t, s, d2.ID, l.ID, 0, 6)
	if err := s.DeleteDocument(d2.ID); err != nil {
		t.Fatal(err)
	}
	_, err := s.Undo()
	if annotate.ErrorCode(err) != annotate.ECONFLICT || !strings.Contains(err.Error(), "document") || strings.Contains(err.Error(), "another annotator") {
		t.Errorf("undo after the document was deleted: %v", err)
	}
	_ = sp

	// a label renamed since by someone else
	renamed := *l
	renamed.Name = "agent"
	if err := s.UpdateLabel(&renamed); err != nil {
		t.Fatal(err)
	}
	o := openAs(t, path, "other")
	defer o.Close()
	again := renamed
	again.Name = "speaker"
	if err := o.UpdateLabel(&again); err != nil {
		t.Fatal(err)
	}
	_, err = s.Undo()
	if annotate.ErrorCode(err) != annotate.ECONFLICT || !strings.Contains(err.Error(), `the label "speaker" was changed since`) {
		t.Errorf("undo of a rename changed since: %v", err)
	}
	if got, _ := s.LabelByName("speaker"); got == nil {
		t.Error("the failed undo changed the label")
	}
}
