package projecttest

import (
	"encoding/json"
	"slices"
	"testing"
	"time"

	"gloss/annotate"
)

// memDump is a whole project held in memory, as a Dumper: how the suite
// puts structure a store has no editing call for (events, typed notes,
// equivalence sets, normalisations) into a project, through Load.
type memDump struct {
	header *annotate.DumpHeader
	docs   []*annotate.DocumentDump
	log    []*annotate.LogEntry
}

// Dump sends the project to w.
func (m *memDump) Dump(w annotate.DumpWriter) error {
	if err := w.Header(m.header); err != nil {
		return err
	}
	for _, d := range m.docs {
		if err := w.Document(d); err != nil {
			return err
		}
	}
	for _, e := range m.log {
		if err := w.LogEntry(e); err != nil {
			return err
		}
	}
	return nil
}

// Header, Document and LogEntry collect a dump (DumpWriter).
func (m *memDump) Header(h *annotate.DumpHeader) error { m.header = h; return nil }

func (m *memDump) Document(d *annotate.DocumentDump) error { m.docs = append(m.docs, d); return nil }

func (m *memDump) LogEntry(e *annotate.LogEntry) error { m.log = append(m.log, e); return nil }

// structured is the fixture project: a text with spans of three labels,
// a relation type, an attribute definition, a category set, and on the
// spans a relation, typed notes (on a span and on the relation), an event
// with arguments, an equivalence set and a normalisation.
type structured struct {
	dump                *memDump
	doc                 *annotate.Document
	actor, claim, place *annotate.Label
	says                *annotate.RelationType
	ana, obama, paris   *annotate.Span // ana and obama are actors, paris a place
	claimSpan           *annotate.Span
	rel                 *annotate.Relation
	spanNote, relNote   *annotate.Note
	event               *annotate.TextEvent
	equiv               *annotate.Equiv
	norm                *annotate.Norm
	certainty           *annotate.AttributeDef
	topic               *annotate.CategorySet
}

func newStructured() *structured {
	at := time.Date(2026, 3, 1, 9, 30, 0, 123456789, time.UTC)
	f := &structured{}
	f.actor = &annotate.Label{ID: "L-actor", Name: "actor", Color: "#1f77b4", Order: 0}
	f.claim = &annotate.Label{ID: "L-claim", Name: "claim", Color: "#ff7f0e", Order: 1}
	f.place = &annotate.Label{ID: "L-place", Name: "place", Color: "#2ca02c", Order: 2}
	f.says = &annotate.RelationType{ID: "RT-says", Name: "says", Directed: true, FromLabels: []string{"actor"}, ToLabels: []string{"claim"}}
	f.certainty = &annotate.AttributeDef{ID: "AD-certainty", Label: "claim", Name: "certainty", Kind: annotate.AttrChoice, Values: []string{"low", "high"}}
	f.topic = &annotate.CategorySet{ID: "CS-topic", Name: "topic", Values: []string{"politics", "sport"}}
	text := "Ana says Obama met the press in Paris: prices will rise."
	f.doc = &annotate.Document{ID: "D-1", Title: "Note", Text: text, SHA256: annotate.HashText(text), Status: annotate.StatusTodo,
		CreatedAt: at, UpdatedAt: at, Categories: map[string][]string{"topic": {"politics"}}}
	span := func(id string, start, end int, l *annotate.Label) *annotate.Span {
		return &annotate.Span{ID: id, DocumentID: f.doc.ID, Start: start, End: end, LabelID: l.ID, Annotator: "ana", CreatedAt: at, UpdatedAt: at}
	}
	f.ana = span("S-ana", 0, 3, f.actor)
	f.obama = span("S-obama", 9, 14, f.actor)
	f.paris = span("S-paris", 32, 37, f.place)
	f.claimSpan = span("S-claim", 39, 56, f.claim)
	f.rel = &annotate.Relation{ID: "R-1", DocumentID: f.doc.ID, TypeID: f.says.ID, From: f.ana.ID, To: f.claimSpan.ID, Annotator: "ana", CreatedAt: at, UpdatedAt: at}
	f.spanNote = &annotate.Note{ID: "N-1", DocumentID: f.doc.ID, Type: "Lemma", Target: f.ana.ID, Text: "Ana"}
	f.relNote = &annotate.Note{ID: "N-2", DocumentID: f.doc.ID, Type: "AnnotatorNotes", Target: f.rel.ID, Text: "reported speech"}
	f.event = &annotate.TextEvent{ID: "E-1", DocumentID: f.doc.ID, Type: "Meet", Trigger: f.obama.ID, Annotator: "ana",
		Args: []annotate.EventArg{{Role: "Agent", Ref: f.ana.ID}, {Role: "Place", Ref: f.paris.ID}}}
	f.equiv = &annotate.Equiv{ID: "Q-1", DocumentID: f.doc.ID, Type: "Equiv", Members: []string{f.ana.ID, f.obama.ID, f.paris.ID}}
	f.norm = &annotate.Norm{ID: "M-1", DocumentID: f.doc.ID, Type: "Reference", Target: f.paris.ID, Resource: "Wikipedia", EntryID: "22989", Text: "Paris"}
	f.dump = &memDump{
		header: &annotate.DumpHeader{Labels: []*annotate.Label{f.actor, f.claim, f.place},
			Schema: &annotate.Schema{RelationTypes: []*annotate.RelationType{f.says}, AttributeDefs: []*annotate.AttributeDef{f.certainty},
				CategorySets: []*annotate.CategorySet{f.topic}}},
		docs: []*annotate.DocumentDump{{Document: f.doc, Spans: []*annotate.Span{f.ana, f.obama, f.paris, f.claimSpan},
			Structure: &annotate.DocStructure{Relations: []*annotate.Relation{f.rel}, Events: []*annotate.TextEvent{f.event},
				Notes: []*annotate.Note{f.spanNote, f.relNote}, Equivs: []*annotate.Equiv{f.equiv}, Norms: []*annotate.Norm{f.norm}}}},
	}
	return f
}

