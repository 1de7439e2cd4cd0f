package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gloss/annotate"
	"gloss/annotate/formats"
)

// streamFile writes a JSONL file of plain lines (with metadata), a spaCy
// line with spans, a Gloss JSONL line, CRLF line ends, blank lines and a
// repeated document, and returns its path.
func streamFile(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	for i := 0; i < 25; i++ {
		fmt.Fprintf(&b, "{\"title\": \"doc %d\", \"text\": \"Москва text %d 🤝\", \"outlet\": \"o%d\"}\r\n", i, i, i%3)
		if i%7 == 0 {
			b.WriteString("\n")
		}
	}
	b.WriteString(`{"text": "spaCy line about Zürich", "spans": [{"start": 17, "end": 23, "label": "place"}]}` + "\n")
	b.WriteString(`{"title": "doc 3", "text": "Москва text 3 🤝", "outlet": "o0"}` + "\n")   // same title and text: merged
	b.WriteString(`{"title": "doc 24", "text": "Москва text 24 🤝", "outlet": "o0"}` + "\n") // merged within its batch
	p := filepath.Join(t.TempDir(), "in.jsonl")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestImportStreamEqualsImport: streaming a JSONL file in batches of 4
// stores the same documents, metadata, spans and result as reading it
// whole and importing it in one batch.
func TestImportStreamEqualsImport(t *testing.T) {
	path := streamFile(t)
	whole := newProject(t)
	batch, err := formats.LoadPaths(context.Background(), []string{path}, "jsonl")
	if err != nil {
		t.Fatal(err)
	}
	want, err := whole.Import(batch)
	if err != nil {
		t.Fatal(err)
	}
	streamed := newProject(t)
	batches := 0
	got, err := streamed.ImportStream(func(put func(*annotate.Batch) error) error {
		_, err := formats.StreamJSONL(context.Background(), path, 0, 4, func(b *annotate.Batch) error {
			batches++
			if len(b.Documents) > 4 {
				t.Fatalf("a batch of %d documents", len(b.Documents))
			}
			return put(b)
		})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(got) != fmt.Sprint(want) || got.Documents != 26 || got.Merged != 2 || got.Spans != 1 {
		t.Fatalf("streamed %+v, whole %+v", got, want)
	}
	if batches < 7 {
		t.Errorf("%d batches", batches)
	}
	if a, b := dumpContent(t, whole), dumpContent(t, streamed); a != b {
		t.Errorf("contents differ:\n%s\n%s", a, b)
	}
}

// dumpContent lists documents (title, text, metadata) and spans (offsets, label).
func dumpContent(t *testing.T, s *Store) string {
	t.Helper()
	var out strings.Builder
	labels, err := s.Labels()
	if err != nil {
		t.Fatal(err)
	}
	name := map[string]string{}
	for _, l := range labels {
		name[l.ID] = l.Name
	}
	err = s.EachDocument(func(d *annotate.Document, spans []*annotate.Span) error {
		fmt.Fprintf(&out, "%s|%s|%v|%d\n", d.Title, d.Text, d.Metadata, len(spans))
		for _, sp := range spans {
			fmt.Fprintf(&out, "  [%d,%d) %s\n", sp.Start, sp.End, name[sp.LabelID])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// TestImportStreamAllOrNothing: a bad line after several batches imports
// nothing, and the error names the file and line as a whole read does; an error of the feed
// itself does too.
func TestImportStreamAllOrNothing(t *testing.T) {
	path := streamFile(t)
	data, _ := os.ReadFile(path)
	bad := filepath.Join(t.TempDir(), "bad.jsonl")
	os.WriteFile(bad, append(data, []byte("{\"title\": \"x\"}\n")...), 0o644)
	s := newProject(t)
	_, err := s.ImportStream(func(put func(*annotate.Batch) error) error {
		_, err := formats.StreamJSONL(context.Background(), bad, 0, 3, put)
		return err
	})
	_, whole := formats.LoadPaths(context.Background(), []string{bad}, "jsonl")
	if err == nil || whole == nil || err.Error() != whole.Error() || !strings.Contains(err.Error(), "bad.jsonl:33: ") {
		t.Fatalf("err = %v; want the file and line 33, as reading it whole says (%v)", err, whole)
	}
	if n, _ := s.Count(annotate.DocFilter{}); n != 0 {
		t.Fatalf("%d documents stored from a refused import", n)
	}
	stop := errors.New("stop")
	_, err = s.ImportStream(func(put func(*annotate.Batch) error) error {
		if err := put(&annotate.Batch{Documents: []*annotate.Document{annotate.NewDocument("a", "b", "")}}); err != nil {
			return err
		}
		return stop
	})
	if !errors.Is(err, stop) {
		t.Fatal(err)
	}
	if n, _ := s.Count(annotate.DocFilter{}); n != 0 {
		t.Fatalf("%d documents stored from a failed feed", n)
	}
}
