package formats

import (
	"encoding/json"
	"fmt"
	"strings"

	"gloss/annotate"
	"gloss/annotate/unitext"
)

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
		st := &lsStructure{b: b, doc: d, annotator: annotator, regions: map[string][]*annotate.BatchSpan{}, ranges: map[[2]int][]*annotate.BatchSpan{}}
		for r, res := range ann.Result {
			at := fmt.Sprintf("task %d, annotation %d, result %d", index, a+1, r+1)
			switch res.Type {
			case "labels":
			case "relation", "choices":
				st.later = append(st.later, lsLater{res, at})
				continue
			default:
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
				bs := &annotate.BatchSpan{Span: *s, LabelName: l}
				spans = append(spans, bs)
				st.region(res.ID, *v.Start, *v.End, bs)
			}
		}
		if err := st.readLater(where); err != nil {
			return err
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
