package formats

import (
	"fmt"
	"slices"
	"strings"

	"gloss/annotate"
)

// sections renders annotation.conf's [relations] lines (after <OVERLAP>),
// [events] and [attributes]: the schema's relation types and attribute
// definitions, the event types written with the roles and argument types
// seen, and attributes seen without a definition.
func (c *bratConf) sections() string {
	var b strings.Builder
	for _, t := range c.schema.RelationTypes {
		fr, tr := t.Roles()
		fmt.Fprintf(&b, "%s\t%s:%s, %s:%s", bratName(t.Name), fr, confList(t.FromLabels), tr, confList(t.ToLabels))
		if !t.Directed {
			b.WriteString(", <REL-TYPE>:symmetric")
		}
		b.WriteString("\n")
	}
	b.WriteString("[events]\n")
	for _, name := range c.order {
		var args []string
		for _, role := range sortedKeys(c.events[name]) {
			types := sortedKeys(c.events[name][role])
			args = append(args, fmt.Sprintf("%s*:%s", role, strings.Join(types, "|")))
		}
		fmt.Fprintf(&b, "%s\t%s\n", name, strings.Join(args, ", "))
	}
	b.WriteString("[attributes]\n")
	defined := map[string]bool{}
	byName := map[string][]*annotate.AttributeDef{}
	var names []string
	for _, d := range c.schema.AttributeDefs {
		if d.Kind == annotate.AttrText {
			continue // brat has no free-text attributes
		}
		if byName[d.Name] == nil {
			names = append(names, d.Name)
		}
		byName[d.Name] = append(byName[d.Name], d)
		defined[d.Name] = true
	}
	for _, name := range names {
		var targets, values []string
		for _, d := range byName[name] {
			t := map[string]string{annotate.ScopeEvent: "<EVENT>", annotate.ScopeRelation: "<RELATION>"}[d.Scope]
			if t == "" {
				t = "<ENTITY>"
				if d.Label != "" {
					t = bratName(d.Label)
				}
			}
			if !slices.Contains(targets, t) {
				targets = append(targets, t)
			}
			for _, v := range d.Values {
				if !slices.Contains(values, v) {
					values = append(values, v)
				}
			}
		}
		writeConfAttr(&b, name, targets, values)
	}
	for _, name := range sortedKeys(c.attrs) {
		if defined[name] {
			continue
		}
		var values []string
		if len(c.attrs[name]) > 1 || !c.attrs[name][annotate.AttrTrue] {
			values = sortedKeys(c.attrs[name])
		}
		writeConfAttr(&b, name, []string{c.attrOn[name]}, values)
	}
	return b.String()
}

func writeConfAttr(b *strings.Builder, name string, targets, values []string) {
	fmt.Fprintf(b, "%s\tArg:%s", bratName(name), strings.Join(targets, "|"))
	if len(values) > 0 {
		for i, v := range values {
			values[i] = bratName(v)
		}
		fmt.Fprintf(b, ", Value:%s", strings.Join(values, "|"))
	}
	b.WriteString("\n")
}

func confList(labels []string) string {
	if len(labels) == 0 {
		return "<ENTITY>"
	}
	out := make([]string, len(labels))
	for i, l := range labels {
		out[i] = bratName(l)
	}
	return strings.Join(out, "|")
}
