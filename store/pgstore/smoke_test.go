package pgstore

import (
	"testing"

	"gloss/annotate"
)

func TestSmoke(t *testing.T) {
	s, _ := newProject(t, "ann")
	l, d := seed(t, s)
	sp := annotate.NewSpan(d.ID, 0, 5, l.ID)
	if err := s.AddSpan(sp); err != nil {
		t.Fatal(err)
	}
	got, err := s.Spans(d.ID)
	if err != nil || len(got) != 1 || got[0].Annotator != "ann" {
		t.Fatalf("%v %v", got, err)
	}
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Spans(d.ID); len(got) != 0 {
		t.Fatal(got)
	}
	if _, err := s.Redo(); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Spans(d.ID); len(got) != 1 {
		t.Fatal(got)
	}
}
