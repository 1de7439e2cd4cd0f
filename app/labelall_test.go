package app_test

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"gloss/app"
)

// openLabelAll selects [start, end) of the shown document and opens
// "Label all occurrences…".
func openLabelAll(g *app.Probe, start, end int) *app.LabelAll {
	g.View().SetSelection(start, end)
	g.MenuAction("Edit", "Label all occurrences")()
	return g.LabelAll()
}

func TestLabelAllPreviewAppliesCheckedAsOneEdit(t *testing.T) {
	g, s, docs := newFindGloss(t)
	l := openLabelAll(g, 0, 6) // "Lavrov"
	_, query, lab, scope, _, wholeWord := l.Controls()
	if query.Text != "Lavrov" || lab.Selected != "actor" {
		t.Fatalf("dialog opened with %q / %q", query.Text, lab.Selected)
	}
	// In this document, case-insensitive, accents matter: Lavrov, LAVROV,
	// Lavrov(sky), Lavrov; not Lavróv.
	if got := l.Hits(); len(got) != 4 {
		t.Fatalf("this document: %d hits %q, want 4", len(got), got)
	}
	wholeWord.SetChecked(true)
	if got := l.Hits(); len(got) != 3 || strings.Contains(strings.Join(got, "\n"), ":52-58:") {
		t.Fatalf("whole word: %q", got)
	}
	scope.SetSelected("All documents")
	hits := l.Hits()
	if len(hits) != 4 || !strings.HasPrefix(hits[3], "Two:18-24:actor:") {
		t.Fatalf("all documents: %q", hits)
	}
	if !strings.HasPrefix(hits[1], "One:20-26:actor:Lavrov met Wang Yi. [LAVROV] said") {
		t.Errorf("context: %q", hits[1])
	}
	l.Uncheck(1) // not LAVROV
	if sum := l.Summary(); !strings.Contains(sum, "4 new occurrences in 2 documents, 3 checked") {
		t.Errorf("summary %q", sum)
	}
	actor := label(t, s, "actor").ID
	l.Apply()
	if g.Overlay() != nil {
		t.Error("the dialog stayed open")
	}
	got := map[[2]int]bool{}
	for _, d := range docs {
		for _, sp := range spans(t, s, d.ID) {
			if sp.LabelID == actor {
				got[[2]int{sp.Start, sp.End}] = true
			}
		}
	}
	if len(got) != 3 || !got[[2]int{0, 6}] || !got[[2]int{70, 76}] || !got[[2]int{18, 24}] || got[[2]int{20, 26}] {
		t.Fatalf("labelled %v, want the 3 checked", got)
	}
	if m := g.MenuItem("Edit", 0).Label; m != "Undo add 3 spans" {
		t.Errorf("Edit menu says %q", m)
	}
	// Open again: the three are now present, only LAVROV is offered.
	l = openLabelAll(g, 0, 6)
	if hits := l.Hits(); len(hits) != 1 || !strings.Contains(l.Summary(), "3 already labelled") {
		t.Fatalf("second time: %q, %q", hits, l.Summary())
	}
	g.Window().Canvas().Overlays().Top().Hide()
	g.MenuAction("Edit", "Undo")()
	for _, d := range docs {
		if n := countLabel(t, s, d.ID, actor); n != 0 {
			t.Fatalf("one undo left %d actor spans in %s", n, d.Title)
		}
	}
}

func TestLabelAllDictionaryAndRegex(t *testing.T) {
	g, s, docs := newFindGloss(t)
	l := openLabelAll(g, 0, 0)
	mode, query, _, scope, _, _ := l.Controls()
	scope.SetSelected("All documents")
	l.LoadDict("testdata/find-dict.tsv")
	if mode.Selected != "Dictionary" {
		t.Fatalf("mode %q after loading a dictionary", mode.Selected)
	}
	// Wang Yi, said (claim), Lavrov x4 in One (case-insensitive), Lavrov in Two.
	hits := l.Hits()
	if len(hits) != 7 {
		t.Fatalf("dictionary: %d hits %q", len(hits), hits)
	}
	if !strings.HasPrefix(hits[3], "One:27-31:claim:") {
		t.Errorf("said is not a claim: %q", hits[3])
	}
	l.LoadDict("testdata/find-dict-bad.tsv")
	if len(l.Hits()) != 7 || !strings.Contains(l.Summary(), "find-dict.tsv: 3 terms") {
		t.Errorf("a bad dictionary replaced the good one: %q", l.Summary())
	}
	if err := strings.ToLower(errorShown(g)); !strings.Contains(err, "find-dict-bad.tsv:3") || !strings.Contains(err, "nosuchlabel") {
		t.Errorf("the error does not name the file, line and label: %q", err)
	}
	g.Window().Canvas().Overlays().Top().Hide()
	mode.SetSelected("Regular expression")
	query.SetText(`Lavr\w+`) // \w is ASCII in RE2: not Lavróv
	if hits := l.Hits(); len(hits) != 5 || !strings.Contains(hits[2], ":52-61:") {
		t.Fatalf("regex: %q (%s)", hits, l.Summary())
	}
	l.Apply()
	if n := len(spans(t, s, docs[0].ID)) + len(spans(t, s, docs[1].ID)); n != 5 {
		t.Errorf("%d spans after applying the regex, want 5", n)
	}
}

// errorShown returns the texts of the dialog on top of the window.
func errorShown(g *app.Probe) string {
	o := g.Overlay()
	if o == nil {
		return ""
	}
	var b strings.Builder
	for _, obj := range test.LaidOutObjects(o) {
		switch w := obj.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *widget.RichText:
			b.WriteString(w.String() + "\n")
		}
	}
	return b.String()
}
