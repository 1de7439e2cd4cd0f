package agree

import (
	"reflect"
	"testing"
)

func TestCurate(t *testing.T) {
	coders := []string{"alice", "bob", "carol"}
	spans := []Span{
		// all three
		span("d1", 0, 5, "claim", "alice"), span("d1", 0, 5, "claim", "bob"), span("d1", 0, 5, "claim", "carol"),
		// two of three
		span("d1", 8, 12, "actor", "alice"), span("d1", 8, 12, "actor", "carol"),
		// one, and one with another label at the same place
		span("d1", 8, 12, "place", "bob"),
		// two, one of them twice
		span("d2", 1, 2, "claim", "bob"), span("d2", 1, 2, "claim", "bob"), span("d2", 1, 2, "claim", "alice"),
		// one, shifted by one code point from the unanimous tuple
		span("d1", 0, 6, "claim", "carol"),
		// not a compared annotator: ignored
		span("d1", 20, 25, "claim", "gold"), span("d1", 0, 5, "claim", "gold"),
	}
	tuple := func(doc string, s, e int, label string, by ...string) Candidate {
		return Candidate{Tuple{doc, s, e, label}, by}
	}
	un, err := Curate(spans, coders, Unanimous)
	if err != nil {
		t.Fatal(err)
	}
	wantAccepted := []Candidate{tuple("d1", 0, 5, "claim", "alice", "bob", "carol")}
	wantOpen := []Candidate{
		tuple("d1", 0, 6, "claim", "carol"),
		tuple("d1", 8, 12, "actor", "alice", "carol"),
		tuple("d1", 8, 12, "place", "bob"),
		tuple("d2", 1, 2, "claim", "alice", "bob"),
	}
	if !reflect.DeepEqual(un.Accepted, wantAccepted) || !reflect.DeepEqual(un.Open, wantOpen) || un.Disagreements() != 4 {
		t.Errorf("unanimous:\naccepted %v\nopen %v", un.Accepted, un.Open)
	}
	maj, err := Curate(spans, coders, Majority)
	if err != nil {
		t.Fatal(err)
	}
	wantAccepted = []Candidate{
		tuple("d1", 0, 5, "claim", "alice", "bob", "carol"),
		tuple("d1", 8, 12, "actor", "alice", "carol"),
		tuple("d2", 1, 2, "claim", "alice", "bob"),
	}
	wantOpen = []Candidate{tuple("d1", 0, 6, "claim", "carol"), tuple("d1", 8, 12, "place", "bob")}
	if !reflect.DeepEqual(maj.Accepted, wantAccepted) || !reflect.DeepEqual(maj.Open, wantOpen) || maj.Disagreements() != 2 {
		t.Errorf("majority:\naccepted %v\nopen %v", maj.Accepted, maj.Open)
	}
	// Two coders: a majority is more than half, so both.
	two, _ := Curate(spans, []string{"alice", "bob"}, Majority)
	if len(two.Accepted) != 2 || two.Disagreements() != 2 {
		t.Errorf("majority of two: %v, open %v", two.Accepted, two.Open)
	}
}

func TestCurateErrors(t *testing.T) {
	if _, err := Curate(nil, nil, Majority); err == nil {
		t.Error("no annotators accepted")
	}
	if _, err := Curate(nil, []string{"a", "a"}, Majority); err == nil {
		t.Error("a duplicate annotator accepted")
	}
	if _, err := Curate(nil, []string{"a"}, "most"); err == nil {
		t.Error("an unknown strategy accepted")
	}
	if _, err := Curate([]Span{span("d", 3, 3, "x", "a")}, []string{"a"}, Majority); err == nil {
		t.Error("an empty span accepted")
	}
	for _, s := range []string{"unanimous", "majority"} {
		if st, err := ParseStrategy(s); err != nil || string(st) != s {
			t.Errorf("ParseStrategy(%q) = %q, %v", s, st, err)
		}
	}
	if c, err := Curate(nil, []string{"a"}, Unanimous); err != nil || len(c.Accepted)+c.Disagreements() != 0 {
		t.Errorf("no spans: %+v, %v", c, err)
	}
}
