package store

import (
	"bytes"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	"gloss/annotate"
	"gloss/annotate/formats"
	"gloss/annotate/unitext"
)

// projectDump is everything a project holds, keyed for comparison.
type projectDump struct {
	Labels    []annotate.Label
	Documents []annotate.Document
	Spans     map[string][]annotate.Span
}

func dump(t *testing.T, s *Store) projectDump {
	t.Helper()
	var d projectDump
	labels, err := s.Labels()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range labels {
		d.Labels = append(d.Labels, *l)
	}
	d.Spans = map[string][]annotate.Span{}
	err = s.EachDocument(func(doc *annotate.Document, spans []*annotate.Span) error {
		d.Documents = append(d.Documents, *doc)
		for _, sp := range spans {
			d.Spans[doc.ID] = append(d.Spans[doc.ID], *sp)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// fillProject adds varied documents and spans, including the Unicode fixture.
func fillProject(t *testing.T, s *Store) {
	t.Helper()
	texts := []string{
		"Moscow — Officials said “the partnership is stable” 🤝.\r\nNext line.",
		"北京 and Москва met; the cafe\u0301 was full.\tTabbed.",
		"plain ascii text about predictions",
	}
	labels, _ := s.Labels()
	for i, text := range texts {
		d := addDoc(t, s, fmt.Sprintf("doc %d", i), text)
		d.Metadata = map[string]any{"n": float64(i)}
		n := unitext.RuneLen(text)
		for j := 0; j+3 <= n; j += 4 {
			sp := annotate.NewSpan(d.ID, j, j+3, labels[j%len(labels)].ID)
			sp.Note = fmt.Sprintf("note %d", j)
			if err := s.AddSpan(sp); err != nil {
				t.Fatal(err)
			}
		}
		// nested and overlapping
		s.AddSpan(annotate.NewSpan(d.ID, 0, n, labels[1].ID))
		s.AddSpan(annotate.NewSpan(d.ID, 1, n-1, labels[2].ID))
	}
	s.SetStatus(texts2id(t, s, 0), annotate.StatusDone)
}

func texts2id(t *testing.T, s *Store, i int) string {
	docs, _ := s.Documents()
	return docs[i].ID
}

func TestGlossJSONRoundTrip(t *testing.T) {
	for _, format := range []string{"gloss", "jsonl"} {
		t.Run(format, func(t *testing.T) {
			src := newProject(t)
			fillProject(t, src)
			f, err := formats.Lookup(format)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			rep, err := f.Write(&buf, src)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Documents != 3 || rep.Spans == 0 {
				t.Fatalf("report %+v", rep)
			}
			batch, err := f.Read("export."+format, buf.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			dst, err := Open(filepath.Join(t.TempDir(), "copy.gloss"), Options{Annotator: "someone else"})
			if err != nil {
				t.Fatal(err)
			}
			defer dst.Close()
			if format == "jsonl" { // JSONL carries label names only: bring the labels along
				labels, _ := src.Labels()
				for _, l := range labels {
					c := *l
					dst.AddLabel(&c)
				}
			}
			res, err := dst.Import(batch)
			if err != nil {
				t.Fatal(err)
			}
			if res.Documents != 3 || res.Spans != rep.Spans {
				t.Errorf("import result %+v, export %+v", res, rep)
			}
			a, b := dump(t, src), dump(t, dst)
			if !reflect.DeepEqual(a, b) {
				t.Errorf("round trip differs:\nsrc %+v\ndst %+v", a, b)
			}
			// importing the same file again merges: nothing new, nothing duplicated
			res, err = dst.Import(batch)
			if err != nil || res.Documents != 0 || res.Spans != 0 || res.Merged != 3 || res.Skipped != rep.Spans {
				t.Errorf("re-import: %+v, %v", res, err)
			}
		})
	}
}

func TestImportAllOrNothing(t *testing.T) {
	s := newProject(t)
	d := annotate.NewDocument("x", "short", "")
	batch := &annotate.Batch{
		Documents: []*annotate.Document{d},
		Spans: []*annotate.BatchSpan{
			{Span: *annotate.NewSpan(d.ID, 0, 3, ""), LabelName: "new-label"},
			{Span: *annotate.NewSpan(d.ID, 2, 50, ""), LabelName: "actor"},
		},
	}
	if _, err := s.Import(batch); annotate.ErrorCode(err) != annotate.EINVALID {
		t.Fatalf("import with a bad span: %v", err)
	}
	docs, _ := s.Documents()
	labels, _ := s.Labels()
	if len(docs) != 0 || len(labels) != 3 {
		t.Errorf("failed import left %d documents, %d labels", len(docs), len(labels))
	}
}
