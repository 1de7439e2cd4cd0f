package projecttest

import (
	"fmt"
	"strings"
	"testing"

	"gloss/annotate"
	"gloss/annotate/agree"
)

// studier is a store that builds agreement studies (both stores do; the
// window and gloss-cli assert it).
type studier interface {
	AgreementStudy(scope string, annotators, labels []string) (agree.Study, error)
}

// studierOf returns p as a studier; every Gloss store must be one.
func studierOf(t *testing.T, p annotate.Project) studier {
	t.Helper()
	s, ok := p.(studier)
	if !ok {
		t.Fatalf("%T has no AgreementStudy: every Gloss store must", p)
	}
	return s
}

// studyText is a study as text: annotators, labels, documents (id:length)
// and spans (annotator doc [start,end) label), in the study's order.
func studyText(st agree.Study) string {
	var b strings.Builder
	fmt.Fprintf(&b, "annotators=%s labels=%v\n", strings.Join(st.Annotators, ","), st.Labels)
	for _, d := range st.Documents {
		fmt.Fprintf(&b, "doc %s:%d\n", d.ID, d.Length)
	}
	for _, sp := range st.Spans {
		fmt.Fprintf(&b, "%s %s [%d,%d) %s\n", sp.Annotator, sp.Document, sp.Start, sp.End, sp.Label)
	}
	return b.String()
}

// teamProject is three documents coded by ana, ben and cara, with a gold
// span: d1 marked done by all three, d2 by ana and ben, d3 by nobody.
type teamProject struct {
	claim, actor *annotate.Label
	d1, d2, d3   *annotate.Document
	ana, ben, cr annotate.Project
}

func newTeamProject(t *testing.T, e *env) teamProject {
	t.Helper()
	var tp teamProject
	tp.ana, tp.ben, tp.cr = e.as("ana"), e.as("ben"), e.as("cara")
	tp.claim, tp.actor = addLabel(t, tp.ana, "claim"), addLabel(t, tp.ana, "actor")
	tp.d1 = addDoc(t, tp.ana, "one", "Zürich said the rate will rise 🙂 next year.")
	tp.d2 = addDoc(t, tp.ana, "two", "Paris disagreed with every forecast.")
	tp.d3 = addDoc(t, tp.ana, "three", "Nobody has read this yet.")
	c, a := tp.claim.ID, tp.actor.ID
	// tuple [0,6) actor: all three; [7,30) claim: ana and ben; [15,30)
	// claim: ana only; in d2 [0,5) actor ana and cara; d3 [0,6) ben.
	for _, s := range []struct {
		p          annotate.Project
		doc        string
		start, end int
		label      string
	}{
		{tp.ana, tp.d1.ID, 0, 6, a}, {tp.ben, tp.d1.ID, 0, 6, a}, {tp.cr, tp.d1.ID, 0, 6, a},
		{tp.ben, tp.d1.ID, 7, 30, c}, {tp.ana, tp.d1.ID, 7, 30, c}, {tp.ana, tp.d1.ID, 15, 30, c},
		{tp.cr, tp.d2.ID, 0, 5, a}, {tp.ana, tp.d2.ID, 0, 5, a}, {tp.ben, tp.d3.ID, 0, 6, a},
	} {
		addSpan(t, s.p, s.doc, s.start, s.end, s.label)
	}
	gold := e.as(annotate.Gold)
	addSpan(t, gold, tp.d1.ID, 0, 6, a)
	e.close(gold)
	for _, st := range []struct {
		p   annotate.Project
		doc string
	}{{tp.ana, tp.d1.ID}, {tp.ben, tp.d1.ID}, {tp.cr, tp.d1.ID}, {tp.ana, tp.d2.ID}, {tp.ben, tp.d2.ID}} {
		if err := st.p.SetStatus(st.doc, annotate.StatusDone); err != nil {
			t.Fatal(err)
		}
	}
	return tp
}

