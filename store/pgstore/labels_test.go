package pgstore

import (
	"strings"
	"sync"
	"testing"

	"gloss/annotate"
)

func TestLabelEditsUndo(t *testing.T) {
	s, _ := newProject(t, "ann")
	claim, d := seed(t, s)
	actor := annotate.NewLabel("actor", "#56B4E9", "2", "")
	if err := s.AddLabel(actor); err != nil {
		t.Fatal(err)
	}
	sp := annotate.NewSpan(d.ID, 0, 5, claim.ID)
	dup := annotate.NewSpan(d.ID, 6, 10, claim.ID)
	there := annotate.NewSpan(d.ID, 6, 10, actor.ID)
	for _, x := range []*annotate.Span{sp, dup, there} {
		if err := s.AddSpan(x); err != nil {
			t.Fatal(err)
		}
	}
	renamed := *claim
	renamed.Name = "Claim!"
	if err := s.UpdateLabel(&renamed); err != nil {
		t.Fatal(err)
	}
	e, err := s.Undo()
	if err != nil || e.Action != annotate.ActionUpdateLabel {
		t.Fatalf("undo rename = %+v, %v", e, err)
	}
	if l, _ := findLabel(ctxb, s.pool, claim.ID); l.Name != "claim" {
		t.Fatalf("after undo the label is named %q", l.Name)
	}
	// Delete claim moving its spans to actor: [6, 10) is already actor's, so
	// claim's copy is dropped; undo brings both back as they were.
	if err := s.DeleteLabel(claim.ID, actor.ID); err != nil {
		t.Fatal(err)
	}
	spans, _ := s.Spans(d.ID)
	if len(spans) != 2 {
		t.Fatalf("after the delete %d spans, want 2", len(spans))
	}
	if e, err := s.Undo(); err != nil || e.Action != annotate.ActionDeleteLabel {
		t.Fatalf("undo delete = %+v, %v", e, err)
	}
	spans, _ = s.Spans(d.ID)
	got := map[string]string{}
	for _, x := range spans {
		got[x.ID] = x.LabelID
	}
	if len(spans) != 3 || got[sp.ID] != claim.ID || got[dup.ID] != claim.ID || got[there.ID] != actor.ID {
		t.Fatalf("after undoing the delete: %v", got)
	}
	if _, err := s.Redo(); err != nil {
		t.Fatal(err)
	}
	if l, _ := findLabel(ctxb, s.pool, claim.ID); l != nil {
		t.Fatal("redo did not delete the label again")
	}
}

func TestDeleteLabelInUse(t *testing.T) {
	s, _ := newProject(t, "ann")
	l, d := seed(t, s)
	if err := s.AddSpan(annotate.NewSpan(d.ID, 0, 5, l.ID)); err != nil {
		t.Fatal(err)
	}
	wantCode(t, s.DeleteLabel(l.ID, ""), annotate.ECONFLICT)
	wantCode(t, s.DeleteLabel(l.ID, "nope"), annotate.ENOTFOUND)
	wantCode(t, s.DeleteLabel("nope", ""), annotate.ENOTFOUND)
}

// Two annotators adding labels whose names differ only in case at the same
// moment: the server keeps one, the other gets ECONFLICT.
func TestConcurrentSameLabel(t *testing.T) {
	s, url := newProject(t, "a")
	o := openAs(t, url, "b")
	for round := 0; round < 10; round++ {
		name := "label" + strings.Repeat("x", round)
		var wg sync.WaitGroup
		errs := make([]error, 2)
		for i, st := range []*Store{s, o} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				n := name
				if i == 1 {
					n = strings.ToUpper(name)
				}
				errs[i] = st.AddLabel(&annotate.Label{Name: n})
			}()
		}
		wg.Wait()
		ok := 0
		for _, err := range errs {
			if err == nil {
				ok++
			} else if annotate.ErrorCode(err) != annotate.ECONFLICT {
				t.Fatalf("round %d: %v", round, err)
			}
		}
		if ok != 1 {
			t.Fatalf("round %d: %d of 2 adds succeeded, want 1 (%v)", round, ok, errs)
		}
	}
	if labels, _ := s.Labels(); len(labels) != 10 {
		t.Fatalf("%d labels, want 10", len(labels))
	}
}
