package formats

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"gloss/annotate"
	"gloss/annotate/unitext"
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
// meta text becomes the span's note. Predictions and results of other types
// are counted in Batch.Skipped.
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
	ID       string          `json:"id"`
	FromName string          `json:"from_name"`
	ToName   string          `json:"to_name"`
	Type     string          `json:"type"`
	Value    json.RawMessage `json:"value"`
	Meta     *lsMeta         `json:"meta,omitempty"`
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

func addLabelStudioTask(b *annotate.Batch, task *lsTask, index int, where Where, base string) error {
	var text string
	if raw, ok := task.Data["text"]; !ok || json.Unmarshal(raw, &text) != nil {
		return where.Errorf("task %d: no \"data\": {\"text\": \"...\"} string", index)
	}
	if err := checkText(where, fmt.Sprintf("task %d: ", index), text); err != nil {
		return err
	}
	md, err := jsonMetadata(task.Data, where, "text", "title")
	if err != nil {
		return err
	}
	title := fmt.Sprintf("%s-%d", base, index)
	if id := strings.Trim(string(task.ID), `"`); id != "" && id != "null" {
		title = "task " + id
	}
	d := annotate.NewDocument(metadataTitle(task.Data, title), text, where.File)
	for i, raw := range []json.RawMessage{task.Meta, task.CreatedAt, task.UpdatedAt} {
		if len(raw) == 0 || string(raw) == "null" || string(raw) == "{}" {
			continue
		}
		v, err := jsonValue(raw)
		if err != nil {
			return where.Errorf("task %d: %q: %v", index, taskFields[i], err)
		}
		key := taskFields[i]
		if _, taken := md[key]; taken {
			key = "task_" + key
		}
		md[key] = v
	}
	d.Metadata = md
	off := unitext.NewOffsets(text)
	var spans []*annotate.BatchSpan
	for a, ann := range append(task.Annotations, task.Completions...) {
		if ann.WasCancelled {
			b.Skip("cancelled Label Studio annotations (was_cancelled)", 1)
			continue
		}
		annotator := labelStudioUser(ann.CompletedBy)
		for r, res := range ann.Result {
			at := fmt.Sprintf("task %d, annotation %d, result %d", index, a+1, r+1)
			if res.Type != "labels" {
				b.Skip(fmt.Sprintf("Label Studio %q results", res.Type), 1)
				continue
			}
			start, end, err := labelStudioRange(res.Value, off, where, at)
			if err != nil {
				return err
			}
			var v lsValue
			json.Unmarshal(res.Value, &v) // checked by labelStudioRange
			if len(v.Labels) == 0 {
				return where.Errorf("%s: no labels", at)
			}
			for _, l := range v.Labels {
				if err := labelNameProblem(l); err != nil {
					return where.Errorf("%s: %v", at, err)
				}
				s := annotate.NewSpan(d.ID, start, end, "")
				s.Annotator = annotator
				if res.Meta != nil {
					s.Note = strings.Join(res.Meta.Text, "\n")
				}
				spans = append(spans, &annotate.BatchSpan{Span: *s, LabelName: l})
			}
		}
	}
	b.Documents = append(b.Documents, d)
	b.Spans = append(b.Spans, spans...)
	b.Skip("Label Studio predictions", len(task.Predictions))
	return nil
}

// labelStudioRange returns a labels result's span in code points, checking
// value.text against the document text.
func labelStudioRange(raw json.RawMessage, off *unitext.Offsets, where Where, at string) (int, int, error) {
	var v lsValue
	if err := json.Unmarshal(raw, &v); err != nil {
		return 0, 0, where.Errorf("%s: value: %s", at, jsonProblem(err))
	}
	if v.Start == nil || v.End == nil {
		return 0, 0, where.Errorf("%s: value has no start or end", at)
	}
	start, end := *v.Start, *v.End
	if err := annotate.CheckRange(start, end, off.Len()); err != nil {
		if v.Text == nil {
			return 0, 0, where.Errorf("%s: %v", at, err)
		}
		// maybe UTF-16 offsets from an old Label Studio; tried below
	} else if v.Text == nil || off.Slice(start, end) == *v.Text {
		return start, end, nil
	}
	s16, err1 := off.FromUTF16(start)
	e16, err2 := off.FromUTF16(end)
	if err1 == nil && err2 == nil && s16 < e16 && off.Slice(s16, e16) == *v.Text {
		return s16, e16, nil
	}
	if err := annotate.CheckRange(start, end, off.Len()); err != nil {
		return 0, 0, where.Errorf("%s: %v", at, err)
	}
	return 0, 0, where.Errorf("%s: the text at [%d, %d) is %q but the file says %q", at, start, end, off.Slice(start, end), *v.Text)
}

