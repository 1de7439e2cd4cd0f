package pgstore

import (
	"strings"
	"testing"

	"gloss/annotate"
)

// TestStructureRoles: the schema is the manager's; a relation links spans
// of the writer's own layer (a curator's also gold); what row-level
// security hides stays hidden; and the server refuses the rest even to a
// member who bypasses Gloss.
func TestStructureRoles(t *testing.T) {
	tm := newTeam(t)
	doc := tm.doc.ID
	says := &annotate.RelationType{Name: "says"}
	for _, c := range []struct {
		who  *Store
		name string
		fn   func(s *Store) error
	}{
		{tm.alice, "alice adds a relation type", func(s *Store) error { return s.AddRelationType(&annotate.RelationType{Name: "x"}) }},
		{tm.carol, "carol adds an attribute", func(s *Store) error {
			return s.AddAttributeDef(&annotate.AttributeDef{Name: "x", Kind: annotate.AttrText})
		}},
		{tm.bob, "bob adds a category set", func(s *Store) error { return s.AddCategorySet(&annotate.CategorySet{Name: "x"}) }},
	} {
		if err := c.fn(c.who); annotate.ErrorCode(err) != annotate.EFORBIDDEN || !strings.Contains(err.Error(), "cannot change") {
			t.Errorf("%s: %v, want refused (EFORBIDDEN, cannot change ...)", c.name, err)
		}
	}
	if err := tm.mary.AddRelationType(says); err != nil {
		t.Fatalf("the manager adds a relation type: %v", err)
	}
	if err := tm.mary.AddCategorySet(&annotate.CategorySet{Name: "topic", Values: []string{"a", "b"}}); err != nil {
		t.Fatalf("the manager adds a category set: %v", err)
	}
	sc, err := tm.alice.Schema()
	if err != nil || len(sc.RelationTypes) != 1 || len(sc.CategorySets) != 1 {
		t.Fatalf("alice reads the schema: %+v, %v", sc, err)
	}

	add := func(s *Store, start, end int) *annotate.Span {
		t.Helper()
		sp := annotate.NewSpan(doc, start, end, tm.label.ID)
		if err := s.AddSpan(sp); err != nil {
			t.Fatal(err)
		}
		return sp
	}
	a1, a2, b1 := add(tm.alice, 0, 3), add(tm.alice, 4, 6), add(tm.bob, 0, 3)
	mine := annotate.NewRelation(doc, says.ID, a1.ID, a2.ID)
	if err := tm.alice.AddRelation(mine); err != nil {
		t.Fatalf("alice links her own spans: %v", err)
	}
	// Blind: bob's span is hidden from alice, so to her it is not there.
	if err := tm.alice.AddRelation(annotate.NewRelation(doc, says.ID, a1.ID, b1.ID)); annotate.ErrorCode(err) != annotate.ENOTFOUND {
		t.Errorf("alice links bob's hidden span: %v, want ENOTFOUND", err)
	}
	if rs, err := tm.bob.Relations(doc); err != nil || len(rs) != 0 {
		t.Errorf("blind bob sees relations %v (%v), want none", rs, err)
	}
	if rs, err := tm.carol.Relations(doc); err != nil || len(rs) != 1 {
		t.Errorf("the curator sees relations %v (%v), want alice's", rs, err)
	}
	if err := tm.mary.SetBlind(ctxb, false); err != nil {
		t.Fatal(err)
	}
	// Not blind: alice sees bob's span but may not write on it.
	if err := tm.alice.AddRelation(annotate.NewRelation(doc, says.ID, a1.ID, b1.ID)); annotate.ErrorCode(err) != annotate.EFORBIDDEN {
		t.Errorf("alice links bob's span: %v, want EFORBIDDEN", err)
	}
	if err := tm.mary.AddRelation(annotate.NewRelation(doc, says.ID, a2.ID, a1.ID)); annotate.ErrorCode(err) != annotate.EFORBIDDEN {
		t.Errorf("the manager adds a relation: %v, want EFORBIDDEN", err)
	}
	if err := tm.bob.DeleteRelation(mine.ID); annotate.ErrorCode(err) != annotate.EFORBIDDEN {
		t.Errorf("bob deletes alice's relation: %v, want EFORBIDDEN", err)
	}
	if err := tm.alice.SetSpanAttribute(b1.ID, "x", "y"); annotate.ErrorCode(err) != annotate.EFORBIDDEN {
		t.Errorf("alice sets an attribute of bob's span: %v, want EFORBIDDEN", err)
	}
	// Categories are the curators' and the manager's.
	if err := tm.alice.SetCategories(doc, "topic", []string{"a"}); annotate.ErrorCode(err) != annotate.EFORBIDDEN {
		t.Errorf("alice sets categories: %v, want EFORBIDDEN", err)
	}
	if err := tm.carol.SetCategories(doc, "topic", []string{"b"}); err != nil {
		t.Errorf("the curator sets categories: %v", err)
	}

	// Without Gloss: bob writes in alice's layer, or a note on her span.
	bob := tm.raw(t, "bob")
	_, err = bob.Exec(ctxb, `INSERT INTO relations(id, document_id, type_id, from_span, to_span, annotator, created_at, updated_at)
		VALUES ('r-x', $1, $2, $3, $4, 'alice', '', '')`, doc, says.ID, a1.ID, a2.ID)
	wantRefused(t, err, "alice")
	_, err = bob.Exec(ctxb, `INSERT INTO relations(id, document_id, type_id, from_span, to_span, annotator, created_at, updated_at)
		VALUES ('r-y', $1, $2, $3, $4, 'bob', '', '')`, doc, says.ID, b1.ID, a1.ID)
	wantRefused(t, err, "row-level security")
	_, err = bob.Exec(ctxb, `INSERT INTO notes(id, document_id, type, target, text) VALUES ('n-x', $1, 'Lemma', $2, 'x')`, doc, a1.ID)
	wantRefused(t, err, "row-level security")
	_, err = bob.Exec(ctxb, `DELETE FROM relations WHERE id = $1`, mine.ID)
	wantRefused(t, err, "cannot change the relations of alice")

	// Blind again: a note on alice's span is hidden from bob with the span.
	if err := tm.mary.SetBlind(ctxb, true); err != nil {
		t.Fatal(err)
	}
	if _, err := tm.admin.pool.Exec(ctxb, `INSERT INTO notes(id, document_id, type, target, text) VALUES ('n-a', $1, 'Lemma', $2, 'secret')`, doc, a1.ID); err != nil {
		t.Fatal(err)
	}
	for _, s := range []*Store{tm.bob, tm.alice} {
		ds, err := s.DocStructure(doc)
		if err != nil {
			t.Fatal(err)
		}
		if want := s == tm.alice; (len(ds.Notes) == 1) != want || (len(ds.Relations) == 1) != want {
			t.Errorf("%s sees notes %v and relations %v (want them: %v)", s.annotator, ds.Notes, ds.Relations, want)
		}
	}
	// Alice deletes her span: its relation and note go, and undo brings them back.
	if n, err := tm.alice.DeleteSpanWithRelations(a1.ID); err != nil || n != 1 {
		t.Fatalf("alice deletes her span: %d relations, %v", n, err)
	}
	if _, err := tm.alice.Undo(); err != nil {
		t.Fatal(err)
	}
	ds, err := tm.alice.DocStructure(doc)
	if err != nil || len(ds.Relations) != 1 || len(ds.Notes) != 1 {
		t.Errorf("after undo alice sees %+v (%v), want her relation and note back", ds, err)
	}
}
