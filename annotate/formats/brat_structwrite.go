package formats

import (
	"fmt"
	"strings"

	"gloss/annotate"
)

// bratConf gathers, while documents are written, what annotation.conf must
// define besides entities: relation types, event types with their roles,
// attributes.
type bratConf struct {
	src    annotate.Source
	schema *annotate.Schema
	err    error
	types  map[string]*annotate.RelationType
	events map[string]map[string]map[string]bool // event type: role: argument types
	order  []string                              // event types in order of appearance
	attrs  map[string]map[string]bool            // attribute seen without definition: values
	attrOn map[string]string                     // attribute seen: <ENTITY>, <EVENT> or <RELATION>
}

func newBratConf(src annotate.Source) *bratConf {
	sc, err := sourceSchema(src)
	if err != nil || sc == nil {
		sc = &annotate.Schema{}
	}
	return &bratConf{src: src, schema: sc, err: err, types: relationTypeByID(sc),
		events: map[string]map[string]map[string]bool{}, attrs: map[string]map[string]bool{}, attrOn: map[string]string{}}
}

func (c *bratConf) isEvent(name string) bool { return c.events[name] != nil }

// bratName is a type name brat can hold (no spaces).
func bratName(s string) string { return strings.Join(strings.Fields(s), "_") }

// bratText is a note or normalisation text on one line.
var bratText = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\t", " ")

// structure renders a document's relations (R), events (E), attributes
// (A), notes (#), equivalence sets (*) and normalisations (N) against the
// T ids of its spans; notes are numbered after the first `notes` ones.
func (c *bratConf) structure(d *annotate.Document, spans []*annotate.Span, tids, names map[string]string, rep *ExportReport, notes int) (string, error) {
	if c.err != nil {
		return "", c.err
	}
	ds, err := docStructure(c.src, d.ID)
	if err != nil {
		return "", err
	}
	var out strings.Builder
	ids := map[string]string{} // relation and event IDs to brat IDs, besides tids
	typeOf := map[string]string{}
	for _, s := range spans {
		typeOf[s.ID] = names[s.LabelID]
	}
	for i, r := range ds.Relations {
		t := c.types[r.TypeID]
		from, to := tids[r.From], tids[r.To]
		if t == nil || from == "" || to == "" {
			rep.Drop("relations whose spans or type were not exported", 1)
			continue
		}
		id := fmt.Sprintf("R%d", i+1)
		ids[r.ID] = id
		fr, tr := t.Roles()
		fmt.Fprintf(&out, "%s\t%s %s:%s %s:%s\t\n", id, bratName(t.Name), fr, from, tr, to)
	}
	for i, e := range ds.Events {
		ids[e.ID] = fmt.Sprintf("E%d", i+1)
	}
	for _, e := range ds.Events {
		line := fmt.Sprintf("%s\t%s:%s", ids[e.ID], bratName(e.Type), tids[e.Trigger])
		ok := tids[e.Trigger] != ""
		roles := c.eventType(bratName(e.Type))
		for _, a := range e.Args {
			ref := tids[a.Ref]
			argType := typeOf[a.Ref]
			if ref == "" {
				ref = ids[a.Ref]
				argType = eventTypeOf(ds.Events, a.Ref)
			}
			ok = ok && ref != ""
			line += fmt.Sprintf(" %s:%s", a.Role, ref)
			base := strings.TrimRight(a.Role, "0123456789")
			if base == "" {
				base = a.Role
			}
			if roles[base] == nil {
				roles[base] = map[string]bool{}
			}
			roles[base][bratName(argType)] = true
		}
		if !ok {
			rep.Drop("events whose trigger or arguments were not exported", 1)
			delete(ids, e.ID)
			continue
		}
		out.WriteString(line + "\n")
	}
	a := 0
	attr := func(target string, m map[string]string, label, on string) {
		for _, name := range sortedKeys(m) {
			a++
			v := m[name]
			fmt.Fprintf(&out, "A%d\t%s %s", a, bratName(name), target)
			if def := c.def(label, name, on); (def == nil || def.Kind != annotate.AttrBool) && !(def == nil && v == annotate.AttrTrue) {
				fmt.Fprintf(&out, " %s", bratName(v))
			}
			out.WriteString("\n")
			c.seeAttr(name, v, on)
		}
	}
	done := map[string]bool{}
	for _, s := range spans {
		if t := tids[s.ID]; t != "" && !done[t] {
			done[t] = true
			attr(t, s.Attributes, typeOf[s.ID], "<ENTITY>")
		}
	}
	for _, r := range ds.Relations {
		if ids[r.ID] != "" {
			attr(ids[r.ID], r.Attributes, "", "<RELATION>")
			if r.Note != "" {
				notes++
				fmt.Fprintf(&out, "#%d\t%s %s\t%s\n", notes, annotate.NoteAnnotator, ids[r.ID], bratText.Replace(r.Note))
			}
		}
	}
	for _, e := range ds.Events {
		if ids[e.ID] != "" {
			attr(ids[e.ID], e.Attributes, "", "<EVENT>")
		}
	}
	target := func(id string) string {
		if t := tids[id]; t != "" {
			return t
		}
		return ids[id]
	}
	for _, n := range ds.Notes {
		if target(n.Target) == "" {
			rep.Drop("notes on what was not exported", 1)
			continue
		}
		notes++
		fmt.Fprintf(&out, "#%d\t%s %s\t%s\n", notes, bratName(n.Type), target(n.Target), bratText.Replace(n.Text))
	}
	for i, n := range ds.Norms {
		if target(n.Target) == "" {
			rep.Drop("normalizations of what was not exported", 1)
			continue
		}
		fmt.Fprintf(&out, "N%d\t%s %s %s:%s\t%s\n", i+1, bratName(n.Type), target(n.Target), n.Resource, n.EntryID, bratText.Replace(n.Text))
	}
	for _, e := range ds.Equivs {
		line, ok := "*\t"+bratName(e.Type), true
		for _, m := range e.Members {
			ok = ok && tids[m] != ""
			line += " " + tids[m]
		}
		if !ok {
			rep.Drop("equivalence sets with spans not exported", 1)
			continue
		}
		out.WriteString(line + "\n")
	}
	return out.String(), nil
}

func eventTypeOf(events []*annotate.TextEvent, id string) string {
	for _, e := range events {
		if e.ID == id {
			return e.Type
		}
	}
	return ""
}

func (c *bratConf) eventType(name string) map[string]map[string]bool {
	if c.events[name] == nil {
		c.events[name] = map[string]map[string]bool{}
		c.order = append(c.order, name)
	}
	return c.events[name]
}

// def finds the definition of an attribute on a span label, event or relation.
func (c *bratConf) def(label, name, on string) *annotate.AttributeDef {
	scope := map[string]string{"<ENTITY>": annotate.ScopeSpan, "<EVENT>": annotate.ScopeEvent, "<RELATION>": annotate.ScopeRelation}[on]
	if scope == annotate.ScopeSpan {
		return annotate.FindAttributeDef(c.schema.AttributeDefs, label, name)
	}
	for _, d := range c.schema.AttributeDefs {
		if d.Name == name && d.Scope == scope {
			return d
		}
	}
	return nil
}

func (c *bratConf) seeAttr(name, value, on string) {
	if c.attrs[name] == nil {
		c.attrs[name] = map[string]bool{}
		c.attrOn[name] = on
	}
	c.attrs[name][value] = true
	if c.attrOn[name] != on {
		c.attrOn[name] = "<ANY>"
	}
}
