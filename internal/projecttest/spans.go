package projecttest

import (
	"testing"
	"time"

	"gloss/annotate"
)

// testSpans checks AddSpan, UpdateSpan, DeleteSpan, Span and Spans.
func testSpans(t *testing.T, tg Target) {
	t.Run("offsets are code points", func(t *testing.T) {
		p := newEnv(t, tg).as("alice")
		l := addLabel(t, p, "x")
		// an emoji outside the BMP, a combining mark, Hebrew and Arabic
		// (right to left) and a ZWJ family of five code points at the end.
		text := "naïve 🤝 e\u0301cole — שלום עולם و مرحبا 👩\u200d👩\u200d👧"
		d := addDoc(t, p, "unicode", text)
		var want []*annotate.Span
		for _, sub := range []string{"🤝", "e\u0301", "שלום", "مرحبا", "👩\u200d👩\u200d👧", "naïve 🤝"} {
			start := runeIndex(text, sub)
			end := start + len([]rune(sub))
			sp := addSpan(t, p, d.ID, start, end, l.ID)
			want = append(want, withAnnotator(sp, "alice"))
			got, err := p.Span(sp.ID)
			if err != nil {
				t.Fatalf("Span(%q): %v", sub, err)
			}
			if got.Start != start || got.End != end || got.Annotator != "alice" {
				t.Errorf("span of %q: [%d, %d) by %q, want [%d, %d) by alice", sub, got.Start, got.End, got.Annotator, start, end)
			}
		}
		stored, err := p.Document(d.ID)
		if err != nil || stored.Text != text {
			t.Fatalf("the text did not come back byte for byte (%v)", err)
		}
		for _, sp := range spansOf(t, p, d.ID) {
			if got := slice(stored.Text, sp.Start, sp.End); got != slice(text, sp.Start, sp.End) || got == "" {
				t.Errorf("span [%d, %d) covers %q", sp.Start, sp.End, got)
			}
		}
		wantSpans(t, "non-ASCII spans", p, d.ID, want...)
	})

	t.Run("refused spans", func(t *testing.T) {
		e := newEnv(t, tg)
		p := e.as("alice")
		l := addLabel(t, p, "x")
		d := addDoc(t, p, "d", "🤝🤝 ab") // 5 code points, 7 UTF-16 units, 11 bytes
		good := addSpan(t, p, d.ID, 0, 5, l.ID)
		cases := []struct {
			name       string
			doc        string
			start, end int
			label      string
			code       string
		}{
			{"past the end by one code point", d.ID, 0, 6, l.ID, annotate.EINVALID},
			{"end within the bytes, past the code points", d.ID, 4, 7, l.ID, annotate.EINVALID},
			{"negative start", d.ID, -1, 2, l.ID, annotate.EINVALID},
			{"empty", d.ID, 2, 2, l.ID, annotate.EINVALID},
			{"reversed", d.ID, 3, 1, l.ID, annotate.EINVALID},
			{"unknown label", d.ID, 0, 1, "no-such-id", annotate.ENOTFOUND},
			{"unknown document", "no-such-id", 0, 1, l.ID, annotate.ENOTFOUND},
			{"the same span again", d.ID, 0, 5, l.ID, annotate.ECONFLICT},
		}
		for _, c := range cases {
			wantCode(t, c.name, p.AddSpan(annotate.NewSpan(c.doc, c.start, c.end, c.label)), c.code)
		}
		wantSpans(t, "after refused spans", p, d.ID, withAnnotator(good, "alice"))
	})

	t.Run("layers: one span per annotator", func(t *testing.T) {
		e := newEnv(t, tg)
		alice, bob := e.as("alice"), e.as("bob")
		x, y := addLabel(t, alice, "x"), addLabel(t, alice, "y")
		d := addDoc(t, alice, "d", "The minister said so.")
		a := addSpan(t, alice, d.ID, 4, 12, x.ID)
		b := addSpan(t, bob, d.ID, 4, 12, x.ID) // the same span in bob's layer
		wantCode(t, "bob's span twice", bob.AddSpan(annotate.NewSpan(d.ID, 4, 12, x.ID)), annotate.ECONFLICT)
		ay := addSpan(t, alice, d.ID, 4, 12, y.ID) // the same range with another label
		if a.Annotator != "alice" || b.Annotator != "bob" {
			t.Errorf("AddSpan filled in annotators %q and %q, want alice and bob", a.Annotator, b.Annotator)
		}
		wantSpans(t, "two layers", alice, d.ID, a, b, ay)
		if infos, _ := bob.Documents(); len(infos) != 1 || infos[0].SpanCount != 3 {
			t.Errorf("Documents() SpanCount = %+v, want 3 (every layer)", infos)
		}
	})

	t.Run("add fills in id, annotator and times", func(t *testing.T) {
		p := newEnv(t, tg).as("alice")
		l := addLabel(t, p, "x")
		d := addDoc(t, p, "d", "alpha beta")
		sp := &annotate.Span{DocumentID: d.ID, Start: 0, End: 5, LabelID: l.ID, Note: "a note ✓", Group: "g1",
			Attributes: map[string]string{"negated": "true", "certainty": "low"}}
		if err := p.AddSpan(sp); err != nil {
			t.Fatal(err)
		}
		if sp.ID == "" || sp.Annotator != "alice" {
			t.Fatalf("AddSpan left id %q, annotator %q", sp.ID, sp.Annotator)
		}
		got, err := p.Span(sp.ID)
		if err != nil || spanKey(got) != spanKey(sp) {
			t.Errorf("Span = %s (%v), want %s", spanKey(got), err, spanKey(sp))
		}
		if got != nil && (got.CreatedAt.IsZero() || time.Since(got.CreatedAt).Abs() > time.Hour || got.UpdatedAt.Before(got.CreatedAt)) {
			t.Errorf("Span times: created %v, updated %v; want now", got.CreatedAt, got.UpdatedAt)
		}
	})

	t.Run("update and delete", testUpdateDeleteSpan(tg))

	t.Run("text order", func(t *testing.T) {
		e := newEnv(t, tg)
		alice, bob := e.as("alice"), e.as("bob")
		x, y := addLabel(t, alice, "x"), addLabel(t, alice, "y")
		d := addDoc(t, alice, "d", "zero one two three four five")
		var all []*annotate.Span
		for _, c := range []struct {
			p          annotate.Project
			start, end int
			label      string
		}{
			{alice, 9, 12, x.ID}, {alice, 0, 8, x.ID}, {bob, 0, 8, x.ID}, {alice, 0, 4, y.ID},
			{bob, 5, 8, y.ID}, {alice, 0, 8, y.ID}, {bob, 24, 28, x.ID}, {alice, 5, 28, x.ID},
		} {
			all = append(all, addSpan(t, c.p, d.ID, c.start, c.end, c.label))
		}
		got := spansOf(t, bob, d.ID)
		annotate.SortSpans(all) // by start, longer first, then by ID
		if spanKeys(got) != spanKeys(all) {
			t.Errorf("Spans order:\n%s want\n%s", spanKeys(got), spanKeys(all))
		}
		if spans, err := bob.Spans("no-such-id"); err != nil || len(spans) != 0 {
			t.Errorf("Spans(missing document) = %d, %v; want none and no error", len(spans), err)
		}
	})
}

