package store

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"gloss/annotate"
	"gloss/annotate/agree"
	"gloss/annotate/unitext"
)

// teamSpan is one span to add: annotator, document index, offsets, label.
type teamSpan struct {
	ann        string
	doc        int
	start, end int
	label      string
}

// teamProject makes a project where several annotators marked spans of
// three documents (with text beyond ASCII, so that code points and bytes
// differ) and set statuses.
func teamProject(t *testing.T, spans []teamSpan, done map[string][]int) (*Store, []*annotate.Document) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "team.gloss")
	s := openAs(t, path, "coordinator")
	t.Cleanup(func() { s.Close() })
	for _, n := range []string{"actor", "claim"} {
		must(t, s.AddLabel(&annotate.Label{Name: n}))
	}
	docs := []*annotate.Document{
		addDoc(t, s, "a", "Der Minister sagte: Das wird scheitern."),
		addDoc(t, s, "b", "Ça n’arrivera pas, répondit la critique."),
		addDoc(t, s, "c", "Η πρόβλεψη απέτυχε."),
	}
	stores := map[string]*Store{}
	as := func(ann string) *Store {
		if stores[ann] == nil {
			stores[ann] = openAs(t, path, ann)
			t.Cleanup(func() { stores[ann].Close() })
		}
		return stores[ann]
	}
	for _, sp := range spans {
		must(t, as(sp.ann).AddSpan(annotate.NewSpan(docs[sp.doc].ID, sp.start, sp.end, label(t, s, sp.label))))
	}
	for ann, ds := range done {
		for _, d := range ds {
			must(t, as(ann).SetStatus(docs[d].ID, annotate.StatusDone))
		}
	}
	return s, docs
}

var teamSpans = []teamSpan{
	{"alice", 0, 0, 12, "actor"}, {"bob", 0, 0, 12, "actor"}, {"alice", 0, 20, 38, "claim"}, {"bob", 0, 18, 39, "claim"},
	{"alice", 1, 0, 17, "claim"}, {"bob", 1, 34, 39, "actor"},
	{"alice", 2, 2, 10, "actor"}, {"bob", 2, 2, 9, "actor"}, {"bob", 2, 11, 18, "claim"},
	{"gold", 0, 0, 12, "actor"},
}

// TestAgreementStudy: the study built from a project gives the same
// figures as one written by hand, in scope done and all.
func TestAgreementStudy(t *testing.T) {
	s, docs := teamProject(t, teamSpans, map[string][]int{"alice": {0, 1, 2}, "bob": {0, 2}, "gold": {1}})
	hand := func(ds ...int) agree.Study {
		st := agree.Study{Annotators: []string{"alice", "bob"}}
		in := map[int]bool{}
		for _, d := range ds {
			in[d] = true
			st.Documents = append(st.Documents, agree.Document{ID: docs[d].ID, Length: unitext.RuneLen(docs[d].Text)})
		}
		for _, sp := range teamSpans {
			if in[sp.doc] && sp.ann != "gold" {
				st.Spans = append(st.Spans, agree.Span{Document: docs[sp.doc].ID, Start: sp.start, End: sp.end, Label: sp.label, Annotator: sp.ann})
			}
		}
		return st
	}
	for _, c := range []struct {
		scope string
		want  agree.Study
	}{{"", hand(0, 2)}, {ScopeDone, hand(0, 2)}, {ScopeAll, hand(0, 1, 2)}} {
		st, err := s.AgreementStudy(c.scope, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		got, err := agree.Compute(st)
		if err != nil {
			t.Fatal(err)
		}
		want, err := agree.Compute(c.want)
		if err != nil {
			t.Fatal(err)
		}
		gj, _ := json.Marshal(got)
		wj, _ := json.Marshal(want)
		if string(gj) != string(wj) {
			t.Errorf("scope %q:\n got %s\nwant %s", c.scope, gj, wj)
		}
		if got.Documents != len(c.want.Documents) || len(got.Annotators) != 2 {
			t.Errorf("scope %q: %d documents, annotators %v", c.scope, got.Documents, got.Annotators)
		}
	}
	st, err := s.AgreementStudy(ScopeAll, []string{"bob", "gold"}, []string{"ACTOR"})
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Annotators) != 2 || st.Annotators[1] != "gold" || len(st.Labels) != 1 || st.Labels[0] != "actor" {
		t.Errorf("named annotators and labels: %v %v", st.Annotators, st.Labels)
	}
	for _, bad := range []func() error{
		func() error { _, err := s.AgreementStudy("some", nil, nil); return err },
		func() error { _, err := s.AgreementStudy("", []string{"alice", "zed"}, nil); return err },
		func() error { _, err := s.AgreementStudy("", nil, []string{"place"}); return err },
	} {
		if err := bad(); annotate.ErrorCode(err) != annotate.EINVALID {
			t.Errorf("bad study request: %v, want EINVALID", err)
		}
	}
}
