package store

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"gloss/annotate"
)

// TestTitleCandidatesCarryStatusAndSpans: the candidates are the
// documents whose title holds the query, with the annotator's status and
// their span count, and nothing else.
func TestTitleCandidatesCarryStatusAndSpans(t *testing.T) {
	s := newProject(t)
	a := addDoc(t, s, "Zürich budget debate", "text one")
	addDoc(t, s, "Geneva budget", "text two")
	c := addDoc(t, s, "Basel", "text three")
	if err := s.SetStatus(a.ID, annotate.StatusDone); err != nil {
		t.Fatal(err)
	}
	if err := s.AddSpan(&annotate.Span{DocumentID: a.ID, Start: 0, End: 4, LabelID: label(t, s, "actor")}); err != nil {
		t.Fatal(err)
	}
	got, err := s.TitleCandidates("rich", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].ID != a.ID || got[0].Status != annotate.StatusDone || got[0].SpanCount != 1 {
		t.Fatalf("TitleCandidates(rich) = %+v, want only %s, done, 1 span", got, a.ID)
	}
	got, err = s.TitleCandidates("budget", 10)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range got {
		if d.ID == c.ID || !strings.Contains(d.Title, "budget") {
			t.Errorf("candidate %q does not hold budget", d.Title)
		}
	}
	if len(got) != 2 {
		t.Errorf("TitleCandidates(budget) found %d, want 2", len(got))
	}
}

// TestSearchTextsOffsetsAndCancel: hits are code points of the text (the
// text has multi-byte characters before the hit), and a cancelled context
// stops the search with its error.
func TestSearchTextsOffsetsAndCancel(t *testing.T) {
	s := newProject(t)
	text := "Ωmega 北京 says the Budget, then budget again"
	d := addDoc(t, s, "one", text)
	var hits []annotate.TextHit
	err := s.SearchTexts(context.Background(), annotate.TextQuery{Text: "budget"}, 0, func(doc *annotate.Document, h []annotate.TextHit) bool {
		if doc.ID != d.ID {
			t.Errorf("hit in %s", doc.ID)
		}
		hits = append(hits, h...)
		return true
	})
	if err != nil {
		t.Fatal(err)
	}
	lower := strings.ToLower(text)
	var want []annotate.TextHit
	for b := 0; ; {
		i := strings.Index(lower[b:], "budget")
		if i < 0 {
			break
		}
		start := utf8.RuneCountInString(lower[:b+i])
		want = append(want, annotate.TextHit{Start: start, End: start + 6})
		b += i + 6
	}
	if len(hits) != len(want) || hits[0] != want[0] || hits[1] != want[1] {
		t.Fatalf("hits %v, want %v", hits, want)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.SearchTexts(ctx, annotate.TextQuery{Text: "budget"}, 0, func(*annotate.Document, []annotate.TextHit) bool { return true }); err != context.Canceled {
		t.Fatalf("cancelled search: %v, want context.Canceled", err)
	}
}

// TestCheckProjectHealthy: a healthy project has no problem lines.
func TestCheckProjectHealthy(t *testing.T) {
	s := newProject(t)
	addDoc(t, s, "one", "text")
	got, err := s.CheckProject(context.Background())
	if err != nil || len(got) != 0 {
		t.Fatalf("CheckProject = %v, %v; want none", got, err)
	}
}

// TestAnnotatorsSkipScan: the annotators with spans, each once, sorted,
// whatever how many spans each has; none in a project without spans.
func TestAnnotatorsSkipScan(t *testing.T) {
	s := newProject(t)
	if got, err := s.Annotators(); err != nil || got == nil || len(got) != 0 {
		t.Fatalf("no spans: %#v, %v; want an empty list", got, err)
	}
	d := addDoc(t, s, "one", "some text to label here")
	for i, name := range []string{"zoe", "al", "zoe", "mia", "al", "al"} {
		o, err := Open(s.Path(), Options{Annotator: name, NoBackup: true})
		if err != nil {
			t.Fatal(err)
		}
		if err := o.AddSpan(&annotate.Span{DocumentID: d.ID, Start: i, End: i + 1, LabelID: label(t, o, "actor")}); err != nil {
			t.Fatal(err)
		}
		o.Close()
	}
	got, err := s.Annotators()
	if err != nil || strings.Join(got, ",") != "al,mia,zoe" {
		t.Fatalf("Annotators = %v, %v; want al,mia,zoe", got, err)
	}
}