// labelStudioUser names the annotator of an annotation: a user ID, an
// object's email (or ID), or a string as given.
func labelStudioUser(raw json.RawMessage) string {
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		return n.String()
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var o struct {
		Email string      `json:"email"`
		ID    json.Number `json:"id"`
	}
	if json.Unmarshal(raw, &o) == nil {
		if o.Email != "" {
			return o.Email
		}
		return o.ID.String()
	}
	return ""
}

// writeLabelStudio writes one task per document, with one annotation per
// annotator. Notes go in each region's meta text. Label Studio has no
// discontinuous spans: their fragments are written as separate regions.
func writeLabelStudio(w io.Writer, src annotate.Source) (*ExportReport, error) {
	labels, err := src.Labels()
	if err != nil {
		return nil, err
	}
	names := labelNames(labels)
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.WriteString("[")
	rep := &ExportReport{}
	annID := 0
	err = src.EachDocument(func(d *annotate.Document, spans []*annotate.Span) error {
		data := copyMetadata(d.Metadata, rep, "text", "title")
		data["title"], data["text"] = d.Title, d.Text
		task := struct {
			ID          int             `json:"id"`
			Data        map[string]any  `json:"data"`
			Annotations []*lsAnnotation `json:"annotations"`
		}{ID: rep.Documents + 1, Data: data, Annotations: []*lsAnnotation{}}
		off := unitext.NewOffsets(d.Text)
		byUser := map[string]*lsAnnotation{}
		for _, s := range spans {
			a := byUser[s.Annotator]
			if a == nil {
				annID++
				a = &lsAnnotation{ID: json.RawMessage(strconv.Itoa(annID)), CompletedBy: labelStudioUserJSON(s.Annotator), Result: []lsResult{}}
				byUser[s.Annotator] = a
				task.Annotations = append(task.Annotations, a)
			}
			text := off.Slice(s.Start, s.End)
			value, err := json.Marshal(lsValue{Start: &s.Start, End: &s.End, Text: &text, Labels: []string{names[s.LabelID]}})
			if err != nil {
				return err
			}
			res := lsResult{ID: s.ID, FromName: "label", ToName: "text", Type: "labels", Value: value}
			if s.Note != "" {
				res.Meta = &lsMeta{Text: []string{s.Note}}
			}
			a.Result = append(a.Result, res)
		}
		line, err := json.Marshal(task)
		if err != nil {
			return fmt.Errorf("document %q: %w", d.Title, err)
		}
		if rep.Documents > 0 {
			bw.WriteByte(',')
		}
		bw.WriteByte('\n')
		bw.Write(line)
		rep.Documents++
		rep.Spans += len(spans)
		reportSpanLosses(rep, spans, spanKeeps{note: true, annotator: true})
		return nil
	})
	if err != nil {
		return nil, err
	}
	bw.WriteString("\n]\n")
	return rep, bw.Flush()
}

// labelStudioUserJSON writes an annotator as completed_by: a number as a
// user ID, anything else as {"email": ...}; nothing when empty.
func labelStudioUserJSON(annotator string) json.RawMessage {
	if annotator == "" {
		return nil
	}
	if n, err := strconv.Atoi(annotator); err == nil && strconv.Itoa(n) == annotator {
		return json.RawMessage(annotator)
	}
	b, _ := json.Marshal(map[string]string{"email": annotator})
	return b
}
