package formats

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"

	"gloss/annotate"
)

// doccanoCategorySet names the category set doccano's document labels
// (text classification) are read into; doccano has one list of labels.
const doccanoCategorySet = "label"

// doccanoEntity is one span of the relation form; ID is the entity's id as
// written (relations refer to it).
type doccanoEntity struct {
	ID          json.RawMessage `json:"id"`
	Label       string          `json:"label"`
	StartOffset *int            `json:"start_offset"`
	EndOffset   *int            `json:"end_offset"`
}

// doccanoRelation is one relation of the relation form.
type doccanoRelation struct {
	ID     json.RawMessage `json:"id"`
	FromID json.RawMessage `json:"from_id"`
	ToID   json.RawMessage `json:"to_id"`
	Type   string          `json:"type"`
}

// doccanoEntities decodes an "entities" field: objects {id, label,
// start_offset, end_offset} (sequence labelling with relations) or
// [start, end, "LABEL"] triples (intent detection and slot filling).
func doccanoEntities(raw json.RawMessage, where Where) ([]doccanoEntity, error) {
	if raw == nil {
		return nil, nil
	}
	if triples, isSpans, err := doccanoTriples(raw, where); err != nil {
		return nil, err
	} else if isSpans && len(triples) > 0 {
		out := make([]doccanoEntity, len(triples))
		for i, t := range triples {
			out[i] = doccanoEntity{Label: t.label, StartOffset: &t.start, EndOffset: &t.end}
		}
		return out, nil
	}
	var entities []doccanoEntity
	if err := json.Unmarshal(raw, &entities); err != nil {
		return nil, where.Errorf("\"entities\" is not a list of {\"label\", \"start_offset\", \"end_offset\"}: %s", jsonProblem(err))
	}
	return entities, nil
}

// doccanoRelations reads a "relations" list into b, resolving from_id and
// to_id against the entities' ids (entityIDs: compact JSON id to span ID).
func doccanoRelations(b *annotate.Batch, raw json.RawMessage, docID string, entityIDs map[string]string, where Where) error {
	if raw == nil {
		return nil
	}
	var rels []doccanoRelation
	if err := json.Unmarshal(raw, &rels); err != nil {
		return where.Errorf("\"relations\" is not a list of {\"id\", \"from_id\", \"to_id\", \"type\"}: %s", jsonProblem(err))
	}
	for i, r := range rels {
		at := fmt.Sprintf("relation %d", i+1)
		t := annotate.RelationType{Name: r.Type}
		if err := t.Validate(); err != nil {
			return where.Errorf("%s: %v", at, err)
		}
		from, ok1 := entityIDs[compactJSON(r.FromID)]
		to, ok2 := entityIDs[compactJSON(r.ToID)]
		if !ok1 || !ok2 {
			return where.Errorf("%s: from_id %s or to_id %s names no entity of the line", at, r.FromID, r.ToID)
		}
		rel := annotate.BatchRelation{Relation: annotate.Relation{ID: annotate.NewID(), DocumentID: docID, From: from, To: to}, TypeName: r.Type}
		b.Relations = append(b.Relations, &rel)
	}
	return nil
}

// compactJSON is a JSON value without insignificant space, to compare ids
// written as 1 and 1.0 apart but "1" and 1 apart too.
func compactJSON(raw json.RawMessage) string {
	var buf bytes.Buffer
	if len(raw) == 0 || json.Compact(&buf, raw) != nil {
		return string(raw)
	}
	return buf.String()
}

// doccanoCategories reads a document's labels from doccano's text
// classification shapes: "label" (when not spans) or "labels" as a
// category name or a list of them, and "cats" as spaCy's dict of scores
// (chosen at 0.5 or more) or a list of names. It returns the chosen
// categories, every name seen (a cats dict names unchosen ones too) and
// the fields it read, which are not metadata.
func doccanoCategories(b *annotate.Batch, obj map[string]json.RawMessage, labelIsSpans bool, where Where) (chosen, all, fields []string, err error) {
	add := func(name string, pick bool) error {
		if err := (&annotate.CategorySet{Name: doccanoCategorySet, Values: []string{name}}).Validate(); err != nil {
			return where.Errorf("document label %q: %v", name, err)
		}
		if pick && !slices.Contains(chosen, name) {
			chosen = append(chosen, name)
		}
		if !slices.Contains(all, name) {
			all = append(all, name)
		}
		return nil
	}
	for _, key := range []string{"label", "labels", "cats"} {
		raw, ok := obj[key]
		if !ok || key == "label" && labelIsSpans {
			continue
		}
		var one string
		var list []string
		var scores map[string]any
		switch {
		case json.Unmarshal(raw, &one) == nil && key != "cats":
			list = []string{one}
		case json.Unmarshal(raw, &list) == nil:
		case key == "cats" && json.Unmarshal(raw, &scores) == nil:
			for _, name := range sortedKeys(scores) {
				pick, partial, ok := catScore(scores[name])
				if !ok {
					return nil, nil, nil, where.Errorf("\"cats\": %q: want a score from 0 to 1 or true/false, not %v", name, scores[name])
				}
				if partial {
					b.Skip("category scores between 0 and 1 (read as chosen at 0.5 or more)", 1)
				}
				if err := add(name, pick); err != nil {
					return nil, nil, nil, err
				}
			}
			fields = append(fields, key)
			continue
		default:
			continue // some other use of the name: kept as metadata
		}
		for _, name := range list {
			if err := add(name, true); err != nil {
				return nil, nil, nil, err
			}
		}
		fields = append(fields, key)
	}
	return chosen, all, fields, nil
}

