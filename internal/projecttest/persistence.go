package projecttest

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"gloss/annotate"
)

// snapshot is everything a handle reads of a project, as text: labels,
// documents (with text and the handle's status) and every span.
func snapshot(t *testing.T, p annotate.Project) string {
	t.Helper()
	var b strings.Builder
	labels, err := p.Labels()
	if err != nil {
		t.Fatalf("Labels: %v", err)
	}
	for _, l := range labels {
		fmt.Fprintf(&b, "label %s %q %s %q %q\n", l.ID, l.Name, l.Color, l.Hotkey, l.Description)
	}
	infos, err := p.Documents()
	if err != nil {
		t.Fatalf("Documents: %v", err)
	}
	for _, in := range infos {
		d, err := p.Document(in.ID)
		if err != nil {
			t.Fatalf("Document(%s): %v", in.ID, err)
		}
		fmt.Fprintf(&b, "document %s %q %s %d code points %d spans text %q sha %s\n", in.ID, in.Title, in.Status, in.Length, in.SpanCount, d.Text, d.SHA256)
		b.WriteString(spanKeys(spansOf(t, p, in.ID)))
	}
	return b.String()
}

// testPersistence checks that what one handle writes another reads: after
// reopening, and at once while both are open.
func testPersistence(t *testing.T, tg Target) {
	t.Run("a new handle reads what the last one wrote", func(t *testing.T) {
		e := newEnv(t, tg)
		p := e.as("alice")
		if p.Path() == "" || p.ReadOnly() {
			t.Errorf("Path() = %q, ReadOnly() = %v; want a location and false", p.Path(), p.ReadOnly())
		}
		path := p.Path()
		x := &annotate.Label{Name: "x 🤝", Color: "#112233", Hotkey: "x", Description: "a label"}
		if err := p.AddLabel(x); err != nil {
			t.Fatal(err)
		}
		y := addLabel(t, p, "y")
		d := addDoc(t, p, "d", "naïve שלום 👩\u200d👩\u200d👧 end")
		addDoc(t, p, "empty of spans", "nothing here")
		sp := annotate.NewSpan(d.ID, 6, 10, y.ID)
		sp.Note, sp.Group = "a note ✓", "g"
		if err := p.AddSpan(sp); err != nil {
			t.Fatal(err)
		}
		addSpan(t, p, d.ID, 11, 16, x.ID)
		if err := p.SetStatus(d.ID, annotate.StatusInProgress); err != nil {
			t.Fatal(err)
		}
		want := snapshot(t, p)
		for _, s := range []string{"x 🤝", "#112233", "in-progress", "a note ✓", `group="g"`, "👩"} {
			if !strings.Contains(want, s) {
				t.Fatalf("the snapshot lacks %q:\n%s", s, want)
			}
		}
		e.close(p)
		again := e.as("alice")
		if got := snapshot(t, again); got != want {
			t.Errorf("after reopening:\n%s\nwant\n%s", got, want)
		}
		if again.Path() != path {
			t.Errorf("Path() = %q after reopening, want %q", again.Path(), path)
		}
		bob := e.as("bob")
		bobs := strings.Replace(want, "in-progress", "todo", 1) // bob never set a status
		if got := snapshot(t, bob); got != bobs {
			t.Errorf("bob's handle:\n%s\nwant\n%s", got, bobs)
		}
	})

	t.Run("an open handle sees another's writes at once", func(t *testing.T) {
		e := newEnv(t, tg)
		alice, bob := e.as("alice"), e.as("bob")
		x := addLabel(t, alice, "x")
		d := addDoc(t, alice, "d", "alpha beta")
		before := snapshot(t, bob)
		sp := addSpan(t, alice, d.ID, 0, 5, x.ID)
		if got, err := bob.Span(sp.ID); err != nil || spanKey(got) != spanKey(sp) {
			t.Errorf("bob reads alice's new span: %s, %v", spanKey(got), err)
		}
		if err := alice.UpdateLabel(&annotate.Label{ID: x.ID, Name: "renamed", Color: x.Color}); err != nil {
			t.Fatal(err)
		}
		if got := labelNames(t, bob); got != "renamed" {
			t.Errorf("bob's labels: %s, want renamed", got)
		}
		if got := snapshot(t, bob); got == before {
			t.Error("bob's snapshot did not change after alice's writes")
		}
	})
}