// load fills the empty project p with the fixture.
func (f *structured) load(t *testing.T, p annotate.Project) {
	t.Helper()
	l, ok := p.(annotate.Loader)
	if !ok {
		t.Fatalf("%T does not implement annotate.Loader", p)
	}
	if err := l.Load(f.dump); err != nil {
		t.Fatalf("Load the structured fixture: %v", err)
	}
}

// structureOf returns p as an annotate.Structure; every store must be one.
func structureOf(t *testing.T, p annotate.Project) annotate.Structure {
	t.Helper()
	st, ok := p.(annotate.Structure)
	if !ok {
		t.Fatalf("%T does not implement annotate.Structure", p)
	}
	return st
}

// docStructure is a document's structure as comparable text, each list
// sorted by ID (a restored relation may come back at the end).
func docStructure(t *testing.T, st annotate.Structure, docID string) string {
	t.Helper()
	ds, err := st.DocStructure(docID)
	if err != nil {
		t.Fatalf("DocStructure(%s): %v", docID, err)
	}
	return canonStructure(ds)
}

func canonStructure(ds *annotate.DocStructure) string {
	c := *ds
	c.Relations = slices.Clone(c.Relations)
	slices.SortFunc(c.Relations, func(a, b *annotate.Relation) int { return cmpStr(a.ID, b.ID) })
	c.Events = slices.Clone(c.Events)
	slices.SortFunc(c.Events, func(a, b *annotate.TextEvent) int { return cmpStr(a.ID, b.ID) })
	c.Notes = slices.Clone(c.Notes)
	slices.SortFunc(c.Notes, func(a, b *annotate.Note) int { return cmpStr(a.ID, b.ID) })
	c.Equivs = slices.Clone(c.Equivs)
	slices.SortFunc(c.Equivs, func(a, b *annotate.Equiv) int { return cmpStr(a.ID, b.ID) })
	c.Norms = slices.Clone(c.Norms)
	slices.SortFunc(c.Norms, func(a, b *annotate.Norm) int { return cmpStr(a.ID, b.ID) })
	b, _ := json.MarshalIndent(c, "", " ")
	return string(b)
}

func cmpStr(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func canonSchema(sc *annotate.Schema) string {
	b, _ := json.MarshalIndent(sc, "", " ")
	return string(b)
}
