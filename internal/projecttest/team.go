package projecttest

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"gloss/annotate"
)

// testTeam checks the team features a store offers (every Gloss store
// must): annotate.Team (layers and statuses), the agreement study and
// annotate.Curator (team_study.go, team_curate.go).
func testTeam(t *testing.T, tg Target) {
	t.Run("layers", func(t *testing.T) {
		e := newEnv(t, tg)
		ben := e.as("ben")
		x, y := addLabel(t, ben, "x"), addLabel(t, ben, "y")
		d := addDoc(t, ben, "d", "Ünïcode text with a few words in it.")
		other := addDoc(t, ben, "other", "Nothing here.")
		ana := e.as("ana")
		// The same span in two layers, and spans added in reverse text order.
		b1 := addSpan(t, ben, d.ID, 4, 8, x.ID)
		a2 := addSpan(t, ana, d.ID, 10, 14, y.ID)
		a1 := addSpan(t, ana, d.ID, 4, 8, x.ID)
		a0 := addSpan(t, ana, d.ID, 0, 7, y.ID)
		if got := annotators(t, teamOf(t, ben)); got != "ana,ben" {
			t.Errorf("Annotators = %s, want ana,ben", got)
		}
		for _, c := range []struct {
			who, doc string
			want     []*annotate.Span
		}{
			{"ana", d.ID, []*annotate.Span{a0, a1, a2}},
			{"ben", d.ID, []*annotate.Span{b1}},
			{"ana", other.ID, nil},
			{"nobody", d.ID, nil},
			{"ana", "no-such-document", nil},
		} {
			got, err := teamOf(t, ben).SpansBy(c.doc, c.who)
			if err != nil {
				t.Fatalf("SpansBy(%s, %s): %v", c.doc, c.who, err)
			}
			if g, w := spanKeys(got), spanKeys(c.want); g != w {
				t.Errorf("SpansBy(%s, %s) =\n%s want\n%s", c.doc, c.who, g, w)
			}
		}
		if tm := teamOf(t, ana); tm.Annotator() != "ana" {
			t.Errorf("Annotator() = %q, want ana", tm.Annotator())
		}
		// A layer emptied by a delete is no longer an annotator.
		if err := ben.DeleteSpan(b1.ID); err != nil {
			t.Fatal(err)
		}
		if got := annotators(t, teamOf(t, ana)); got != "ana" {
			t.Errorf("Annotators after ben's last span went = %s, want ana", got)
		}
	})

	t.Run("statuses", func(t *testing.T) {
		e := newEnv(t, tg)
		ana, ben := e.as("ana"), e.as("ben")
		d := addDoc(t, ana, "d", "Some text.")
		if err := ana.SetStatus(d.ID, annotate.StatusDone); err != nil {
			t.Fatal(err)
		}
		if err := ben.SetStatus(d.ID, annotate.StatusInProgress); err != nil {
			t.Fatal(err)
		}
		if err := ben.SetStatus(d.ID, annotate.StatusTodo); err != nil {
			t.Fatal(err)
		}
		tm := teamOf(t, ana)
		for who, want := range map[string]annotate.Status{"ana": annotate.StatusDone, "ben": annotate.StatusTodo, "cara": annotate.StatusTodo} {
			got, err := tm.StatusOf(d.ID, who)
			if err != nil || got != want {
				t.Errorf("StatusOf(%s) = %q, %v; want %q", who, got, err, want)
			}
		}
		all, err := tm.Statuses(d.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got := statusList(all); got != "ana=done,ben=todo" {
			t.Errorf("Statuses = %s, want ana=done,ben=todo", got)
		}
		_, err = tm.StatusOf("no-such-document", "ana")
		wantCode(t, "StatusOf a missing document", err, annotate.ENOTFOUND)
		_, err = tm.Statuses("no-such-document")
		wantCode(t, "Statuses of a missing document", err, annotate.ENOTFOUND)
	})

	t.Run("study", testStudy(tg))
	t.Run("study refusals", testStudyRefusals(tg))
	t.Run("curate", testCurate(tg))
	t.Run("curate refusals", testCurateRefusals(tg))
}

// teamOf returns p as an annotate.Team; every Gloss store must be one.
func teamOf(t *testing.T, p annotate.Project) annotate.Team {
	t.Helper()
	tm, ok := p.(annotate.Team)
	if !ok {
		t.Fatalf("%T does not implement annotate.Team: every Gloss store must", p)
	}
	return tm
}

// annotators is tm.Annotators() comma-separated.
func annotators(t *testing.T, tm annotate.Team) string {
	t.Helper()
	names, err := tm.Annotators()
	if err != nil {
		t.Fatalf("Annotators: %v", err)
	}
	return strings.Join(names, ",")
}

// statusList is a status map as "a=done,b=todo", sorted.
func statusList(m map[string]annotate.Status) string {
	var out []string
	for a, st := range m {
		out = append(out, fmt.Sprintf("%s=%s", a, st))
	}
	sort.Strings(out)
	return strings.Join(out, ",")
}
