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
