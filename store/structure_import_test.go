package store

import (
	"fmt"
	"strings"
	"testing"

	"gloss/annotate"
)

func structBatch() *annotate.Batch {
	d := annotate.NewDocument("merge", "Google and YouTube merged, Wikinews reported.", "")
	d.Categories = map[string][]string{"topic": {"business", "tech"}}
	sp := func(id string, start, end int, label string) *annotate.BatchSpan {
		s := annotate.NewSpan(d.ID, start, end, "")
		s.ID = id
		return &annotate.BatchSpan{Span: *s, LabelName: label}
	}
	b := &annotate.Batch{Documents: []*annotate.Document{d}}
	b.Spans = []*annotate.BatchSpan{sp("T1", 0, 6, "Organization"), sp("T2", 11, 18, "Organization"), sp("T3", 19, 25, "Merge-org"),
		sp("T4", 27, 35, "Organization"), sp("T5", 36, 44, "Report")}
	b.Spans[0].Attributes = map[string]string{"Individual": "true"}
	b.Relations = []*annotate.BatchRelation{{Relation: annotate.Relation{ID: "R1", DocumentID: d.ID, From: "T1", To: "T2"}, TypeName: "Alias"}}
	b.Events = []*annotate.TextEvent{
		{ID: "E2", DocumentID: d.ID, Type: "Report", Trigger: "T5", Args: []annotate.EventArg{{Role: "Reporter-Arg", Ref: "T4"}, {Role: "Event-Arg", Ref: "E1"}}},
		{ID: "E1", DocumentID: d.ID, Type: "Merge-org", Trigger: "T3", Args: []annotate.EventArg{{Role: "Org-Arg", Ref: "T1"}, {Role: "Org-Arg2", Ref: "T2"}},
			Attributes: map[string]string{"Confidence": "High"}},
	}
	b.Notes = []*annotate.Note{{ID: "#1", DocumentID: d.ID, Type: "Lemma", Target: "T3", Text: "merge"}, {ID: "#2", DocumentID: d.ID, Type: "AnnotatorNotes", Target: "E1", Text: "sure?"}}
	b.Equivs = []*annotate.Equiv{{DocumentID: d.ID, Type: "Equiv", Members: []string{"T1", "T4"}}}
	b.Norms = []*annotate.Norm{{ID: "N1", DocumentID: d.ID, Type: "Reference", Target: "T1", Resource: "Wikipedia", EntryID: "12431", Text: "Google"}}
	b.AttributeDefs = []*annotate.AttributeDef{{Name: "Confidence", Kind: annotate.AttrChoice, Values: []string{"High", "Low"}, Scope: annotate.ScopeEvent}}
	return b
}

func TestImportStructureRemapsAndDeduplicates(t *testing.T) {
	s := newProject(t)
	// A span already in the project with another ID: T1 maps to it.
	b := structBatch()
	doc := b.Documents[0]
	if _, err := s.Import(&annotate.Batch{Documents: []*annotate.Document{doc}, Spans: b.Spans[:1:1]}); err != nil {
		t.Fatal(err)
	}
	b = structBatch()
	b.Documents[0] = doc
	for _, x := range b.Spans {
		x.DocumentID = doc.ID
	}
	b.Spans[0].ID = "other-id"
	b.Relations[0].DocumentID, b.Relations[0].From = doc.ID, "other-id"
	for _, e := range b.Events {
		e.DocumentID = doc.ID
	}
	for _, n := range b.Notes {
		n.DocumentID = doc.ID
	}
	b.Equivs[0].DocumentID, b.Norms[0].DocumentID = doc.ID, doc.ID
	res, err := s.Import(b)
	if err != nil {
		t.Fatal(err)
	}
	if res.Relations != 1 || res.Events != 2 || res.Skipped != 1 {
		t.Fatalf("import result %+v", res)
	}
	ds, err := s.DocStructure(doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if ds.Relations[0].From != "T1" {
		t.Errorf("relation from %s, want the span already present (T1)", ds.Relations[0].From)
	}
	if len(ds.Events) != 2 || len(ds.Notes) != 2 || len(ds.Equivs) != 1 || len(ds.Norms) != 1 {
		t.Fatalf("structure %+v", ds)
	}
	var report *annotate.TextEvent
	for _, e := range ds.Events {
		if e.Type == "Report" {
			report = e
		}
	}
	if report == nil || len(report.Args) != 2 || report.Args[1].Ref != "E1" {
		t.Fatalf("nested event %+v", report)
	}
	d, _ := s.Document(doc.ID)
	if strings.Join(d.Categories["topic"], ",") != "business,tech" {
		t.Errorf("categories %v", d.Categories)
	}
	// The same structure again adds nothing.
	res, err = s.Import(b)
	if err != nil || res.Relations != 0 || res.Events != 0 {
		t.Fatalf("second import %+v, %v", res, err)
	}
	ds2, _ := s.DocStructure(doc.ID)
	if ds2.Count() != ds.Count() {
		t.Errorf("second import changed the structure: %d items, was %d", ds2.Count(), ds.Count())
	}
}

func TestImportStructureRefusesDanglingReferences(t *testing.T) {
	s := newProject(t)
	b := structBatch()
	b.Events[0].Args[0].Ref = "T99"
	_, err := s.Import(b)
	if annotate.ErrorCode(err) != annotate.ENOTFOUND || !strings.Contains(err.Error(), "T99") {
		t.Fatalf("import with a dangling argument: %v", err)
	}
	docs, _ := s.Documents()
	if len(docs) != 0 {
		t.Fatal("a failed import left documents behind")
	}
	b = structBatch()
	b.Events[1].Args = append(b.Events[1].Args, annotate.EventArg{Role: "Loop", Ref: "E2"})
	if _, err := s.Import(b); annotate.ErrorCode(err) != annotate.EINVALID {
		t.Fatalf("import of events in a cycle: %v", err)
	}
}

// BenchmarkReadDocumentWithRelations reads what the window needs to paint a
// document of 10,000 spans and 5,000 relations: the document, its spans and
// its structure.
func BenchmarkReadDocumentWithRelations(b *testing.B) {
	s := newProject(b)
	text := strings.Repeat("word ", 100_000) // 500,000 code points
	d := annotate.NewDocument("big", text, "")
	batch := &annotate.Batch{Documents: []*annotate.Document{d}}
	for i := 0; i < 10_000; i++ {
		sp := annotate.NewSpan(d.ID, i*50, i*50+4, "")
		sp.ID = fmt.Sprintf("s%d", i)
		batch.Spans = append(batch.Spans, &annotate.BatchSpan{Span: *sp, LabelName: "claim"})
	}
	for i := 0; i < 5_000; i++ {
		batch.Relations = append(batch.Relations, &annotate.BatchRelation{
			Relation: annotate.Relation{ID: fmt.Sprintf("r%d", i), DocumentID: d.ID, From: fmt.Sprintf("s%d", 2*i), To: fmt.Sprintf("s%d", 2*i+1)},
			TypeName: "says"})
	}
	if _, err := s.Import(batch); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.Document(d.ID); err != nil {
			b.Fatal(err)
		}
		spans, err := s.Spans(d.ID)
		if err != nil || len(spans) != 10_000 {
			b.Fatal(len(spans), err)
		}
		ds, err := s.DocStructure(d.ID)
		if err != nil || len(ds.Relations) != 5_000 {
			b.Fatal(err)
		}
	}
}
