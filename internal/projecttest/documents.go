package projecttest

import (
	"testing"
	"unicode/utf8"

	"gloss/annotate"
)

// testDocuments checks AddDocuments, Documents, Document, FindDocument,
// SetStatus and DeleteDocument.
func testDocuments(t *testing.T, tg Target) {
	t.Run("add and read back exactly", func(t *testing.T) {
		p := newEnv(t, tg).as("alice")
		texts := []struct{ title, text, source string }{
			{"plain", "Moscow and Beijing met in Geneva.", "a.txt"},
			{"émoji 🤝", "Officials said 🤝 today.\nSecond line\twith a tab.", ""},
			{"RTL", "שלום עולם — مرحبا بالعالم", "rtl.txt"},
		}
		var docs []*annotate.Document
		for _, x := range texts {
			d := annotate.NewDocument(x.title, x.text, x.source)
			d.Metadata["author"] = "Ana"
			docs = append(docs, d)
		}
		if err := p.AddDocuments(docs); err != nil {
			t.Fatal(err)
		}
		infos, err := p.Documents()
		if err != nil {
			t.Fatal(err)
		}
		if len(infos) != len(docs) {
			t.Fatalf("Documents() lists %d, want %d", len(infos), len(docs))
		}
		for i, d := range docs {
			in := infos[i]
			if in.ID != d.ID || in.Title != d.Title || in.Source != d.Source || in.Status != annotate.StatusTodo ||
				in.Length != utf8.RuneCountInString(d.Text) || in.SpanCount != 0 {
				t.Errorf("Documents()[%d] = %+v, want %s %q source %q todo, %d code points, 0 spans",
					i, in, d.ID, d.Title, d.Source, utf8.RuneCountInString(d.Text))
			}
			got, err := p.Document(d.ID)
			if err != nil {
				t.Fatalf("Document(%s): %v", d.ID, err)
			}
			if got.ID != d.ID || got.Title != d.Title || got.Text != d.Text || got.SHA256 != annotate.HashText(d.Text) ||
				got.Source != d.Source || got.Status != annotate.StatusTodo || got.Metadata["author"] != "Ana" {
				t.Errorf("Document(%s) = %+v, want the document as added", d.ID, got)
			}
		}
	})

	t.Run("refused batches store nothing", func(t *testing.T) {
		p := newEnv(t, tg).as("alice")
		present := addDoc(t, p, "present", "already here")
		mk := func(title, text string) *annotate.Document { return annotate.NewDocument(title, text, "") }
		tampered := mk("tampered", "one text")
		tampered.Text = "another text"
		dupID := mk("again", "other text")
		dupID.ID = present.ID
		badStatus := mk("status", "text")
		badStatus.Status = "finished"
		cases := []struct {
			name string
			bad  *annotate.Document
			code string
		}{
			{"id already present", dupID, annotate.ECONFLICT},
			{"hash does not match the text", tampered, annotate.EINVALID},
			{"NUL byte in the text", mk("binary", "a\x00b"), annotate.EINVALID},
			{"invalid UTF-8", mk("latin1", "caf\xe9"), annotate.EINVALID},
			{"no title", mk("", "text"), annotate.EINVALID},
			{"unknown status", badStatus, annotate.EINVALID},
		}
		for _, c := range cases {
			good := mk("good "+c.name, "fine text")
			err := p.AddDocuments([]*annotate.Document{good, c.bad})
			wantCode(t, c.name, err, c.code)
			if _, err := p.Document(good.ID); annotate.ErrorCode(err) != annotate.ENOTFOUND {
				t.Errorf("%s: the good document of a refused batch was stored (%v)", c.name, err)
			}
		}
		if infos, _ := p.Documents(); len(infos) != 1 || infos[0].ID != present.ID {
			t.Errorf("after refused batches Documents() = %+v, want only %q", infos, present.Title)
		}
	})

	t.Run("find by id and title", func(t *testing.T) {
		p := newEnv(t, tg).as("alice")
		first := addDoc(t, p, "Report", "first text")
		second := addDoc(t, p, "Report", "second text") // the same title: ambiguous
		other := addDoc(t, p, "other", "third text")
		named := addDoc(t, p, other.ID, "titled with the id of another") // a title equal to another's ID
		cases := []struct {
			name, key, wantID, code string
		}{
			{"by id", second.ID, second.ID, ""},
			{"by title", "other", other.ID, ""},
			{"ambiguous title: the first added", "Report", first.ID, ""},
			{"an id wins over a title", other.ID, other.ID, ""},
			{"title only", named.Title, other.ID, ""},
			{"missing", "no such document", "", annotate.ENOTFOUND},
			{"title differs in case", "report", "", annotate.ENOTFOUND},
		}
		for _, c := range cases {
			d, err := p.FindDocument(c.key)
			wantCode(t, c.name, err, c.code)
			if c.code == "" && (d == nil || d.ID != c.wantID) {
				t.Errorf("%s: FindDocument(%q) = %+v, want %s", c.name, c.key, d, c.wantID)
			}
			if c.code == "" && d != nil && d.Text == "" {
				t.Errorf("%s: FindDocument returned no text", c.name)
			}
		}
		_, err := p.Document("no-such-id")
		wantCode(t, "Document(missing)", err, annotate.ENOTFOUND)
	})

	t.Run("status per annotator", func(t *testing.T) {
		e := newEnv(t, tg)
		alice, bob, carol := e.as("alice"), e.as("bob"), e.as("carol")
		d := addDoc(t, alice, "d", "some text")
		seeded := annotate.NewDocument("seeded", "added as done", "")
		seeded.Status = annotate.StatusDone
		if err := alice.AddDocuments([]*annotate.Document{seeded}); err != nil {
			t.Fatal(err)
		}
		if err := alice.SetStatus(d.ID, annotate.StatusDone); err != nil {
			t.Fatal(err)
		}
		if err := bob.SetStatus(d.ID, annotate.StatusInProgress); err != nil {
			t.Fatal(err)
		}
		wantCode(t, "SetStatus(unknown status)", bob.SetStatus(d.ID, "finished"), annotate.EINVALID)
		wantCode(t, "SetStatus(missing document)", bob.SetStatus("no-such-id", annotate.StatusDone), annotate.ENOTFOUND)
		for _, c := range []struct {
			who          string
			p            annotate.Project
			d, seededDoc annotate.Status
		}{
			{"alice", alice, annotate.StatusDone, annotate.StatusDone},
			{"bob", bob, annotate.StatusInProgress, annotate.StatusTodo},
			{"carol", carol, annotate.StatusTodo, annotate.StatusTodo},
		} {
			got, err := c.p.Document(d.ID)
			if err != nil || got.Status != c.d {
				t.Errorf("%s: Document status %v (%v), want %q", c.who, statusOf(got), err, c.d)
			}
			got, err = c.p.FindDocument("d")
			if err != nil || got.Status != c.d {
				t.Errorf("%s: FindDocument status %v (%v), want %q", c.who, statusOf(got), err, c.d)
			}
			infos, err := c.p.Documents()
			if err != nil || len(infos) != 2 || infos[0].Status != c.d || infos[1].Status != c.seededDoc {
				t.Errorf("%s: Documents() = %+v (%v), want statuses %q, %q", c.who, infos, err, c.d, c.seededDoc)
			}
		}
	})

	t.Run("delete removes the document and its spans", func(t *testing.T) {
		e := newEnv(t, tg)
		alice, bob := e.as("alice"), e.as("bob")
		l := addLabel(t, alice, "claim")
		gone := addDoc(t, alice, "gone", "alpha beta gamma")
		kept := addDoc(t, alice, "kept", "delta epsilon")
		a := addSpan(t, alice, gone.ID, 0, 5, l.ID)
		b := addSpan(t, bob, gone.ID, 6, 10, l.ID)
		k := addSpan(t, alice, kept.ID, 0, 5, l.ID)
		if err := alice.DeleteDocument(gone.ID); err != nil {
			t.Fatal(err)
		}
		for _, sp := range []*annotate.Span{a, b} {
			_, err := bob.Span(sp.ID)
			wantCode(t, "Span of a deleted document", err, annotate.ENOTFOUND)
		}
		_, err := bob.Document(gone.ID)
		wantCode(t, "Document(deleted)", err, annotate.ENOTFOUND)
		if spans, err := bob.Spans(gone.ID); err != nil || len(spans) != 0 {
			t.Errorf("Spans(deleted document) = %d spans, %v; want none, no error", len(spans), err)
		}
		wantSpans(t, "the other document", bob, kept.ID, k)
		if infos, _ := bob.Documents(); len(infos) != 1 || infos[0].ID != kept.ID || infos[0].SpanCount != 1 {
			t.Errorf("Documents() after delete = %+v, want only %q with 1 span", infos, kept.Title)
		}
		wantCode(t, "DeleteDocument(again)", alice.DeleteDocument(gone.ID), annotate.ENOTFOUND)
		if st, err := alice.Stats(); err != nil || st.Documents != 1 || st.Spans != 1 {
			t.Errorf("Stats after delete = %+v, %v; want 1 document, 1 span", st, err)
		}
	})
}

// statusOf is a document's status, or "<nil>" for no document.
func statusOf(d *annotate.Document) any {
	if d == nil {
		return "<nil>"
	}
	return d.Status
}
