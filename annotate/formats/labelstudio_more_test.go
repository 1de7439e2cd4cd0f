package formats

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestLabelStudioCancelledAndTaskFields: a cancelled annotation is not
// imported but counted; task-level meta, created_at and updated_at are
// kept in metadata (as task_* when data has a field of that name).
func TestLabelStudioCancelledAndTaskFields(t *testing.T) {
	data := `[{"id": 3, "data": {"text": "Alice met Bob.", "meta": "mine"},
	  "meta": {"batch": 7}, "created_at": "2024-01-02T03:04:05Z",
	  "annotations": [
	    {"id": 1, "was_cancelled": true, "result": [{"type": "labels", "value": {"start": 0, "end": 5, "labels": ["actor"]}}]},
	    {"id": 2, "result": [{"type": "labels", "value": {"start": 10, "end": 13, "labels": ["actor"]}}]}]}]`
	b, err := labelstudioFormat.Read("ls.json", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Spans) != 1 || b.Spans[0].Start != 10 {
		t.Errorf("spans %+v; want only Bob", b.Spans)
	}
	n := 0
	for k, c := range b.Skipped {
		if strings.Contains(k, "cancelled") {
			n += c
		}
	}
	if n != 1 {
		t.Errorf("skipped %v; want 1 cancelled annotation", b.Skipped)
	}
	md := b.Documents[0].Metadata
	got, _ := json.Marshal(md)
	if md["meta"] != "mine" || md["created_at"] != "2024-01-02T03:04:05Z" || !strings.Contains(string(got), `"task_meta":{"batch":7}`) {
		t.Errorf("metadata %s", got)
	}
}

// TestCoNLLEmptyDocumentIsCounted: a document without tokens is counted
// by the export, and its empty section by the import; the other documents
// come back.
func TestCoNLLEmptyDocumentIsCounted(t *testing.T) {
	src := newFakeSource("x")
	src.doc("a", "One two.")
	src.doc("blank", " \n\t ")
	src.doc("c", "Three.")
	var buf strings.Builder
	rep, err := conllFormat.Write(&buf, src)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Dropped) != 1 {
		t.Errorf("export report %v; want the document without tokens", rep.Dropped)
	}
	b, err := conllFormat.Read("x.conll", []byte(buf.String()))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for k, c := range b.Skipped {
		if strings.Contains(k, "empty CoNLL documents") {
			n += c
		}
	}
	if len(b.Documents) != 2 || n != 1 {
		t.Errorf("%d documents, skipped %v; want 2 and one empty", len(b.Documents), b.Skipped)
	}
}

// TestTextProblemsSayLineOnce: a NUL in a JSON text field is reported with
// the file's line once, not "line 1: line 1:".
func TestTextProblemsSayLineOnce(t *testing.T) {
	for f, data := range map[*Format]string{
		jsonlFormat:       `{"text": "a\u0000b"}`,
		doccanoFormat:     `{"text": "a\u0000b", "label": [[0, 1, "x"]]}`,
		glossFormat:       `{"format": "gloss", "version": 1, "documents": [{"text": "a\u0000b"}]}`,
		labelstudioFormat: `[{"data": {"text": "a\nb\u0000"}}]`,
	} {
		_, err := f.Read("in", []byte(data))
		if err == nil || strings.Count(err.Error(), "line") > 1 || !strings.Contains(err.Error(), "NUL byte") {
			t.Errorf("%s: %v", f.Name, err)
		}
	}
}