func testStudy(tg Target) func(t *testing.T) {
	return func(t *testing.T) {
		e := newEnv(t, tg)
		tp := newTeamProject(t, e)
		d1, d2, d3 := tp.d1.ID, tp.d2.ID, tp.d3.ID
		for _, c := range []struct {
			scope        string
			anns, labels []string
			want         string
		}{
			// Every annotator but gold; only d1 is done by all three.
			{"", nil, nil, "annotators=ana,ben,cara labels=[]\ndoc " + d1 + ":43\n" +
				"ana " + d1 + " [0,6) actor\nben " + d1 + " [0,6) actor\ncara " + d1 + " [0,6) actor\n" +
				"ben " + d1 + " [7,30) claim\nana " + d1 + " [7,30) claim\nana " + d1 + " [15,30) claim\n"},
			// ana and ben marked d1 and d2 done; cara's spans are left out.
			{"done", []string{"ben", "ana"}, []string{"CLAIM"}, "annotators=ben,ana labels=[claim]\ndoc " + d1 + ":43\ndoc " + d2 + ":36\n" +
				"ana " + d1 + " [0,6) actor\nben " + d1 + " [0,6) actor\n" +
				"ben " + d1 + " [7,30) claim\nana " + d1 + " [7,30) claim\nana " + d1 + " [15,30) claim\n" +
				"ana " + d2 + " [0,5) actor\n"},
			// Every document, in import order, whoever marked it done.
			{"all", []string{"cara", "ben"}, []string{"actor", "Claim"}, "annotators=cara,ben labels=[actor claim]\n" +
				"doc " + d1 + ":43\ndoc " + d2 + ":36\ndoc " + d3 + ":25\n" +
				"ben " + d1 + " [0,6) actor\ncara " + d1 + " [0,6) actor\nben " + d1 + " [7,30) claim\n" +
				"cara " + d2 + " [0,5) actor\nben " + d3 + " [0,6) actor\n"},
		} {
			st, err := studierOf(t, tp.ben).AgreementStudy(c.scope, c.anns, c.labels)
			if err != nil {
				t.Fatalf("AgreementStudy(%q, %v, %v): %v", c.scope, c.anns, c.labels, err)
			}
			if got := studyText(st); got != c.want {
				t.Errorf("AgreementStudy(%q, %v, %v) =\n%s want\n%s", c.scope, c.anns, c.labels, got, c.want)
			}
			if _, err := agree.Compute(st); err != nil {
				t.Errorf("agree.Compute of the study (%q, %v): %v", c.scope, c.anns, err)
			}
		}
		// An annotator with a status but no spans may be named.
		dan := e.as("dan")
		if err := dan.SetStatus(d3, annotate.StatusDone); err != nil {
			t.Fatal(err)
		}
		st, err := studierOf(t, tp.ana).AgreementStudy("done", []string{"ben", "dan"}, nil)
		if err != nil {
			t.Fatalf("a study naming dan, who has a status only: %v", err)
		}
		if got := studyText(st); got != "annotators=ben,dan labels=[]\n" {
			t.Errorf("study of ben and dan (no document done by both) =\n%s", got)
		}
	}
}

func testStudyRefusals(tg Target) func(t *testing.T) {
	return func(t *testing.T) {
		e := newEnv(t, tg)
		p := e.as("ana")
		addDoc(t, p, "d", "text")
		_, err := studierOf(t, p).AgreementStudy("", nil, nil)
		wantCode(t, "a study of a project without spans", err, annotate.EINVALID)
		tp := newTeamProject(t, e)
		s := studierOf(t, tp.ana)
		for what, c := range map[string]struct {
			scope        string
			anns, labels []string
		}{
			"an unknown scope":     {"some", nil, nil},
			"an unknown annotator": {"all", []string{"ana", "zoe"}, nil},
			"an unknown label":     {"all", nil, []string{"claim", "event"}},
		} {
			_, err := s.AgreementStudy(c.scope, c.anns, c.labels)
			wantCode(t, what, err, annotate.EINVALID)
		}
	}
}
