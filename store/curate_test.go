package store

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"gloss/annotate"
	"gloss/annotate/agree"
)

// goldLayer lists the gold spans of every document as "doc:start-end:label".
func goldLayer(t *testing.T, s *Store, docs []*annotate.Document) []string {
	t.Helper()
	names := map[string]string{}
	ls, _ := s.Labels()
	for _, l := range ls {
		names[l.ID] = l.Name
	}
	var out []string
	for i, d := range docs {
		spans, err := s.SpansBy(d.ID, annotate.Gold)
		if err != nil {
			t.Fatal(err)
		}
		for _, sp := range spans {
			out = append(out, fmt.Sprintf("%d:%d-%d:%s", i, sp.Start, sp.End, names[sp.LabelID]))
		}
	}
	sort.Strings(out)
	return out
}

var curateSpans = []teamSpan{
	// all three: accepted by both rules
	{"alice", 0, 0, 12, "actor"}, {"bob", 0, 0, 12, "actor"}, {"carol", 0, 0, 12, "actor"},
	// two of three: majority only
	{"alice", 0, 20, 38, "claim"}, {"bob", 0, 20, 38, "claim"}, {"carol", 0, 18, 39, "claim"},
	// one of three: open
	{"alice", 1, 0, 17, "claim"},
	// two of three, in another document
	{"bob", 2, 2, 10, "actor"}, {"carol", 2, 2, 10, "actor"},
}

// TestCurate: each rule fills the gold layer with what it accepts, leaves
// the rest open, never duplicates or overwrites gold, does not bring back
// what a curator removed, and adds nothing when run again.
func TestCurate(t *testing.T) {
	s, docs := teamProject(t, curateSpans, nil)
	res, err := s.Curate(agree.Unanimous, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Accepted != 1 || res.Added != 1 || res.Present != 0 || res.Open != 4 || strings.Join(res.Annotators, ",") != "alice,bob,carol" {
		t.Errorf("unanimous: %+v", res)
	}
	if got := strings.Join(goldLayer(t, s, docs), " "); got != "0:0-12:actor" {
		t.Errorf("gold after unanimous: %s", got)
	}
	// a curator moves one gold span by hand and adds another
	gold := openAs(t, s.Path(), annotate.Gold)
	defer gold.Close()
	must(t, gold.AddSpan(annotate.NewSpan(docs[1].ID, 0, 17, label(t, s, "claim"))))

	res, err = s.Curate(agree.Majority, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Accepted != 3 || res.Added != 2 || res.Present != 1 || res.Open != 2 {
		t.Errorf("majority: %+v", res)
	}
	want := "0:0-12:actor 0:20-38:claim 1:0-17:claim 2:2-10:actor"
	if got := strings.Join(goldLayer(t, s, docs), " "); got != want {
		t.Errorf("gold after majority: %s, want %s", got, want)
	}
	again, err := s.Curate(agree.Majority, nil)
	if err != nil || again.Added != 0 || again.Present != 3 {
		t.Errorf("majority again: %+v, %v", again, err)
	}
	// the curator shortens an accepted gold span: it stays as edited
	spans, _ := gold.SpansBy(docs[2].ID, annotate.Gold)
	spans[0].End = 9
	must(t, gold.UpdateSpan(spans[0]))
	res, err = s.Curate(agree.Majority, nil)
	if err != nil || res.Added != 0 || res.Rejected != 1 || res.Present != 2 {
		t.Errorf("majority after a hand edit: %+v, %v", res, err)
	}
	want = "0:0-12:actor 0:20-38:claim 1:0-17:claim 2:2-9:actor"
	if got := strings.Join(goldLayer(t, s, docs), " "); got != want {
		t.Errorf("gold after a hand edit: %s, want %s", got, want)
	}
	// undoing the hand edit (as gold) restores the span; nothing is added
	if _, err := gold.Undo(); err != nil {
		t.Fatal(err)
	}
	res, err = s.Curate(agree.Majority, nil)
	if err != nil || res.Added != 0 || res.Present != 3 {
		t.Errorf("majority after undo: %+v, %v", res, err)
	}
	// the edit log has one add-span per curated span, by gold, and a curate entry
	hist, _ := s.History(0)
	adds, curates := 0, 0
	for _, e := range hist {
		switch {
		case e.Action == annotate.ActionAddSpan && e.Annotator == annotate.Gold:
			adds++
		case e.Action == annotate.ActionCurate && e.Annotator == "coordinator":
			curates++
		}
	}
	if adds != 4 || curates != 5 { // 3 curated + 1 by hand; five runs
		t.Errorf("edit log: %d gold adds, %d curate entries", adds, curates)
	}
	for _, bad := range [][]string{{"alice", "gold"}, {"zed"}} {
		if _, err := s.Curate(agree.Majority, bad); annotate.ErrorCode(err) != annotate.EINVALID {
			t.Errorf("curate with %v: %v", bad, err)
		}
	}
	if _, err := s.Curate("vote", nil); annotate.ErrorCode(err) != annotate.EINVALID {
		t.Errorf("unknown strategy: %v", err)
	}
}

// TestCurateTwoAnnotators: with a subset named, only their spans count.
func TestCurateTwoAnnotators(t *testing.T) {
	s, docs := teamProject(t, curateSpans, nil)
	res, err := s.Curate(agree.Unanimous, []string{"bob", "carol"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Accepted != 2 || res.Added != 2 || res.Open != 2 { // bob's and carol's claims differ
		t.Errorf("bob and carol: %+v", res)
	}
	if got := strings.Join(goldLayer(t, s, docs), " "); got != "0:0-12:actor 2:2-10:actor" {
		t.Errorf("gold: %s", got)
	}
}
