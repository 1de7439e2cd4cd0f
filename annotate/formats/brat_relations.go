package formats

import (
	"strings"

	"gloss/annotate"
)

// bratLine is a line of an .ann file other than a T line, read once every
// T line is known.
type bratLine struct {
	line int
	text string
}

// bratDoc resolves the brat IDs of one .ann file to batch IDs.
type bratDoc struct {
	b      *annotate.Batch
	name   string
	docID  string
	spans  map[string][]*annotate.BatchSpan // T id: fragments
	rels   map[string]*annotate.BatchRelation
	events map[string]*annotate.TextEvent
}

// addBratStructure reads the R, E, A, M, N, * and # lines of one .ann file
// into b: relations, events, attributes, normalisations, equivalence sets
// and notes. brat allows any order of lines, so E and R IDs are given
// first. A reference to an annotation the file does not define is an
// error naming the file and line.
func addBratStructure(b *annotate.Batch, name, docID string, spans map[string][]*annotate.BatchSpan, lines []bratLine) error {
	d := &bratDoc{b: b, name: name, docID: docID, spans: spans, rels: map[string]*annotate.BatchRelation{}, events: map[string]*annotate.TextEvent{}}
	for _, l := range lines {
		id, _, _ := strings.Cut(l.text, "\t")
		where := Where{File: name, Line: l.line}
		switch id[0] {
		case 'R':
			if d.rels[id] != nil {
				return where.Errorf("annotation ID %s is used twice", id)
			}
			d.rels[id] = &annotate.BatchRelation{Relation: annotate.Relation{ID: annotate.NewID(), DocumentID: docID}}
		case 'E':
			if d.events[id] != nil {
				return where.Errorf("annotation ID %s is used twice", id)
			}
			d.events[id] = &annotate.TextEvent{ID: annotate.NewID(), DocumentID: docID}
		}
	}
	var later []bratLine // attributes and notes, which may target relations and events
	for _, l := range lines {
		var err error
		switch l.text[0] {
		case 'R':
			err = d.relation(l)
		case 'E':
			err = d.event(l)
		case '*':
			err = d.equiv(l)
		default:
			later = append(later, l)
		}
		if err != nil {
			return err
		}
	}
	for _, l := range later {
		var err error
		switch l.text[0] {
		case 'A', 'M':
			err = d.attribute(l)
		case 'N':
			err = d.norm(l)
		case '#':
			err = d.note(l)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// span resolves a T id to the ID of its first fragment.
func (d *bratDoc) span(ref string) (string, bool) {
	if f := d.spans[ref]; len(f) > 0 {
		return f[0].ID, true
	}
	return "", false
}

// relation reads "R1<tab>Type Arg1:T1 Arg2:T2".
func (d *bratDoc) relation(l bratLine) error {
	where := Where{File: d.name, Line: l.line}
	f := strings.Split(l.text, "\t")
	var parts []string
	if len(f) >= 2 {
		parts = strings.Fields(f[1])
	}
	if len(parts) != 3 {
		return where.Errorf("relation %q: want \"ID<tab>Type Arg1:T1 Arg2:T2\"", shorten(l.text, 40))
	}
	r := d.rels[f[0]]
	r.TypeName = parts[0]
	var roles [2]string
	for i, arg := range parts[1:] {
		role, ref, ok := strings.Cut(arg, ":")
		id, found := d.span(ref)
		if !ok || role == "" {
			return where.Errorf("relation %s: argument %q: want ROLE:ID", f[0], arg)
		}
		if !found {
			return where.Errorf("relation %s: %s names %s, which the file does not define as a text annotation", f[0], role, ref)
		}
		roles[i] = role
		if i == 0 {
			r.From = id
		} else {
			r.To = id
		}
	}
	if err := d.relationType(r.TypeName, roles, where); err != nil {
		return err
	}
	d.b.Relations = append(d.b.Relations, r)
	return nil
}

// relationType records the type's roles when they are not Arg1 and Arg2;
// one type must use the same roles throughout.
func (d *bratDoc) relationType(name string, roles [2]string, where Where) error {
	for _, t := range d.b.RelationTypes {
		if strings.EqualFold(t.Name, name) {
			if f, to := t.Roles(); f != roles[0] || to != roles[1] {
				if t.FromRole == "" && t.ToRole == "" && roles != [2]string{"Arg1", "Arg2"} && len(t.FromLabels)+len(t.ToLabels) > 0 {
					t.FromRole, t.ToRole = roles[0], roles[1] // annotation.conf spelled the roles differently
					return nil
				}
				return where.Errorf("relation type %s has roles %s and %s here but %s and %s elsewhere", name, roles[0], roles[1], f, to)
			}
			return nil
		}
	}
	t := &annotate.RelationType{Name: name, Directed: true}
	if roles != [2]string{"Arg1", "Arg2"} {
		t.FromRole, t.ToRole = roles[0], roles[1]
	}
	if err := t.Validate(); err != nil {
		return where.Errorf("%v", err)
	}
	d.b.RelationTypes = append(d.b.RelationTypes, t)
	return nil
}

// event reads "E1<tab>Type:T1 Role:T2 Role2:E2".
func (d *bratDoc) event(l bratLine) error {
	where := Where{File: d.name, Line: l.line}
	f := strings.Split(l.text, "\t")
	if len(f) < 2 || len(strings.Fields(f[1])) == 0 {
		return where.Errorf("event %q: want \"ID<tab>Type:TRIGGER Role:ID ...\"", shorten(l.text, 40))
	}
	e := d.events[f[0]]
	for i, arg := range strings.Fields(f[1]) {
		role, ref, ok := strings.Cut(arg, ":")
		if !ok || role == "" || ref == "" {
			return where.Errorf("event %s: %q: want ROLE:ID", f[0], arg)
		}
		if i == 0 {
			id, found := d.span(ref)
			if !found {
				return where.Errorf("event %s: trigger %s is not a text annotation of the file", f[0], ref)
			}
			e.Type, e.Trigger = role, id
			continue
		}
		id, found := d.span(ref)
		if sub := d.events[ref]; sub != nil {
			id, found = sub.ID, true
		}
		if !found {
			return where.Errorf("event %s: %s names %s, which the file does not define", f[0], role, ref)
		}
		e.Args = append(e.Args, annotate.EventArg{Role: role, Ref: id})
	}
	if err := e.Validate(); err != nil {
		return where.Errorf("%v", err)
	}
	d.b.Events = append(d.b.Events, e)
	return nil
}

// equiv reads "*<tab>Equiv T1 T2 ...".
func (d *bratDoc) equiv(l bratLine) error {
	where := Where{File: d.name, Line: l.line}
	f := strings.Split(l.text, "\t")
	parts := []string{}
	if len(f) >= 2 {
		parts = strings.Fields(f[1])
	}
	if len(parts) < 3 {
		return where.Errorf("equivalence %q: want \"*<tab>Type T1 T2 ...\"", shorten(l.text, 40))
	}
	e := &annotate.Equiv{ID: annotate.NewID(), DocumentID: d.docID, Type: parts[0]}
	for _, ref := range parts[1:] {
		id, ok := d.span(ref)
		if !ok {
			return where.Errorf("equivalence %s names %s, which the file does not define as a text annotation", parts[0], ref)
		}
		e.Members = append(e.Members, id)
	}
	d.b.Equivs = append(d.b.Equivs, e)
	return nil
}

// target resolves the T, R or E id a note, attribute or normalisation is on.
func (d *bratDoc) target(ref string) (kind byte, id string, ok bool) {
	if id, ok := d.span(ref); ok {
		return 'T', id, true
	}
	if r := d.rels[ref]; r != nil {
		return 'R', r.ID, true
	}
	if e := d.events[ref]; e != nil {
		return 'E', e.ID, true
	}
	return 0, "", false
}
