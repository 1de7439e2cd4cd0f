package projecttest

import (
	"maps"
	"strings"
	"testing"

	"gloss/annotate"
)

// testStructure checks relations, attributes, categories and the
// structure a span delete takes with it (annotate.Structure), and that
// undo and redo bring them back as they were.
func testStructure(t *testing.T, tg Target) {
	t.Run("relation checked against its type", func(t *testing.T) {
		e := newEnv(t, tg)
		p := e.as("ana")
		f := newStructured()
		f.load(t, p)
		st := structureOf(t, p)
		wantCode(t, "a second type SAYS", st.AddRelationType(&annotate.RelationType{Name: "SAYS"}), annotate.ECONFLICT)
		ok := annotate.NewRelation(f.doc.ID, f.says.ID, f.obama.ID, f.claimSpan.ID)
		wantCode(t, "actor -> claim", st.AddRelation(ok), "")
		if ok.Annotator != "ana" {
			t.Errorf("a new relation's annotator is %q, want ana", ok.Annotator)
		}
		wantCode(t, "claim -> actor (directed)", st.AddRelation(annotate.NewRelation(f.doc.ID, f.says.ID, f.claimSpan.ID, f.obama.ID)), annotate.EINVALID)
		wantCode(t, "actor -> place", st.AddRelation(annotate.NewRelation(f.doc.ID, f.says.ID, f.obama.ID, f.paris.ID)), annotate.EINVALID)
		wantCode(t, "an unknown type", st.AddRelation(annotate.NewRelation(f.doc.ID, "no-such-type", f.obama.ID, f.claimSpan.ID)), annotate.ENOTFOUND)
		wantCode(t, "an unknown span", st.AddRelation(annotate.NewRelation(f.doc.ID, f.says.ID, f.obama.ID, "no-such-span")), annotate.ENOTFOUND)
		other := addDoc(t, p, "Other", "Bob says it rains.")
		bob := addSpan(t, p, other.ID, 0, 3, f.actor.ID)
		wantCode(t, "a span of another document", st.AddRelation(annotate.NewRelation(f.doc.ID, f.says.ID, bob.ID, f.claimSpan.ID)), annotate.EINVALID)
		rs, err := st.Relations(f.doc.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(rs) != 2 || rs[0].ID != f.rel.ID || rs[1].ID != ok.ID || rs[1].From != f.obama.ID || rs[1].To != f.claimSpan.ID {
			t.Errorf("relations after one accepted add: %v, want %s then %s", relIDs(rs), f.rel.ID, ok.ID)
		}
	})

	t.Run("relation add and delete undo and redo", func(t *testing.T) {
		e := newEnv(t, tg)
		p := e.as("ana")
		f := newStructured()
		f.load(t, p)
		st, h := structureOf(t, p), historian(t, p)
		r := annotate.NewRelation(f.doc.ID, f.says.ID, f.obama.ID, f.claimSpan.ID)
		if err := st.AddRelation(r); err != nil {
			t.Fatal(err)
		}
		if u, _, err := h.Pending(); err != nil || u == nil || u.Action != annotate.ActionAddRelation || len(u.Relations) != 1 || u.Relations[0].ID != r.ID {
			t.Fatalf("Pending undo after AddRelation: %+v, %v; want add-relation of %s", u, err, r.ID)
		}
		wantRelations(t, "after add", st, f.doc.ID, f.rel.ID, r.ID)
		step(t, "undo add", h.Undo)
		wantRelations(t, "after undoing the add", st, f.doc.ID, f.rel.ID)
		step(t, "redo add", h.Redo)
		wantRelations(t, "after redoing the add", st, f.doc.ID, f.rel.ID, r.ID)
		want := docStructure(t, st, f.doc.ID)
		if err := st.DeleteRelation(f.rel.ID); err != nil {
			t.Fatal(err)
		}
		ds := docStructure(t, st, f.doc.ID)
		if strings.Contains(ds, f.relNote.ID) {
			t.Errorf("the note on a deleted relation stayed:\n%s", ds)
		}
		wantCode(t, "delete it again", st.DeleteRelation(f.rel.ID), annotate.ENOTFOUND)
		step(t, "undo delete", h.Undo)
		if got := docStructure(t, st, f.doc.ID); got != want {
			t.Errorf("undoing a relation delete left\n%s\nwant\n%s", got, want)
		}
		step(t, "redo delete", h.Redo)
		wantRelations(t, "after redoing the delete", st, f.doc.ID, r.ID)
		step(t, "undo delete again", h.Undo)
		if got := docStructure(t, st, f.doc.ID); got != want {
			t.Errorf("undoing the redone delete left\n%s\nwant\n%s", got, want)
		}
	})

	t.Run("span delete takes its structure and undo brings it back", func(t *testing.T) {
		for _, how := range []string{"DeleteSpanWithRelations", "DeleteSpan"} {
			t.Run(how, func(t *testing.T) {
				e := newEnv(t, tg)
				p := e.as("ana")
				f := newStructured()
				f.load(t, p)
				st, h := structureOf(t, p), historian(t, p)
				want := docStructure(t, st, f.doc.ID)
				if how == "DeleteSpan" {
					wantCode(t, "DeleteSpan", p.DeleteSpan(f.ana.ID), "")
				} else if n, err := st.DeleteSpanWithRelations(f.ana.ID); err != nil || n != 1 {
					t.Fatalf("DeleteSpanWithRelations: %d relations, %v; want 1", n, err)
				}
				ds, err := st.DocStructure(f.doc.ID)
				if err != nil {
					t.Fatal(err)
				}
				if len(ds.Relations) != 0 || len(ds.Notes) != 0 {
					t.Errorf("after the delete: relations %v, notes %v; want none", relIDs(ds.Relations), ds.Notes)
				}
				if len(ds.Events) != 1 || len(ds.Events[0].Args) != 1 || ds.Events[0].Args[0].Ref != f.paris.ID {
					t.Errorf("after the delete the event is %+v, want its Place argument only", ds.Events)
				}
				if len(ds.Equivs) != 1 || strings.Join(ds.Equivs[0].Members, " ") != f.obama.ID+" "+f.paris.ID {
					t.Errorf("after the delete the equivalence set is %+v, want %s %s", ds.Equivs, f.obama.ID, f.paris.ID)
				}
				if len(ds.Norms) != 1 {
					t.Errorf("after the delete the normalisation on %s went too: %+v", f.paris.ID, ds.Norms)
				}
				u := step(t, "undo", h.Undo)
				if u.Action != annotate.ActionDeleteSpan || len(u.Relations) != 1 {
					t.Errorf("undone %s with %d relations, want delete-span with 1", u.Action, len(u.Relations))
				}
				if got := docStructure(t, st, f.doc.ID); got != want {
					t.Errorf("after undo the structure is\n%s\nwant\n%s", got, want)
				}
				wantSpans(t, "after undo", p, f.doc.ID, f.ana, f.obama, f.paris, f.claimSpan)
				step(t, "redo", h.Redo)
				if got := docStructure(t, st, f.doc.ID); got == want || strings.Contains(got, f.spanNote.ID) {
					t.Errorf("after redo the structure on the span is back:\n%s", got)
				}
				step(t, "undo again", h.Undo)
				if got := docStructure(t, st, f.doc.ID); got != want {
					t.Errorf("after the second undo the structure is\n%s\nwant\n%s", got, want)
				}
			})
		}
	})

	t.Run("span attributes checked, undone and redone", func(t *testing.T) {
		e := newEnv(t, tg)
		p := e.as("ana")
		f := newStructured()
		f.load(t, p)
		st, h := structureOf(t, p), historian(t, p)
		wantCode(t, "a second certainty for CLAIM", st.AddAttributeDef(&annotate.AttributeDef{Label: "CLAIM", Name: "certainty", Kind: annotate.AttrText}), annotate.ECONFLICT)
		wantCode(t, "an attribute for every label", st.AddAttributeDef(&annotate.AttributeDef{Name: "negated", Kind: annotate.AttrBool}), "")
		wantCode(t, "certainty medium", st.SetSpanAttribute(f.claimSpan.ID, "certainty", "medium"), annotate.EINVALID)
		wantCode(t, "negated yes", st.SetSpanAttribute(f.claimSpan.ID, "negated", "yes"), annotate.EINVALID)
		wantCode(t, "no name", st.SetSpanAttribute(f.claimSpan.ID, "", "x"), annotate.EINVALID)
		wantCode(t, "no span", st.SetSpanAttribute("no-such-span", "certainty", "high"), annotate.ENOTFOUND)
		wantCode(t, "certainty high", st.SetSpanAttribute(f.claimSpan.ID, "certainty", "high"), "")
		wantCode(t, "negated", st.SetSpanAttribute(f.claimSpan.ID, "negated", annotate.AttrTrue), "")
		wantCode(t, "free attribute", st.SetSpanAttribute(f.claimSpan.ID, "source", "wire"), "")
		attrs := func() map[string]string {
			sp, err := p.Span(f.claimSpan.ID)
			if err != nil {
				t.Fatal(err)
			}
			return sp.Attributes
		}
		all := map[string]string{"certainty": "high", "negated": "true", "source": "wire"}
		if got := attrs(); !maps.Equal(got, all) {
			t.Errorf("attributes %v, want %v", got, all)
		}
		step(t, "undo the last attribute", h.Undo)
		if got := attrs(); got["source"] != "" || got["negated"] != "true" {
			t.Errorf("after undo the attributes are %v, want negated and certainty only", got)
		}
		step(t, "redo it", h.Redo)
		if got := attrs(); !maps.Equal(got, all) {
			t.Errorf("after redo the attributes are %v, want %v", got, all)
		}
		wantCode(t, "remove certainty", st.SetSpanAttribute(f.claimSpan.ID, "certainty", ""), "")
		if got := attrs(); got["certainty"] != "" || len(got) != 2 {
			t.Errorf("after removing certainty the attributes are %v", got)
		}
		sc, err := st.Schema()
		if err != nil || len(sc.AttributeDefs) != 2 || sc.AttributeDefs[0].ID != f.certainty.ID || len(sc.AttributeDefs[0].Values) != 2 {
			t.Errorf("Schema: %+v, %v; want certainty (low, high) then negated", sc, err)
		}
	})

	t.Run("document categories", func(t *testing.T) {
		e := newEnv(t, tg)
		p := e.as("ana")
		f := newStructured()
		f.load(t, p)
		st := structureOf(t, p)
		cats := func() map[string][]string {
			d, err := p.Document(f.doc.ID)
			if err != nil {
				t.Fatal(err)
			}
			return d.Categories
		}
		if got := cats(); strings.Join(got["topic"], ",") != "politics" {
			t.Errorf("loaded categories %v, want topic politics", got)
		}
		wantCode(t, "two values in a single set", st.SetCategories(f.doc.ID, "topic", []string{"politics", "sport"}), annotate.EINVALID)
		wantCode(t, "a value not in the set", st.SetCategories(f.doc.ID, "topic", []string{"weather"}), annotate.EINVALID)
		wantCode(t, "an unknown set", st.SetCategories(f.doc.ID, "mood", []string{"calm"}), annotate.ENOTFOUND)
		wantCode(t, "an unknown document", st.SetCategories("no-such-doc", "topic", []string{"sport"}), annotate.ENOTFOUND)
		wantCode(t, "Topic sport", st.SetCategories(f.doc.ID, "Topic", []string{"sport"}), "")
		if got := cats(); strings.Join(got["topic"], ",") != "sport" {
			t.Errorf("categories %v, want topic sport", got)
		}
		multi := &annotate.CategorySet{Name: "tone", Multi: true, Values: []string{"calm", "angry", "sad"}}
		wantCode(t, "a multiple-choice set", st.AddCategorySet(multi), "")
		wantCode(t, "tone sad, calm", st.SetCategories(f.doc.ID, "tone", []string{"sad", "calm"}), "")
		if got := cats(); strings.Join(got["tone"], ",") != "sad,calm" {
			t.Errorf("categories %v, want tone sad,calm in that order", got)
		}
		wantCode(t, "clear topic", st.SetCategories(f.doc.ID, "topic", nil), "")
		if got := cats(); got["topic"] != nil || len(got) != 1 {
			t.Errorf("after clearing topic the categories are %v", got)
		}
	})

	t.Run("dump of a loaded project gives it back", func(t *testing.T) {
		e := newEnv(t, tg)
		p := e.as("ana")
		f := newStructured()
		f.load(t, p)
		d, ok := p.(annotate.Dumper)
		if !ok {
			t.Fatalf("%T does not implement annotate.Dumper", p)
		}
		var got memDump
		if err := d.Dump(&got); err != nil {
			t.Fatal(err)
		}
		if g, w := canonSchema(got.header.Schema), canonSchema(f.dump.header.Schema); g != w {
			t.Errorf("dumped schema\n%s\nwant\n%s", g, w)
		}
		if len(got.docs) != 1 || got.docs[0].Structure == nil {
			t.Fatalf("dumped %d documents, structure %v", len(got.docs), got.docs)
		}
		if g, w := canonStructure(got.docs[0].Structure), canonStructure(f.dump.docs[0].Structure); g != w {
			t.Errorf("dumped structure\n%s\nwant\n%s", g, w)
		}
		if g := got.docs[0].Document.Categories; strings.Join(g["topic"], ",") != "politics" {
			t.Errorf("dumped categories %v", g)
		}
	})
	testStructureDeletes(t, tg)
}

// step runs an undo or redo and fails the case on error.
func step(t *testing.T, what string, fn func() (*annotate.Event, error)) *annotate.Event {
	t.Helper()
	e, err := fn()
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return e
}

func relIDs(rs []*annotate.Relation) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.ID)
	}
	return out
}

// wantRelations fails the case unless the document's relations are ids, in order.
func wantRelations(t *testing.T, what string, st annotate.Structure, docID string, ids ...string) {
	t.Helper()
	rs, err := st.Relations(docID)
	if err != nil {
		t.Fatalf("%s: Relations: %v", what, err)
	}
	if got := strings.Join(relIDs(rs), " "); got != strings.Join(ids, " ") {
		t.Errorf("%s: relations %s, want %s", what, got, strings.Join(ids, " "))
	}
}
