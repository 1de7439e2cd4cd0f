package formats

import (
	"strings"
	"testing"

	"gloss/annotate"
)

func TestBratStructureLines(t *testing.T) {
	text := "Alice said Bob left."
	ann := "T1\tPerson 0 5\tAlice\nT2\tPerson 11 14\tBob\nT3\tSay 6 10\tsaid\n" +
		"E1\tSay:T3 Speaker:T1 Topic:E2\nT4\tLeave 15 19\tleft\nE2\tLeave:T4 Agent:T2\n" +
		"R1\tKnows Subj:T1 Obj:T2\t\nM1\tNegation E2\nA1\tCertainty T2 low\n#1\tLemma T3\tsay\n#2\tAnnotatorNotes R1\tmaybe\n" +
		"*\tEquiv T1 T2\nN1\tReference T1 Wikidata:Q1\tAlice\n"
	b := &annotate.Batch{}
	doc := annotate.NewDocument("x", text, "")
	if err := addBratDocument(b, "x.ann", []byte(ann), doc); err != nil {
		t.Fatal(err)
	}
	if len(b.Events) != 2 || b.Events[0].Args[1].Ref != b.Events[1].ID {
		t.Fatalf("events %+v", b.Events)
	}
	if b.Events[1].Attributes["Negation"] != annotate.AttrTrue {
		t.Errorf("legacy M line not read as an attribute: %v", b.Events[1].Attributes)
	}
	if len(b.Relations) != 1 || b.Relations[0].Note != "maybe" || b.Relations[0].TypeName != "Knows" {
		t.Errorf("relations %+v", b.Relations)
	}
	if f, to := b.RelationTypes[0].Roles(); f != "Subj" || to != "Obj" {
		t.Errorf("roles %s %s", f, to)
	}
	if len(b.Notes) != 1 || b.Notes[0].Type != "Lemma" || b.Notes[0].Text != "say" {
		t.Errorf("notes %+v", b.Notes)
	}
	if len(b.Equivs) != 1 || len(b.Norms) != 1 || b.Norms[0].Resource != "Wikidata" || b.Norms[0].EntryID != "Q1" {
		t.Errorf("equivs %+v norms %+v", b.Equivs, b.Norms)
	}
	for _, s := range b.Spans {
		if s.Start == 11 && s.Attributes["Certainty"] != "low" {
			t.Errorf("span attributes %v", s.Attributes)
		}
	}
	for _, tc := range []struct{ ann, want string }{
		{"T1\tPerson 0 5\tAlice\nR1\tKnows Arg1:T1 Arg2:T9\n", "x.ann:2"},
		{"T1\tPerson 0 5\tAlice\nE1\tSay:T7\n", "x.ann:2"},
		{"T1\tPerson 0 5\tAlice\nA1\tNeg T1\nA2\tNeg T1\n", "x.ann:3"},
		{"T1\tPerson 0 5\tAlice\n#1\tLemma T5\tx\n", "x.ann:2"},
		{"T1\tPerson 0 5\tAlice\n*\tEquiv T1\n", "x.ann:2"},
	} {
		err := addBratDocument(&annotate.Batch{}, "x.ann", []byte(tc.ann), annotate.NewDocument("x", text, ""))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want one naming %s", tc.ann, err, tc.want)
		}
	}
}
