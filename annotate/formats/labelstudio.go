package formats

import (
	"bytes"
	"encoding/json"
	"io"

	"gloss/annotate"
)

// Label Studio's JSON export is a list of tasks:
//
//	[{"id": 1, "data": {"text": "..."}, "annotations": [{"id": 1, "completed_by": 1,
//	  "result": [{"id": "a1", "from_name": "label", "to_name": "text", "type": "labels",
//	  "value": {"start": 0, "end": 5, "text": "Hello", "labels": ["greeting"]}}]}]}]
//
// Offsets are code points (Label Studio 1.4 and later; older versions wrote
// UTF-16 offsets, which are accepted when value.text only matches that way).
// Each annotation's completed_by becomes the spans' annotator; a region's
// meta text becomes the span's note. Results of type "relation" become
// relations (see labelstudio_structure.go), "choices" on a region become
// span attributes and "choices" on the whole text document categories.
// Predictions and results of other types are counted in Batch.Skipped.
var labelstudioFormat = &Format{
	Name:       "labelstudio",
	Extensions: []string{".json"},
	Sniff:      sniffLabelStudio,
	Read:       readLabelStudio,
	Write:      writeLabelStudio,
}

// sniffLabelStudio accepts a JSON list that mentions "data".
func sniffLabelStudio(head []byte) bool {
	head = bytes.TrimLeft(head, " \t\r\n\ufeff")
	return len(head) > 0 && head[0] == '[' && bytes.Contains(head, []byte(`"data"`))
}

type lsTask struct {
	ID          json.RawMessage            `json:"id"`
	Data        map[string]json.RawMessage `json:"data"`
	Annotations []lsAnnotation             `json:"annotations"`
	Completions []lsAnnotation             `json:"completions"` // before Label Studio 1.0
	Predictions []json.RawMessage          `json:"predictions"`
	// Task-level fields kept in the document's metadata (see taskFields).
	Meta      json.RawMessage `json:"meta,omitempty"`
	CreatedAt json.RawMessage `json:"created_at,omitempty"`
	UpdatedAt json.RawMessage `json:"updated_at,omitempty"`
}

// taskFields are the task-level fields of a Label Studio task kept in the
// document's metadata, under their own name unless "data" has a field of
// that name (then as "task_" + name).
var taskFields = []string{"meta", "created_at", "updated_at"}

type lsAnnotation struct {
	ID          json.RawMessage `json:"id,omitempty"`
	CompletedBy json.RawMessage `json:"completed_by,omitempty"`
	// WasCancelled marks an annotation the annotator skipped: not read.
	WasCancelled bool       `json:"was_cancelled,omitempty"`
	Result       []lsResult `json:"result"`
}

type lsResult struct {
	ID       string          `json:"id,omitempty"`
	FromName string          `json:"from_name,omitempty"`
	ToName   string          `json:"to_name,omitempty"`
	Type     string          `json:"type"`
	Value    json.RawMessage `json:"value,omitempty"`
	Meta     *lsMeta         `json:"meta,omitempty"`
	// A relation result links two regions of its annotation by their ids.
	FromID    string   `json:"from_id,omitempty"`
	ToID      string   `json:"to_id,omitempty"`
	Direction string   `json:"direction,omitempty"` // right (from -> to), left or bi
	Labels    []string `json:"labels,omitempty"`
}

type lsMeta struct {
	Text []string `json:"text"`
}

type lsValue struct {
	Start  *int     `json:"start"`
	End    *int     `json:"end"`
	Text   *string  `json:"text,omitempty"`
	Labels []string `json:"labels"`
}

// lineAt returns the 1-based line of byte offset off in data.
func lineAt(data []byte, off int64) int {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	if off < 0 {
		off = 0
	}
	return bytes.Count(data[:off], []byte{'\n'}) + 1
}

// readLabelStudio reads a Label Studio JSON export, task by task, so that an
// error names the task and its line.
func readLabelStudio(name string, data []byte) (*annotate.Batch, error) {
	if err := checkFileBytes(name, data); err != nil {
		return nil, err
	}
	if err := checkJSON(name, data); err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, annotate.Errorf(annotate.EINVALID, "%s: empty file; a Label Studio export is a JSON list of tasks", name)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if t, err := dec.Token(); err != nil {
		return nil, jsonError(name, data, err)
	} else if t != json.Delim('[') {
		return nil, annotate.Errorf(annotate.EINVALID, "%s:%d: a Label Studio export is a JSON list of tasks, not %v", name, lineAt(data, dec.InputOffset()), t)
	}
	b := &annotate.Batch{}
	base := baseTitle(name)
	for i := 1; dec.More(); i++ {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, jsonError(name, data, err)
		}
		start := dec.InputOffset() - int64(len(raw))
		where := Where{File: name, Line: lineAt(data, start)}
		var task lsTask
		if err := json.Unmarshal(raw, &task); err != nil {
			where.Line = lineAt(data, start+jsonErrorOffset(err))
			return nil, where.Errorf("task %d: %s", i, jsonProblem(err))
		}
		if err := addLabelStudioTask(b, &task, i, where, base); err != nil {
			return nil, err
		}
	}
	if _, err := dec.Token(); err != nil {
		return nil, jsonError(name, data, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, annotate.Errorf(annotate.EINVALID, "%s:%d: unexpected data after the list of tasks", name, lineAt(data, dec.InputOffset()))
	}
	return b, nil
}

// jsonErrorOffset is the byte offset a decoding error points at, or 0.
func jsonErrorOffset(err error) int64 {
	switch e := err.(type) {
	case *json.SyntaxError:
		return e.Offset
	case *json.UnmarshalTypeError:
		return e.Offset
	}
	return 0
}