// testSource checks annotate.Source, which every store must implement.
func testSource(t *testing.T, tg Target) {
	t.Run("each document with its spans", func(t *testing.T) {
		e := newEnv(t, tg)
		alice, bob := e.as("alice"), e.as("bob")
		src, ok := bob.(annotate.Source)
		if !ok {
			t.Fatalf("%T does not implement annotate.Source: every Gloss store must (exports read it)", bob)
		}
		x, y := addLabel(t, alice, "x"), addLabel(t, alice, "y")
		var docs []*annotate.Document
		for i, text := range []string{"zero one two", "🤝 and שלום", "no spans here", "last one"} {
			docs = append(docs, addDoc(t, alice, fmt.Sprintf("doc %d", i), text))
		}
		addSpan(t, alice, docs[1].ID, 6, 10, y.ID)
		addSpan(t, bob, docs[1].ID, 0, 1, x.ID)
		addSpan(t, alice, docs[1].ID, 0, 1, x.ID)
		addSpan(t, alice, docs[0].ID, 5, 12, x.ID)
		addSpan(t, bob, docs[3].ID, 0, 4, y.ID)
		if err := bob.SetStatus(docs[2].ID, annotate.StatusDone); err != nil {
			t.Fatal(err)
		}
		if err := alice.SetStatus(docs[3].ID, annotate.StatusDone); err != nil {
			t.Fatal(err)
		}
		statuses := []annotate.Status{annotate.StatusTodo, annotate.StatusTodo, annotate.StatusDone, annotate.StatusTodo} // bob's
		i := 0
		err := src.EachDocument(func(doc *annotate.Document, spans []*annotate.Span) error {
			if i >= len(docs) {
				t.Fatalf("EachDocument yields more than the %d documents", len(docs))
			}
			w := docs[i]
			if doc.ID != w.ID || doc.Title != w.Title || doc.Text != w.Text || doc.Status != statuses[i] {
				t.Errorf("document %d: %s %q %q %s; want %s %q %q %s", i, doc.ID, doc.Title, doc.Text, doc.Status, w.ID, w.Title, w.Text, statuses[i])
			}
			if got, want := spanKeys(spans), spanKeys(spansOf(t, bob, w.ID)); got != want {
				t.Errorf("document %d spans:\n%s want (as Spans gives them)\n%s", i, got, want)
			}
			i++
			return nil
		})
		if err != nil || i != len(docs) {
			t.Fatalf("EachDocument: %d documents, %v; want %d", i, err, len(docs))
		}
		if n := len(spansOf(t, bob, docs[1].ID)); n != 3 {
			t.Fatalf("document 1 has %d spans, want 3", n)
		}
		stop := errors.New("stop")
		calls := 0
		err = src.EachDocument(func(*annotate.Document, []*annotate.Span) error { calls++; return stop })
		if !errors.Is(err, stop) || calls != 1 {
			t.Errorf("EachDocument with fn failing: %d calls, %v; want 1 call and fn's error", calls, err)
		}
		if got, want := labelNamesOf(t, src), labelNames(t, bob); got != want || got != "x,y" {
			t.Errorf("Source.Labels = %s, want %s", got, want)
		}
	})
}

// labelNamesOf is a Source's label names in order.
func labelNamesOf(t *testing.T, src annotate.Source) string {
	t.Helper()
	labels, err := src.Labels()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, l := range labels {
		names = append(names, l.Name)
	}
	return strings.Join(names, ",")
}
