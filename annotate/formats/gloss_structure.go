package formats

import (
	"fmt"
	"time"

	"gloss/annotate"
)

// GlossRelation is a relation in Gloss JSON: its type by name and its two
// spans by ID.
type GlossRelation struct {
	ID         string            `json:"id"`
	Type       string            `json:"type"`
	From       string            `json:"from"`
	To         string            `json:"to"`
	Annotator  string            `json:"annotator"`
	Note       string            `json:"note"`
	Attributes map[string]string `json:"attributes,omitempty"`
	CreatedAt  time.Time         `json:"created_at"`
	UpdatedAt  time.Time         `json:"updated_at"`
}

// GlossEvent is an event in Gloss JSON: a trigger span and arguments, each
// a span or another event of the document by ID.
type GlossEvent struct {
	ID         string              `json:"id"`
	Type       string              `json:"type"`
	Trigger    string              `json:"trigger"`
	Args       []annotate.EventArg `json:"args"`
	Annotator  string              `json:"annotator"`
	Attributes map[string]string   `json:"attributes,omitempty"`
}

// GlossNote is a typed note (e.g. a lemma) on a span, relation or event.
type GlossNote struct {
	ID     string `json:"id"`
	Type   string `json:"type"`
	Target string `json:"target"`
	Text   string `json:"text"`
}

// GlossEquiv is an equivalence set of spans.
type GlossEquiv struct {
	ID      string   `json:"id"`
	Type    string   `json:"type"`
	Members []string `json:"members"`
}

// GlossNorm links a span, relation or event to an entry of a resource.
type GlossNorm struct {
	ID       string `json:"id"`
	Type     string `json:"type"`
	Target   string `json:"target"`
	Resource string `json:"resource"`
	EntryID  string `json:"entry_id"`
	Text     string `json:"text"`
}

// nonNil returns list, or an empty list for nil, so that JSON has [].
func nonNil[T any](list []T) []T {
	if list == nil {
		return []T{}
	}
	return list
}

// addGlossStructure fills g's relations, events, notes, equivalence sets
// and normalisations from the source (types: relation types by ID).
func addGlossStructure(g *GlossDocument, src annotate.Source, types map[string]*annotate.RelationType, rep *ExportReport) error {
	ds, err := docStructure(src, g.ID)
	if err != nil {
		return err
	}
	for _, r := range ds.Relations {
		t := types[r.TypeID]
		if t == nil {
			rep.Drop("relations of an unknown type", 1)
			continue
		}
		g.Relations = append(g.Relations, GlossRelation{ID: r.ID, Type: t.Name, From: r.From, To: r.To, Annotator: r.Annotator,
			Note: r.Note, Attributes: r.Attributes, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt})
	}
	for _, e := range ds.Events {
		g.Events = append(g.Events, GlossEvent{ID: e.ID, Type: e.Type, Trigger: e.Trigger, Args: nonNil(e.Args), Annotator: e.Annotator, Attributes: e.Attributes})
	}
	for _, n := range ds.Notes {
		g.Notes = append(g.Notes, GlossNote{ID: n.ID, Type: n.Type, Target: n.Target, Text: n.Text})
	}
	for _, e := range ds.Equivs {
		g.Equivs = append(g.Equivs, GlossEquiv{ID: e.ID, Type: e.Type, Members: e.Members})
	}
	for _, n := range ds.Norms {
		g.Norms = append(g.Norms, GlossNorm{ID: n.ID, Type: n.Type, Target: n.Target, Resource: n.Resource, EntryID: n.EntryID, Text: n.Text})
	}
	return nil
}

// addGlossSchema checks a file's relation types, attribute definitions and
// category sets and adds them to b.
func addGlossSchema(b *annotate.Batch, f *GlossFile, name string) error {
	check := func(what string, i int, isNil bool, validate func() error) error {
		if isNil {
			return annotate.Errorf(annotate.EINVALID, "%s: %s %d is null", name, what, i+1)
		}
		if err := validate(); err != nil {
			return annotate.Errorf(annotate.EINVALID, "%s: %s %d: %v", name, what, i+1, err)
		}
		return nil
	}
	for i, t := range f.RelationTypes {
		if err := check("relation type", i, t == nil, func() error { return t.Validate() }); err != nil {
			return err
		}
		b.RelationTypes = append(b.RelationTypes, t)
	}
	for i, d := range f.AttributeDefs {
		if err := check("attribute definition", i, d == nil, func() error { return d.Validate() }); err != nil {
			return err
		}
		b.AttributeDefs = append(b.AttributeDefs, d)
	}
	for i, c := range f.CategorySets {
		if err := check("category set", i, c == nil, func() error { return c.Validate() }); err != nil {
			return err
		}
		b.CategorySets = append(b.CategorySets, c)
	}
	return nil
}

