package pgstore

import (
	"testing"

	"gloss/annotate"
)

// One annotator's layer of a server project gives that annotator's
// relations only, as store.Layer does for a project file: the export of
// alice's layer must not carry bob's relation (nor lose hers).
func TestLayerStructureIsTheAnnotators(t *testing.T) {
	s, url := newProject(t, "setup")
	l, d := seed(t, s)
	rt := &annotate.RelationType{ID: annotate.NewID(), Name: "says", Directed: true}
	if err := s.AddRelationType(rt); err != nil {
		t.Fatal(err)
	}
	rels := map[string]*annotate.Relation{}
	for _, who := range []string{"alice", "bob"} {
		p := openAs(t, url, who)
		a, b := annotate.NewSpan(d.ID, 0, 5, l.ID), annotate.NewSpan(d.ID, 6, 11, l.ID)
		for _, sp := range []*annotate.Span{a, b} {
			if err := p.AddSpan(sp); err != nil {
				t.Fatal(err)
			}
		}
		r := annotate.NewRelation(d.ID, rt.ID, a.ID, b.ID)
		if err := p.AddRelation(r); err != nil {
			t.Fatal(err)
		}
		rels[who] = r
	}
	var src annotate.Source = s.Layer("alice")
	ss, ok := src.(annotate.StructuredSource)
	if !ok {
		t.Fatal("a layer of a server project is not a StructuredSource: its export would drop relations")
	}
	ds, err := ss.DocStructure(d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Relations) != 1 || ds.Relations[0].ID != rels["alice"].ID {
		t.Fatalf("alice's layer has relations %v; want only hers, %s", relationIDs(ds.Relations), rels["alice"].ID)
	}
	all, err := s.DocStructure(d.ID)
	if err != nil || len(all.Relations) != 2 {
		t.Fatalf("the project has %d relations (%v); want both coders'", len(all.Relations), err)
	}
}

func relationIDs(rs []*annotate.Relation) []string {
	var ids []string
	for _, r := range rs {
		ids = append(ids, r.ID)
	}
	return ids
}
