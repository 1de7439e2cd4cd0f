package app_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"gloss/annotate"
	"gloss/app"
	"gloss/store/pgstore"
)

// The window on a server project follows what another annotator saves.

func TestServerProjectShowsAnotherAnnotatorsSpans(t *testing.T) {
	c := startServer(t)
	url := newServerProject(t, c)
	a := test.NewTempApp(t)
	w, err := app.Start(a, url, serverOpener("tester"), nil)
	if err != nil {
		t.Fatal(err)
	}
	g := app.NewProbe(w)
	t.Cleanup(func() { g.Close() })
	awaitOpened(t, g)
	g.Window().Resize(fyne.NewSize(1200, 800))
	doc := g.Document()
	if doc == nil {
		t.Fatal("no document shown")
	}
	bob, err := pgstore.Open(context.Background(), url, pgstore.Options{Annotator: "bob"})
	if err != nil {
		t.Fatal(err)
	}
	defer bob.Close()
	labels, err := bob.Labels()
	if err != nil || len(labels) == 0 {
		t.Fatalf("labels: %v, %v", labels, err)
	}
	listeningNow(t, g, bob, doc.ID)

	// bob adds a span: it appears in the text, the spans list, the
	// documents panel's count and the status bar, without reopening.
	first := &annotate.Span{DocumentID: doc.ID, Start: wordStart, End: wordEnd, LabelID: labels[0].ID}
	if err := bob.AddSpan(first); err != nil {
		t.Fatal(err)
	}
	awaitLive(t, g, "bob's span", func() bool { return len(g.View().SpansAt(wordStart+1)) == 1 })
	if rows := g.SpanRows(); !slices.Contains(rows, "Consequently") {
		t.Errorf("spans list = %q, want bob's span on Consequently", rows)
	}
	if n := g.PanelSpanCount(doc.ID); n != 1 {
		t.Errorf("documents panel count = %d, want 1", n)
	}
	if _, state := g.StatusText(); !strings.Contains(state, "bob changed spans in ‘"+doc.Title+"’") {
		t.Errorf("status = %q, want who changed what", state)
	}

	// The user's selected span, text selection and scroll position survive
	// the next change.
	g.TapSpanRow(0)
	if g.SelectedSpan() != first.ID {
		t.Fatalf("selected span = %q, want bob's %q", g.SelectedSpan(), first.ID)
	}
	g.View().ScrollTopTo(200)
	top := g.View().TopOffset()
	second := &annotate.Span{DocumentID: doc.ID, Start: 0, End: 5, LabelID: labels[0].ID}
	if err := bob.AddSpan(second); err != nil {
		t.Fatal(err)
	}
	awaitLive(t, g, "bob's second span", func() bool { return len(g.SpanRows()) == 2 })
	if g.SelectedSpan() != first.ID {
		t.Errorf("selected span = %q after another change, want %q kept", g.SelectedSpan(), first.ID)
	}
	if s, e := g.View().Selection(); s != wordStart || e != wordEnd {
		t.Errorf("text selection = [%d,%d), want [%d,%d) kept", s, e, wordStart, wordEnd)
	}
	if got := g.View().TopOffset(); got != top {
		t.Errorf("scrolled to %d after a live update, want %d kept", got, top)
	}

	// bob deletes the selected span: it goes, and nothing is selected.
	if err := bob.DeleteSpan(first.ID); err != nil {
		t.Fatal(err)
	}
	awaitLive(t, g, "the deletion", func() bool { return len(g.SpanRows()) == 1 })
	if g.SelectedSpan() != "" || len(g.View().SpansAt(wordStart+1)) != 0 {
		t.Errorf("after bob deleted it: selected %q, spans at the word %d", g.SelectedSpan(), len(g.View().SpansAt(wordStart+1)))
	}

	// A new label appears in the label bar's labels.
	if err := bob.AddLabel(&annotate.Label{ID: annotate.NewID(), Name: "Bob's label", Color: "#336699"}); err != nil {
		t.Fatal(err)
	}
	awaitLive(t, g, "bob's label", func() bool {
		ls, err := g.Project().Labels()
		return err == nil && len(ls) == len(labels)+1 && strings.Contains(fmt.Sprint(g.LabelNames()), "Bob's label")
	})
}
