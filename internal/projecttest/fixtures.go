package projecttest

import (
	"fmt"
	"strings"
	"testing"

	"gloss/annotate"
)

// addLabel adds a label with this name (colour from the palette, no
// hotkey) and returns it as stored.
func addLabel(t *testing.T, p annotate.Project, name string) *annotate.Label {
	t.Helper()
	l := &annotate.Label{Name: name}
	if err := p.AddLabel(l); err != nil {
		t.Fatalf("AddLabel(%q): %v", name, err)
	}
	if l.ID == "" {
		t.Fatalf("AddLabel(%q) left the label without an ID", name)
	}
	return l
}

// addDoc adds one document and returns it.
func addDoc(t *testing.T, p annotate.Project, title, text string) *annotate.Document {
	t.Helper()
	d := annotate.NewDocument(title, text, "")
	if err := p.AddDocuments([]*annotate.Document{d}); err != nil {
		t.Fatalf("AddDocuments(%q): %v", title, err)
	}
	return d
}

// addSpan adds the span [start, end) of doc with the label and returns it.
func addSpan(t *testing.T, p annotate.Project, docID string, start, end int, labelID string) *annotate.Span {
	t.Helper()
	sp := annotate.NewSpan(docID, start, end, labelID)
	if err := p.AddSpan(sp); err != nil {
		t.Fatalf("AddSpan [%d, %d): %v", start, end, err)
	}
	return sp
}

// wantCode fails the case unless err carries the domain error code (""
// for no error at all).
func wantCode(t *testing.T, what string, err error, code string) {
	t.Helper()
	got := annotate.ErrorCode(err)
	switch {
	case code == "" && err != nil:
		t.Errorf("%s: %v, want no error", what, err)
	case code != "" && got != code:
		t.Errorf("%s: error %v (code %q), want code %q", what, err, got, code)
	}
}

// spanKey is every field of a span that a store must keep exactly (not
// its times, whose precision a store may round).
func spanKey(sp *annotate.Span) string {
	if sp == nil {
		return "<nil>"
	}
	return fmt.Sprintf("%s doc=%s [%d,%d) label=%s note=%q by=%q group=%q attrs=%v",
		sp.ID, sp.DocumentID, sp.Start, sp.End, sp.LabelID, sp.Note, sp.Annotator, sp.Group, sp.Attributes)
}

// spanKeys is spanKey of each span, one a line.
func spanKeys(spans []*annotate.Span) string {
	var b strings.Builder
	for _, sp := range spans {
		b.WriteString(spanKey(sp))
		b.WriteByte('\n')
	}
	return b.String()
}

// spansOf reads a document's spans (all layers), failing the case on error.
func spansOf(t *testing.T, p annotate.Project, docID string) []*annotate.Span {
	t.Helper()
	spans, err := p.Spans(docID)
	if err != nil {
		t.Fatalf("Spans(%s): %v", docID, err)
	}
	return spans
}

// wantSpans fails the case unless the document's spans are exactly want
// (in text order: annotate.SortSpans).
func wantSpans(t *testing.T, what string, p annotate.Project, docID string, want ...*annotate.Span) {
	t.Helper()
	w := append([]*annotate.Span(nil), want...)
	annotate.SortSpans(w)
	if got, exp := spanKeys(spansOf(t, p, docID)), spanKeys(w); got != exp {
		t.Errorf("%s: spans are\n%s want\n%s", what, got, exp)
	}
}

// labelNames is the labels' names in the project's order, comma-separated.
func labelNames(t *testing.T, p annotate.Project) string {
	t.Helper()
	labels, err := p.Labels()
	if err != nil {
		t.Fatalf("Labels: %v", err)
	}
	var names []string
	for _, l := range labels {
		names = append(names, l.Name)
	}
	return strings.Join(names, ",")
}

// runeIndex is the code point offset of the first sub in text (-1 if none).
func runeIndex(text, sub string) int {
	i := strings.Index(text, sub)
	if i < 0 {
		return -1
	}
	return len([]rune(text[:i]))
}

// slice is text's code points [start, end).
func slice(text string, start, end int) string {
	r := []rune(text)
	if start < 0 || end > len(r) || start > end {
		return fmt.Sprintf("<[%d, %d) outside %d code points>", start, end, len(r))
	}
	return string(r[start:end])
}

// withAnnotator returns a copy of sp as it is stored for annotator.
func withAnnotator(sp *annotate.Span, annotator string) *annotate.Span {
	c := *sp
	c.Annotator = annotator
	return &c
}
