package store

import (
	"testing"

	"gloss/annotate"
)

func TestSpanValidation(t *testing.T) {
	s := newProject(t)
	d := addDoc(t, s, "doc", "Officials said 🤝 today.") // 23 code points
	actor := label(t, s, "actor")
	tests := []struct {
		name       string
		start, end int
		labelID    string
		docID      string
		code       string
	}{
		{"good", 0, 9, actor, d.ID, ""},
		{"emoji counts as one", 15, 16, actor, d.ID, ""},
		{"to the very end", 17, 23, actor, d.ID, ""},
		{"nested is fine", 0, 4, actor, d.ID, ""},
		{"overlap is fine", 5, 14, actor, d.ID, ""},
		{"exact duplicate", 0, 9, actor, d.ID, annotate.ECONFLICT},
		{"past the end", 17, 24, actor, d.ID, annotate.EINVALID},
		{"negative", -1, 3, actor, d.ID, annotate.EINVALID},
		{"empty", 3, 3, actor, d.ID, annotate.EINVALID},
		{"unknown label", 0, 3, "nope", d.ID, annotate.ENOTFOUND},
		{"unknown document", 0, 3, actor, "nope", annotate.ENOTFOUND},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := s.AddSpan(annotate.NewSpan(tt.docID, tt.start, tt.end, tt.labelID))
			if annotate.ErrorCode(err) != tt.code || (tt.code == "" && err != nil) {
				t.Fatalf("AddSpan: %v, want code %q", err, tt.code)
			}
		})
	}
	spans, err := s.Spans(d.ID)
	if err != nil || len(spans) != 5 {
		t.Fatalf("Spans = %d, %v; want 5", len(spans), err)
	}
	for i := 1; i < len(spans); i++ {
		if spans[i-1].Start > spans[i].Start {
			t.Errorf("spans not in text order")
		}
	}
	if spans[0].Annotator != "tester" {
		t.Errorf("annotator = %q", spans[0].Annotator)
	}
}

func TestSpanUpdateDelete(t *testing.T) {
	s := newProject(t)
	d := addDoc(t, s, "doc", "Moscow and Beijing met.")
	sp := annotate.NewSpan(d.ID, 0, 6, label(t, s, "actor"))
	if err := s.AddSpan(sp); err != nil {
		t.Fatal(err)
	}
	sp.Start, sp.End, sp.LabelID, sp.Note = 11, 18, label(t, s, "claim"), "resized"
	if err := s.UpdateSpan(sp); err != nil {
		t.Fatal(err)
	}
	got, err := s.Span(sp.ID)
	if err != nil || got.Start != 11 || got.End != 18 || got.Note != "resized" || got.LabelID != sp.LabelID {
		t.Fatalf("after update: %+v, %v", got, err)
	}
	sp.End = 99
	if err := s.UpdateSpan(sp); annotate.ErrorCode(err) != annotate.EINVALID {
		t.Errorf("resize past the end: %v", err)
	}
	if err := s.DeleteSpan(sp.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Span(sp.ID); annotate.ErrorCode(err) != annotate.ENOTFOUND {
		t.Errorf("deleted span still found: %v", err)
	}
	var events int
	s.DB().QueryRow(`SELECT count(*) FROM events WHERE span_id = ?`, sp.ID).Scan(&events)
	if events != 3 {
		t.Errorf("edit log has %d events for the span, want 3 (add, update, delete)", events)
	}
}

func TestDocumentsAndStats(t *testing.T) {
	s := newProject(t)
	a := addDoc(t, s, "a", "alpha text")
	b := addDoc(t, s, "b", "beta")
	s.AddSpan(annotate.NewSpan(a.ID, 0, 5, label(t, s, "actor")))
	s.AddSpan(annotate.NewSpan(a.ID, 6, 10, label(t, s, "claim")))
	if err := s.SetStatus(b.ID, annotate.StatusDone); err != nil {
		t.Fatal(err)
	}
	if err := s.SetStatus(b.ID, "finished"); annotate.ErrorCode(err) != annotate.EINVALID {
		t.Errorf("bad status: %v", err)
	}
	docs, err := s.Documents()
	if err != nil || len(docs) != 2 {
		t.Fatal(docs, err)
	}
	if docs[0].Title != "a" || docs[0].SpanCount != 2 || docs[0].Length != 10 || docs[1].Status != annotate.StatusDone {
		t.Errorf("documents = %+v", docs)
	}
	st, err := s.Stats()
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != 2 || st.ByStatus[annotate.StatusDone] != 1 || st.ByStatus[annotate.StatusTodo] != 1 || st.Spans != 2 {
		t.Errorf("stats = %+v", st)
	}
	if st.ByLabel[0].Label != "actor" || st.ByLabel[0].Count != 1 || st.ByLabel[2].Count != 0 {
		t.Errorf("by label = %+v", st.ByLabel)
	}
	if got, err := s.FindDocument("b"); err != nil || got.ID != b.ID {
		t.Errorf("FindDocument by title: %v, %v", got, err)
	}
	if got, err := s.FindDocument(a.ID); err != nil || got.Title != "a" {
		t.Errorf("FindDocument by id: %v, %v", got, err)
	}
	if err := s.DeleteDocument(a.ID); err != nil {
		t.Fatal(err)
	}
	if spans, _ := s.Spans(a.ID); len(spans) != 0 {
		t.Errorf("spans of a deleted document remain: %d", len(spans))
	}
}

func TestAddDocumentsAllOrNothing(t *testing.T) {
	s := newProject(t)
	good := annotate.NewDocument("good", "fine", "")
	bad := annotate.NewDocument("bad", "x", "")
	bad.Text = "tampered"
	if err := s.AddDocuments([]*annotate.Document{good, bad}); err == nil {
		t.Fatal("batch with a bad document succeeded")
	}
	if docs, _ := s.Documents(); len(docs) != 0 {
		t.Fatalf("%d documents stored from a failed batch", len(docs))
	}
}