// testUpdateDeleteSpan checks UpdateSpan and DeleteSpan.
func testUpdateDeleteSpan(tg Target) func(t *testing.T) {
	return func(t *testing.T) {
		e := newEnv(t, tg)
		alice, bob := e.as("alice"), e.as("bob")
		x, y := addLabel(t, alice, "x"), addLabel(t, alice, "y")
		d := addDoc(t, alice, "d", "Moscow and Beijing met 🤝.")
		sp := addSpan(t, alice, d.ID, 0, 6, x.ID)
		other := addSpan(t, alice, d.ID, 11, 18, y.ID)

		u := *sp
		u.Start, u.End, u.LabelID, u.Note = 23, 24, y.ID, "the handshake"
		if err := bob.UpdateSpan(&u); err != nil { // bob edits alice's span
			t.Fatal(err)
		}
		want := u
		want.DocumentID, want.Annotator = d.ID, "alice" // the span stays in alice's layer
		got, err := alice.Span(sp.ID)
		if err != nil || spanKey(got) != spanKey(&want) {
			t.Errorf("after update: %s (%v), want %s", spanKey(got), err, spanKey(&want))
		}

		bad := want
		bad.End = 26
		wantCode(t, "resize past the end", alice.UpdateSpan(&bad), annotate.EINVALID)
		bad = want
		bad.LabelID = "no-such-id"
		wantCode(t, "unknown label", alice.UpdateSpan(&bad), annotate.ENOTFOUND)
		bad = want
		bad.Start, bad.End, bad.LabelID = 11, 18, y.ID
		wantCode(t, "onto another span of the same layer", alice.UpdateSpan(&bad), annotate.ECONFLICT)
		ghost := *annotate.NewSpan(d.ID, 0, 1, x.ID)
		wantCode(t, "missing span", alice.UpdateSpan(&ghost), annotate.ENOTFOUND)
		wantSpans(t, "after refused updates", alice, d.ID, &want, other)

		if err := alice.DeleteSpan(other.ID); err != nil {
			t.Fatal(err)
		}
		_, err = bob.Span(other.ID)
		wantCode(t, "Span(deleted)", err, annotate.ENOTFOUND)
		wantCode(t, "DeleteSpan(again)", alice.DeleteSpan(other.ID), annotate.ENOTFOUND)
		wantSpans(t, "after delete", bob, d.ID, &want)
	}
}