// checkAttributes reports why a map of attribute values cannot be kept.
func checkAttributes(m map[string]string) error {
	for k := range m {
		if k == "" {
			return fmt.Errorf("an attribute has no name")
		}
	}
	return nil
}

// addGlossDocStructure reads a Gloss document's categories and structure
// into b, checking that everything refers to the document's own spans,
// relations and events.
func addGlossDocStructure(b *annotate.Batch, g *GlossDocument, d *annotate.Document, where Where) error {
	for set, values := range g.Categories {
		c := annotate.CategorySet{Name: set, Values: values, Multi: true}
		if err := c.Validate(); err != nil {
			return where.Errorf("categories: %v", err)
		}
	}
	d.Categories = g.Categories
	spans := map[string]bool{}
	for _, s := range g.Spans {
		if s.ID != "" {
			spans[s.ID] = true
		}
	}
	targets := map[string]bool{}
	for id := range spans {
		targets[id] = true
	}
	for i, r := range g.Relations {
		at := fmt.Sprintf("relation %d", i+1)
		t := annotate.RelationType{Name: r.Type}
		if err := t.Validate(); err != nil {
			return where.Errorf("%s: %v", at, err)
		}
		if !spans[r.From] || !spans[r.To] {
			return where.Errorf("%s: from %q and to %q must be IDs of the document's spans", at, r.From, r.To)
		}
		if err := checkAttributes(r.Attributes); err != nil {
			return where.Errorf("%s: %v", at, err)
		}
		rel := annotate.BatchRelation{TypeName: r.Type, Relation: annotate.Relation{ID: r.ID, DocumentID: d.ID, From: r.From, To: r.To,
			Annotator: r.Annotator, Note: r.Note, Attributes: r.Attributes, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}}
		if rel.ID == "" {
			rel.ID = annotate.NewID()
		}
		targets[rel.ID] = true
		b.Relations = append(b.Relations, &rel)
	}
	var events []*annotate.TextEvent
	for _, e := range g.Events {
		ev := &annotate.TextEvent{ID: e.ID, DocumentID: d.ID, Type: e.Type, Trigger: e.Trigger, Args: e.Args, Annotator: e.Annotator, Attributes: e.Attributes}
		events = append(events, ev)
		targets[e.ID] = true
	}
	if err := annotate.CheckEvents(events, spans); err != nil {
		return where.Errorf("events: %v", err)
	}
	b.Events = append(b.Events, events...)
	for i, n := range g.Notes {
		note := &annotate.Note{ID: n.ID, DocumentID: d.ID, Type: n.Type, Target: n.Target, Text: n.Text}
		if err := note.Validate(); err != nil {
			return where.Errorf("note %d: %v", i+1, err)
		}
		if !targets[n.Target] {
			return where.Errorf("note %d: target %q is no span, relation or event of the document", i+1, n.Target)
		}
		b.Notes = append(b.Notes, note)
	}
	for i, e := range g.Equivs {
		eq := &annotate.Equiv{ID: e.ID, DocumentID: d.ID, Type: e.Type, Members: e.Members}
		if err := eq.Validate(); err != nil {
			return where.Errorf("equivalence set %d: %v", i+1, err)
		}
		for _, m := range e.Members {
			if !spans[m] {
				return where.Errorf("equivalence set %d: member %q is no span of the document", i+1, m)
			}
		}
		b.Equivs = append(b.Equivs, eq)
	}
	for i, n := range g.Norms {
		nm := &annotate.Norm{ID: n.ID, DocumentID: d.ID, Type: n.Type, Target: n.Target, Resource: n.Resource, EntryID: n.EntryID, Text: n.Text}
		if err := nm.Validate(); err != nil {
			return where.Errorf("normalization %d: %v", i+1, err)
		}
		if !targets[n.Target] {
			return where.Errorf("normalization %d: target %q is no span, relation or event of the document", i+1, n.Target)
		}
		b.Norms = append(b.Norms, nm)
	}
	return nil
}
