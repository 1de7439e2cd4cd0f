package store

import (
	"slices"
	"testing"

	"gloss/annotate"
)

// structProject is a project with a document, an actor span, a claim span
// and a relation type says: actor -> claim.
func structProject(t testing.TB) (s *Store, doc *annotate.Document, actor, claim *annotate.Span, says *annotate.RelationType) {
	t.Helper()
	s = newProject(t)
	doc = addDoc(t, s, "d", "Alice says it rains.")
	actor = annotate.NewSpan(doc.ID, 0, 5, label(t, s, "actor"))
	claim = annotate.NewSpan(doc.ID, 11, 19, label(t, s, "claim"))
	for _, sp := range []*annotate.Span{actor, claim} {
		if err := s.AddSpan(sp); err != nil {
			t.Fatal(err)
		}
	}
	says = &annotate.RelationType{Name: "says", Directed: true, FromLabels: []string{"actor"}, ToLabels: []string{"claim"}}
	if err := s.AddRelationType(says); err != nil {
		t.Fatal(err)
	}
	return s, doc, actor, claim, says
}

func relationIDs(t *testing.T, s *Store, doc string) []string {
	t.Helper()
	rs, err := s.Relations(doc)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range rs {
		ids = append(ids, r.ID)
	}
	return ids
}

func TestRelationAddCheckUndoRedo(t *testing.T) {
	s, doc, actor, claim, says := structProject(t)
	bad := annotate.NewRelation(doc.ID, says.ID, claim.ID, actor.ID)
	if err := s.AddRelation(bad); annotate.ErrorCode(err) != annotate.EINVALID {
		t.Fatalf("claim -> actor under says: %v, want invalid", err)
	}
	if err := s.AddRelation(annotate.NewRelation(doc.ID, says.ID, actor.ID, "nope")); annotate.ErrorCode(err) != annotate.ENOTFOUND {
		t.Fatalf("relation to a missing span: %v", err)
	}
	r := annotate.NewRelation(doc.ID, says.ID, actor.ID, claim.ID)
	if err := s.AddRelation(r); err != nil {
		t.Fatal(err)
	}
	if got := relationIDs(t, s, doc.ID); !slices.Equal(got, []string{r.ID}) {
		t.Fatalf("relations %v", got)
	}
	ev, err := s.Undo()
	if err != nil || ev.Action != annotate.ActionAddRelation || len(ev.Relations) != 1 || ev.Relations[0].ID != r.ID {
		t.Fatalf("undo: %+v, %v", ev, err)
	}
	if got := relationIDs(t, s, doc.ID); len(got) != 0 {
		t.Fatalf("after undo: %v", got)
	}
	if _, err := s.Redo(); err != nil {
		t.Fatal(err)
	}
	if got := relationIDs(t, s, doc.ID); !slices.Equal(got, []string{r.ID}) {
		t.Fatalf("after redo: %v", got)
	}
	if err := s.DeleteRelation(r.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if got := relationIDs(t, s, doc.ID); !slices.Equal(got, []string{r.ID}) {
		t.Fatalf("undo of delete: %v", got)
	}
	hist, err := s.History(0)
	if err != nil {
		t.Fatal(err)
	}
	if hist[1].Action != annotate.ActionDeleteRelation || len(hist[1].Relations) != 1 {
		t.Fatalf("history entry %+v", hist[1])
	}
}

func TestDeleteSpanTakesRelationsAndUndoBringsThemBack(t *testing.T) {
	s, doc, actor, claim, says := structProject(t)
	r := annotate.NewRelation(doc.ID, says.ID, actor.ID, claim.ID)
	if err := s.AddRelation(r); err != nil {
		t.Fatal(err)
	}
	n, err := s.DeleteSpanWithRelations(actor.ID)
	if err != nil || n != 1 {
		t.Fatalf("delete span: %d relations, %v", n, err)
	}
	if got := relationIDs(t, s, doc.ID); len(got) != 0 {
		t.Fatalf("relation outlived its span: %v", got)
	}
	ev, err := s.Undo()
	if err != nil || ev.Action != annotate.ActionDeleteSpan || len(ev.Relations) != 1 {
		t.Fatalf("undo: %+v, %v", ev, err)
	}
	if _, err := s.Span(actor.ID); err != nil {
		t.Fatal(err)
	}
	if got := relationIDs(t, s, doc.ID); !slices.Equal(got, []string{r.ID}) {
		t.Fatalf("undo brought back relations %v", got)
	}
	// Redo removes both again; a second undo brings both back again.
	if _, err := s.Redo(); err != nil {
		t.Fatal(err)
	}
	if got := relationIDs(t, s, doc.ID); len(got) != 0 {
		t.Fatalf("after redo: %v", got)
	}
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if got := relationIDs(t, s, doc.ID); !slices.Equal(got, []string{r.ID}) {
		t.Fatalf("second undo: %v", got)
	}
}

func TestSpanAttributesUndoable(t *testing.T) {
	s, _, _, claim, _ := structProject(t)
	cert := &annotate.AttributeDef{Label: "claim", Name: "certainty", Kind: annotate.AttrChoice, Values: []string{"low", "high"}}
	if err := s.AddAttributeDef(cert); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSpanAttribute(claim.ID, "certainty", "maybe"); annotate.ErrorCode(err) != annotate.EINVALID {
		t.Fatalf("a value outside the choice: %v", err)
	}
	if err := s.SetSpanAttribute(claim.ID, "certainty", "high"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSpanAttribute(claim.ID, "Negation", annotate.AttrTrue); err != nil {
		t.Fatal(err)
	}
	sp, _ := s.Span(claim.ID)
	if sp.Attributes["certainty"] != "high" || sp.Attributes["Negation"] != "true" {
		t.Fatalf("attributes %v", sp.Attributes)
	}
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	sp, _ = s.Span(claim.ID)
	if len(sp.Attributes) != 1 || sp.Attributes["certainty"] != "high" {
		t.Fatalf("after undo %v", sp.Attributes)
	}
	spans, _ := s.Spans(sp.DocumentID)
	if !slices.ContainsFunc(spans, func(x *annotate.Span) bool { return x.Attributes["certainty"] == "high" }) {
		t.Error("Spans does not carry attributes")
	}
}

func TestCategories(t *testing.T) {
	s, doc, _, _, _ := structProject(t)
	if err := s.AddCategorySet(&annotate.CategorySet{Name: "stance", Values: []string{"pro", "contra"}}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetCategories(doc.ID, "stance", []string{"pro", "contra"}); annotate.ErrorCode(err) != annotate.EINVALID {
		t.Fatalf("two values in a single-choice set: %v", err)
	}
	if err := s.SetCategories(doc.ID, "stance", []string{"contra"}); err != nil {
		t.Fatal(err)
	}
	d, err := s.Document(doc.ID)
	if err != nil || !slices.Equal(d.Categories["stance"], []string{"contra"}) {
		t.Fatalf("categories %v, %v", d.Categories, err)
	}
}
