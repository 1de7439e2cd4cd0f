package formats

import (
	"encoding/json"
	"slices"
	"strings"

	"gloss/annotate"
)

// Label Studio structure beyond labelled regions, within one annotation:
//
//	{"from_id": "r1", "to_id": "r2", "type": "relation", "direction": "right", "labels": ["says"]}
//	{"id": "r1", "from_name": "certainty", "to_name": "text", "type": "choices",
//	 "value": {"start": 0, "end": 5, "text": "Putin", "choices": ["high"]}}
//	{"id": "c1", "from_name": "topic", "to_name": "text", "type": "choices", "value": {"choices": ["politics"]}}
//
// A relation links the first span of each region (a region with several
// labels is several spans); one relation per label, type "relation" when
// it has none; direction "left" runs from to_id to from_id and "bi" makes
// its type undirected. A choices result whose id is a region's, or whose
// start and end are a region's (Label Studio's per-region choices), sets
// the attribute named by its from_name on that region's spans; several
// choices are joined by "|". A choices result on no region sets the
// document's categories of the set named by its from_name.

// lsNoRelationLabel is the type of a relation written without labels.
const lsNoRelationLabel = "relation"

// lsLater is a result read once every region of its annotation is known.
type lsLater struct {
	res lsResult
	at  string
}

// lsStructure reads the structure of one annotation of a task.
type lsStructure struct {
	b         *annotate.Batch
	doc       *annotate.Document
	annotator string
	regions   map[string][]*annotate.BatchSpan // result id: spans
	ranges    map[[2]int][]*annotate.BatchSpan // start and end as written: spans
	later     []lsLater
}

func (st *lsStructure) region(id string, start, end int, s *annotate.BatchSpan) {
	if id != "" {
		st.regions[id] = append(st.regions[id], s)
	}
	st.ranges[[2]int{start, end}] = append(st.ranges[[2]int{start, end}], s)
}

// readLater reads the annotation's relations and choices.
func (st *lsStructure) readLater(where Where) error {
	for _, l := range st.later {
		var err error
		if l.res.Type == "relation" {
			err = st.relation(l.res, where, l.at)
		} else {
			err = st.choices(l.res, where, l.at)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (st *lsStructure) relation(res lsResult, where Where, at string) error {
	from, to := st.regions[res.FromID], st.regions[res.ToID]
	if len(from) == 0 || len(to) == 0 {
		return where.Errorf("%s: relation from %q to %q: both must be ids of labelled regions of the annotation", at, res.FromID, res.ToID)
	}
	if res.Direction == "left" {
		from, to = to, from
	}
	labels := res.Labels
	if len(labels) == 0 {
		labels = []string{lsNoRelationLabel}
	}
	for _, l := range labels {
		t := annotate.RelationType{Name: l, Directed: res.Direction != "bi"}
		if err := t.Validate(); err != nil {
			return where.Errorf("%s: %v", at, err)
		}
		if !slices.ContainsFunc(st.b.RelationTypes, func(x *annotate.RelationType) bool { return strings.EqualFold(x.Name, l) }) {
			st.b.RelationTypes = append(st.b.RelationTypes, &t)
		}
		r := annotate.BatchRelation{Relation: annotate.Relation{ID: annotate.NewID(), DocumentID: st.doc.ID,
			From: from[0].ID, To: to[0].ID, Annotator: st.annotator}, TypeName: l}
		st.b.Relations = append(st.b.Relations, &r)
	}
	return nil
}

// lsChoices is the value of a choices result.
type lsChoices struct {
	Start   *int     `json:"start"`
	End     *int     `json:"end"`
	Choices []string `json:"choices"`
}

func (st *lsStructure) choices(res lsResult, where Where, at string) error {
	var v lsChoices
	if err := json.Unmarshal(res.Value, &v); err != nil {
		return where.Errorf("%s: value: %s", at, jsonProblem(err))
	}
	name := res.FromName
	if name == "" {
		name = "choice"
	}
	spans := st.regions[res.ID]
	if len(spans) == 0 && v.Start != nil && v.End != nil {
		spans = st.ranges[[2]int{*v.Start, *v.End}]
		if len(spans) == 0 {
			st.b.Skip("Label Studio per-region choices on no labelled region", 1)
			return nil
		}
	}
	if len(spans) == 0 {
		return st.category(name, v.Choices, where, at)
	}
	if len(v.Choices) == 0 {
		return nil
	}
	def := annotate.AttributeDef{Name: name, Kind: annotate.AttrChoice, Values: v.Choices}
	if err := def.Validate(); err != nil {
		return where.Errorf("%s: %v", at, err)
	}
	value := strings.Join(v.Choices, "|")
	for _, s := range spans {
		if s.Attributes == nil {
			s.Attributes = map[string]string{}
		}
		s.Attributes[name] = value
	}
	st.attributeDef(name, v.Choices)
	return nil
}

// attributeDef records a per-region choice's definition: a choice of the
// values seen, or free text once a region has several.
func (st *lsStructure) attributeDef(name string, choices []string) {
	var d *annotate.AttributeDef
	for _, x := range st.b.AttributeDefs {
		if x.Name == name && x.Label == "" && x.Scope == annotate.ScopeSpan {
			d = x
		}
	}
	if d == nil {
		d = &annotate.AttributeDef{Name: name, Kind: annotate.AttrChoice}
		st.b.AttributeDefs = append(st.b.AttributeDefs, d)
	}
	if len(choices) > 1 {
		d.Kind, d.Values = annotate.AttrText, nil
	}
	if d.Kind != annotate.AttrChoice {
		return
	}
	for _, c := range choices {
		if !slices.Contains(d.Values, c) {
			d.Values = append(d.Values, c)
		}
	}
}

// category adds document choices to the document's categories of the set.
func (st *lsStructure) category(set string, choices []string, where Where, at string) error {
	c := annotate.CategorySet{Name: set, Values: choices, Multi: true}
	if err := c.Validate(); err != nil {
		return where.Errorf("%s: %v", at, err)
	}
	if st.doc.Categories == nil {
		st.doc.Categories = map[string][]string{}
	}
	for _, v := range choices {
		if !slices.Contains(st.doc.Categories[set], v) {
			st.doc.Categories[set] = append(st.doc.Categories[set], v)
		}
	}
	var found *annotate.CategorySet
	for _, x := range st.b.CategorySets {
		if x.Name == set {
			found = x
		}
	}
	if found == nil {
		found = &annotate.CategorySet{Name: set}
		st.b.CategorySets = append(st.b.CategorySets, found)
	}
	for _, v := range choices {
		if !slices.Contains(found.Values, v) {
			found.Values = append(found.Values, v)
		}
	}
	found.Multi = found.Multi || len(st.doc.Categories[set]) > 1
	return nil
}