// catScore reads one score of a spaCy cats dict: whether the category is
// chosen, whether the score was neither 0 nor 1, and whether it is a score.
func catScore(v any) (pick, partial, ok bool) {
	switch x := v.(type) {
	case bool:
		return x, false, true
	case float64:
		if x < 0 || x > 1 {
			return false, false, false
		}
		return x >= 0.5, x != 0 && x != 1, true
	}
	return false, false, false
}

// addDoccanoCategorySet records in b the category set doccano's document
// labels go into, with the values seen; several chosen in one document
// make it a multiple-choice set.
func addDoccanoCategorySet(b *annotate.Batch, chosen, all []string) {
	var set *annotate.CategorySet
	for _, c := range b.CategorySets {
		if c.Name == doccanoCategorySet {
			set = c
		}
	}
	if set == nil {
		set = &annotate.CategorySet{Name: doccanoCategorySet}
		b.CategorySets = append(b.CategorySets, set)
	}
	for _, v := range all {
		if !slices.Contains(set.Values, v) {
			set.Values = append(set.Values, v)
		}
	}
	set.Multi = set.Multi || len(chosen) > 1
}

// doccanoWriteStructure adds to a doccano line (obj) the document's
// relations and categories in the shapes doccano imports: with relations,
// spans as "entities" objects and "relations"; document labels as "label"
// (text classification) when the document has no spans, else as "cats"
// beside "entities" (intent detection). It reports whether it wrote the
// spans; if not, the caller writes them as "label" triples.
func doccanoWriteStructure(obj map[string]any, src annotate.Source, d *annotate.Document, spans []*annotate.Span, names map[string]string, rep *ExportReport) (bool, error) {
	ds, err := docStructure(src, d.ID)
	if err != nil {
		return false, err
	}
	sc, err := sourceSchema(src)
	if err != nil {
		return false, err
	}
	if err := reportStructureLosses(rep, src, d, spans, structKeeps{relations: true, categories: true}); err != nil {
		return false, err
	}
	var cats []string
	for _, set := range sortedKeys(d.Categories) {
		if set != doccanoCategorySet {
			rep.Drop("document category set names other than \"label\" (doccano keeps one list of labels)", 1)
		}
		for _, v := range d.Categories[set] {
			if !slices.Contains(cats, v) {
				cats = append(cats, v)
			}
		}
	}
	if len(ds.Relations) == 0 && len(cats) == 0 {
		return false, nil
	}
	if len(ds.Relations) == 0 && len(spans) == 0 {
		obj["label"] = cats
		return true, nil
	}
	entities := make([]map[string]any, 0, len(spans))
	ids := make(map[string]int, len(spans))
	for i, s := range spans {
		ids[s.ID] = i + 1
		entities = append(entities, map[string]any{"id": i + 1, "label": names[s.LabelID], "start_offset": s.Start, "end_offset": s.End})
	}
	types := relationTypeByID(sc)
	relations := make([]map[string]any, 0, len(ds.Relations))
	for _, r := range ds.Relations {
		t := types[r.TypeID]
		if t == nil || ids[r.From] == 0 || ids[r.To] == 0 {
			rep.Drop("relations whose spans or type were not exported", 1)
			continue
		}
		if r.Note != "" || len(r.Attributes) > 0 {
			rep.Drop("relation notes and attributes", 1)
		}
		relations = append(relations, map[string]any{"id": len(relations) + 1, "from_id": ids[r.From], "to_id": ids[r.To], "type": t.Name})
	}
	obj["entities"], obj["relations"] = entities, relations
	if len(cats) > 0 {
		obj["cats"] = cats
	}
	return true, nil
}
