package formats

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"gloss/annotate"
	"gloss/annotate/unitext"
)

// writeLabelStudio writes one task per document, with one annotation per
// annotator. Notes go in each region's meta text, span attributes in
// per-region choices, relations in relation results of the annotation
// holding their source span, document categories in choices on the text
// (see labelstudio_structure.go). Label Studio has no discontinuous spans:
// their fragments are written as separate regions.
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
		annFor := func(user string) *lsAnnotation {
			a := byUser[user]
			if a == nil {
				annID++
				a = &lsAnnotation{ID: json.RawMessage(strconv.Itoa(annID)), CompletedBy: labelStudioUserJSON(user), Result: []lsResult{}}
				byUser[user] = a
				task.Annotations = append(task.Annotations, a)
			}
			return a
		}
		for _, s := range spans {
			a := annFor(s.Annotator)
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
			for _, name := range sortedKeys(s.Attributes) {
				value, err := json.Marshal(map[string]any{"start": s.Start, "end": s.End, "text": text, "choices": strings.Split(s.Attributes[name], "|")})
				if err != nil {
					return err
				}
				a.Result = append(a.Result, lsResult{ID: s.ID, FromName: name, ToName: "text", Type: "choices", Value: value})
			}
		}
		if err := lsWriteStructure(src, d, spans, annFor, rep); err != nil {
			return err
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

// lsWriteStructure adds a document's relations and categories to its
// annotations (annFor returns, creating it when missing, the annotation
// of an annotator) and counts what Label Studio cannot hold.
func lsWriteStructure(src annotate.Source, d *annotate.Document, spans []*annotate.Span, annFor func(string) *lsAnnotation, rep *ExportReport) error {
	if err := reportStructureLosses(rep, src, d, spans, structKeeps{relations: true, attributes: true, categories: true}); err != nil {
		return err
	}
	ds, err := docStructure(src, d.ID)
	if err != nil {
		return err
	}
	sc, err := sourceSchema(src)
	if err != nil {
		return err
	}
	types := relationTypeByID(sc)
	byID := make(map[string]*annotate.Span, len(spans))
	for _, s := range spans {
		byID[s.ID] = s
	}
	for _, r := range ds.Relations {
		t, from, to := types[r.TypeID], byID[r.From], byID[r.To]
		switch {
		case t == nil || from == nil || to == nil:
			rep.Drop("relations whose spans or type were not exported", 1)
			continue
		case from.Annotator != to.Annotator:
			rep.Drop("relations between spans of different annotators (Label Studio links regions of one annotation)", 1)
			continue
		}
		if r.Note != "" || len(r.Attributes) > 0 {
			rep.Drop("relation notes and attributes", 1)
		}
		dir := "right"
		if !t.Directed {
			dir = "bi"
		}
		a := annFor(from.Annotator)
		a.Result = append(a.Result, lsResult{Type: "relation", FromID: r.From, ToID: r.To, Direction: dir, Labels: []string{t.Name}})
	}
	if len(d.Categories) == 0 {
		return nil
	}
	user := ""
	if len(spans) > 0 {
		user = spans[0].Annotator
	}
	a := annFor(user)
	for i, set := range sortedKeys(d.Categories) {
		value, err := json.Marshal(map[string]any{"choices": d.Categories[set]})
		if err != nil {
			return err
		}
		a.Result = append(a.Result, lsResult{ID: fmt.Sprintf("document-%d", i+1), FromName: set, ToName: "text", Type: "choices", Value: value})
	}
	return nil
}
