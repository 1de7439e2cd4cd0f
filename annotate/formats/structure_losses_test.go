package formats

import (
	"reflect"
	"testing"

	"gloss/annotate"
)

// structuredFake is a fakeSource with a schema and document structure.
type structuredFake struct {
	*fakeSource
	schema *annotate.Schema
	docs   map[string]*annotate.DocStructure
}

func (s *structuredFake) Schema() (*annotate.Schema, error) { return s.schema, nil }

func (s *structuredFake) DocStructure(id string) (*annotate.DocStructure, error) {
	if ds := s.docs[id]; ds != nil {
		return ds, nil
	}
	return &annotate.DocStructure{}, nil
}

// structuredSource is one document with two spans (one with an
// attribute), categories, two relations, an event, a typed note, an
// equivalence set and a normalisation.
func structuredSource(t *testing.T) *structuredFake {
	f := newFakeSource("actor", "claim")
	d := f.doc("d", "Putin says Xi will come.")
	d.Categories = map[string][]string{"topic": {"politics"}}
	a := f.span(t, d, "Putin", 0, "actor")
	c := f.span(t, d, "Xi will come", 0, "claim")
	c.Attributes = map[string]string{"certainty": "high"}
	says := &annotate.RelationType{ID: "rt1", Name: "says", Directed: true}
	rel := func(id string) *annotate.Relation {
		return &annotate.Relation{ID: id, DocumentID: d.ID, TypeID: says.ID, From: a.ID, To: c.ID}
	}
	return &structuredFake{fakeSource: f, schema: &annotate.Schema{RelationTypes: []*annotate.RelationType{says}},
		docs: map[string]*annotate.DocStructure{d.ID: {
			Relations: []*annotate.Relation{rel("r1"), rel("r2")},
			Events:    []*annotate.TextEvent{{ID: "e1", DocumentID: d.ID, Type: "Say", Trigger: a.ID}},
			Notes:     []*annotate.Note{{ID: "n1", DocumentID: d.ID, Type: "Lemma", Target: a.ID, Text: "putin"}},
			Equivs:    []*annotate.Equiv{{ID: "q1", DocumentID: d.ID, Type: "Equiv", Members: []string{a.ID, c.ID}}},
			Norms:     []*annotate.Norm{{ID: "m1", DocumentID: d.ID, Type: "Reference", Target: a.ID, Resource: "Wikidata", EntryID: "Q7747"}},
		}}}
}

// TestExportsCountStructureTheyLeaveOut: formats without a place for
// relations, events, attributes, typed notes, equivalences,
// normalisations or document categories say how many they left out; those
// that keep some count only the rest.
func TestExportsCountStructureTheyLeaveOut(t *testing.T) {
	all := map[string]int{dropRelations: 2, dropEvents: 1, dropAttributes: 1, dropNotesTyped: 1, dropEquivs: 1, dropNorms: 1, dropCategories: 1}
	without := func(keys ...string) map[string]int {
		m := map[string]int{}
		for k, v := range all {
			m[k] = v
		}
		for _, k := range keys {
			delete(m, k)
		}
		return m
	}
	for _, tc := range []struct {
		format string
		want   map[string]int
	}{
		{"spacy", all},
		{"csv", all},
		{"conll", all},
		{"doccano", without(dropRelations, dropCategories)},
		{"labelstudio", without(dropRelations, dropAttributes, dropCategories)},
		{"gloss", map[string]int{}},
	} {
		t.Run(tc.format, func(t *testing.T) {
			_, rep, _ := exportRead(t, tc.format, "out", structuredSource(t))
			got := map[string]int{}
			for k, v := range rep.Dropped {
				if _, ok := all[k]; ok {
					got[k] = v
				}
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("left out %v, want %v (whole report: %v)", got, tc.want, rep.Dropped)
			}
		})
	}
}
