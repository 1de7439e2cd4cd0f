package pgstore

import (
	"reflect"
	"strings"
	"testing"

	"gloss/annotate"
)

// teamWork has alice and bob code the team's document, both mark it done,
// and the curator carol put a span into gold.
func teamWork(t *testing.T, tm *team) {
	t.Helper()
	gold := tm.openRole(t, "carol", Gold)
	for _, c := range []struct {
		s          *Store
		start, end int
	}{{tm.alice, 0, 5}, {tm.bob, 0, 5}, {tm.bob, 6, 11}, {gold, 12, 16}} {
		if err := c.s.AddSpan(annotate.NewSpan(tm.doc.ID, c.start, c.end, tm.label.ID)); err != nil {
			t.Fatalf("%s adds [%d,%d): %v", c.s.Annotator(), c.start, c.end, err)
		}
	}
	for _, s := range []*Store{tm.alice, tm.bob} {
		if err := s.SetStatus(tm.doc.ID, annotate.StatusDone); err != nil {
			t.Fatal(err)
		}
	}
}

func TestTeamBlindAnnotatorSeesNoOtherCoder(t *testing.T) {
	tm := newTeam(t)
	teamWork(t, tm)
	names := func(s *Store) string {
		t.Helper()
		a, err := s.Annotators()
		if err != nil {
			t.Fatalf("Annotators as %s: %v", s.Annotator(), err)
		}
		return strings.Join(a, ",")
	}
	if got := names(tm.alice); got != "alice,gold" {
		t.Errorf("blind alice's Annotators = %s, want alice,gold", got)
	}
	for who, want := range map[string]int{"alice": 1, "bob": 0, Gold: 1} {
		spans, err := tm.alice.SpansBy(tm.doc.ID, who)
		if err != nil || len(spans) != want {
			t.Errorf("blind alice's SpansBy(%s) = %d spans, %v; want %d", who, len(spans), err, want)
		}
	}
	all, err := tm.alice.Statuses(tm.doc.ID)
	if err != nil || !reflect.DeepEqual(all, map[string]annotate.Status{"alice": annotate.StatusDone}) {
		t.Errorf("blind alice's Statuses = %v, %v; want hers only", all, err)
	}
	if st, err := tm.alice.StatusOf(tm.doc.ID, "bob"); err != nil || st != annotate.StatusTodo {
		t.Errorf("blind alice's StatusOf(bob) = %q, %v; want todo (hidden), no error", st, err)
	}
	// Her study has only her own layer: there is no one to compare with.
	st, err := tm.alice.AgreementStudy("all", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(st.Annotators, []string{"alice"}) || len(st.Spans) != 1 || st.Spans[0].Annotator != "alice" {
		t.Errorf("blind alice's study: %+v", st)
	}
	_, err = tm.alice.AgreementStudy("all", []string{"alice", "bob"}, nil)
	wantCode(t, err, annotate.EINVALID)
	// The curator and the manager see every layer; so does alice once
	// blind coding is off.
	for _, s := range []*Store{tm.carol, tm.mary} {
		if got := names(s); got != "alice,bob,gold" {
			t.Errorf("%s's Annotators = %s, want alice,bob,gold", s.Annotator(), got)
		}
	}
	if err := tm.mary.SetBlind(ctxb, false); err != nil {
		t.Fatal(err)
	}
	if got := names(tm.alice); got != "alice,bob,gold" {
		t.Errorf("alice's Annotators with blind coding off = %s, want alice,bob,gold", got)
	}
	if spans, err := tm.alice.SpansBy(tm.doc.ID, "bob"); err != nil || len(spans) != 2 {
		t.Errorf("alice's SpansBy(bob) with blind coding off = %d spans, %v; want 2", len(spans), err)
	}
}

func TestTeamOnlyACuratorCurates(t *testing.T) {
	tm := newTeam(t)
	teamWork(t, tm)
	goldCount := func() int {
		t.Helper()
		spans, err := tm.admin.SpansBy(tm.doc.ID, Gold)
		if err != nil {
			t.Fatal(err)
		}
		return len(spans)
	}
	// alice (blind: her own layer only) and the manager may not write gold.
	_, err := tm.alice.CurateGold("unanimous", nil)
	wantForbidden(t, err, "alice is an annotator in this project and cannot curate: only a curator writes the gold layer")
	_, err = tm.mary.CurateGold("majority", nil)
	wantForbidden(t, err, "mary is a manager in this project and cannot curate: only a curator writes the gold layer")
	// Without that check, the server refuses alice's gold span itself.
	forged := annotate.NewSpan(tm.doc.ID, 0, 5, tm.label.ID)
	forged.Annotator = Gold
	wantForbidden(t, tm.alice.AddSpan(forged), "alice is an annotator in this project and cannot write spans in the layer of gold")
	if n := goldCount(); n != 1 {
		t.Fatalf("refused curations left %d gold spans, want the 1 carol added", n)
	}
	// carol compares alice and bob: their common span enters gold.
	res, err := tm.carol.CurateGold("unanimous", nil)
	if err != nil {
		t.Fatal(err)
	}
	want := annotate.CurateSummary{Annotators: []string{"alice", "bob"}, Accepted: 1, Added: 1, Open: 1}
	if !reflect.DeepEqual(res, want) {
		t.Errorf("carol's curation = %+v, want %+v", res, want)
	}
	if n := goldCount(); n != 2 {
		t.Errorf("after carol's curation gold has %d spans, want 2", n)
	}
	// Everyone sees gold, blind alice included; the run is logged as carol's.
	if spans, err := tm.alice.SpansBy(tm.doc.ID, Gold); err != nil || len(spans) != 2 {
		t.Errorf("alice sees %d gold spans, %v; want 2", len(spans), err)
	}
	hist, err := tm.admin.History(3)
	if err != nil {
		t.Fatal(err)
	}
	if hist[0].Action != annotate.ActionCurate || hist[0].Annotator != "carol" || hist[1].Action != annotate.ActionAddSpan || hist[1].Annotator != Gold {
		t.Errorf("the log ends with %s by %s, %s by %s; want curate by carol after add-span by gold",
			hist[0].Action, hist[0].Annotator, hist[1].Action, hist[1].Annotator)
	}
}
