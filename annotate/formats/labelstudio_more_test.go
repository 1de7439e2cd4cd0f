package formats

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"gloss/annotate"
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

// TestReadLabelStudioStructure: relations with labels and directions,
// per-region choices (by the region's id and by its offsets) as span
// attributes, document choices as categories; bad references name the
// task and result.
func TestReadLabelStudioStructure(t *testing.T) {
	data := `[{"id": 1, "data": {"text": "Putin says Xi will come."}, "annotations": [{"completed_by": 2, "result": [
	  {"id": "d1", "from_name": "topic", "to_name": "text", "type": "choices", "value": {"choices": ["politics", "asia"]}},
	  {"id": "a", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 0, "end": 5, "text": "Putin", "labels": ["actor"]}},
	  {"id": "b", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 11, "end": 23, "text": "Xi will come", "labels": ["claim"]}},
	  {"id": "a", "from_name": "certainty", "to_name": "text", "type": "choices", "value": {"start": 0, "end": 5, "choices": ["high"]}},
	  {"id": "other", "from_name": "hedged", "to_name": "text", "type": "choices", "value": {"start": 11, "end": 23, "choices": ["yes"]}},
	  {"from_id": "a", "to_id": "b", "type": "relation", "direction": "right", "labels": ["says"]},
	  {"from_id": "a", "to_id": "b", "type": "relation", "direction": "left", "labels": ["cites"]},
	  {"from_id": "b", "to_id": "a", "type": "relation", "direction": "bi", "labels": ["near"]}]}]}]`
	b, err := labelstudioFormat.Read("ls.json", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	start := map[string]int{}
	attrs := map[int]map[string]string{}
	for _, s := range b.Spans {
		start[s.ID] = s.Start
		attrs[s.Start] = s.Attributes
	}
	var rels []string
	for _, r := range b.Relations {
		rels = append(rels, fmt.Sprintf("%s %d->%d", r.TypeName, start[r.From], start[r.To]))
	}
	if want := []string{"says 0->11", "cites 11->0", "near 11->0"}; !reflect.DeepEqual(rels, want) {
		t.Errorf("relations %v, want %v", rels, want)
	}
	directed := map[string]bool{}
	for _, rt := range b.RelationTypes {
		directed[rt.Name] = rt.Directed
	}
	if !directed["says"] || !directed["cites"] || directed["near"] {
		t.Errorf("relation types %v: near should be the only undirected one", directed)
	}
	if attrs[0]["certainty"] != "high" || attrs[11]["hedged"] != "yes" {
		t.Errorf("attributes %v", attrs)
	}
	if got := b.Documents[0].Categories; !reflect.DeepEqual(got, map[string][]string{"topic": {"politics", "asia"}}) {
		t.Errorf("categories %v", got)
	}
	if len(b.CategorySets) != 1 || !b.CategorySets[0].Multi {
		t.Errorf("category sets %+v", b.CategorySets)
	}
	if len(b.AttributeDefs) != 2 || b.AttributeDefs[0].Kind != annotate.AttrChoice {
		t.Errorf("attribute definitions %+v", b.AttributeDefs)
	}
	for _, tc := range []struct{ result, want string }{
		{`{"from_id": "a", "to_id": "zz", "type": "relation"}`, "result 2: relation from"},
		{`{"from_id": "a", "to_id": "a", "type": "relation", "labels": [" x"]}`, "result 2"},
		{`{"id": "c", "from_name": "topic", "type": "choices", "value": {"choices": [""]}}`, "result 2"},
		{`{"id": "c", "from_name": "topic", "type": "choices", "value": {"choices": "x"}}`, "result 2: value"},
	} {
		data := `[{"data": {"text": "Putin"}, "annotations": [{"result": [
		  {"id": "a", "type": "labels", "value": {"start": 0, "end": 5, "labels": ["actor"]}}, ` + tc.result + `]}]}]`
		_, err := labelstudioFormat.Read("bad.json", []byte(data))
		if err == nil || !strings.Contains(err.Error(), "bad.json:1: task 1, annotation 1, "+tc.want) {
			t.Errorf("%s: error %v, want one naming %q", tc.result, err, tc.want)
		}
	}
}
