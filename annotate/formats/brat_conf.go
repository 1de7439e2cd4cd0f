package formats

import (
	"os"
	"path/filepath"
	"strings"

	"gloss/annotate"
)

// addBratConfSchema reads the [relations] and [attributes] sections of
// dir/annotation.conf into b's relation types and attribute definitions.
// Macros (<POG>) and "!" grouping names are read as "any label".
func addBratConfSchema(b *annotate.Batch, dir string) {
	conf, err := os.ReadFile(filepath.Join(dir, "annotation.conf"))
	if err != nil {
		return
	}
	bratSections(string(conf), func(section, line string) {
		name, rest, _ := strings.Cut(strings.ReplaceAll(line, "\t", " "), " ")
		if name == "" || strings.ContainsAny(name[:1], "<!") {
			return
		}
		var args [][2]string
		for _, kv := range strings.Split(rest, ",") {
			if k, v, ok := strings.Cut(strings.TrimSpace(kv), ":"); ok {
				args = append(args, [2]string{strings.TrimSpace(k), strings.TrimSpace(v)})
			}
		}
		switch section {
		case "relations":
			addConfRelation(b, name, args)
		case "attributes":
			addConfAttribute(b, name, args)
		}
	})
}

// confTypes splits "A|B" into type names; a macro or special type means any.
func confTypes(v string) []string {
	var out []string
	for _, t := range strings.Split(v, "|") {
		if t = strings.TrimSpace(t); t == "" || strings.HasPrefix(t, "<") {
			return nil
		}
		out = append(out, t)
	}
	return out
}

func addConfRelation(b *annotate.Batch, name string, args [][2]string) {
	for _, t := range b.RelationTypes {
		if strings.EqualFold(t.Name, name) {
			return
		}
	}
	t := &annotate.RelationType{Name: name, Directed: true}
	roles := 0
	for _, a := range args {
		switch {
		case a[0] == "<REL-TYPE>":
			t.Directed = !strings.Contains(a[1], "symmetric")
		case strings.HasPrefix(a[0], "<"):
		case roles == 0:
			t.FromRole, t.FromLabels = a[0], confTypes(a[1])
			roles++
		case roles == 1:
			t.ToRole, t.ToLabels = a[0], confTypes(a[1])
			roles++
		}
	}
	if t.FromRole == "Arg1" && t.ToRole == "Arg2" {
		t.FromRole, t.ToRole = "", ""
	}
	if t.Validate() == nil {
		b.RelationTypes = append(b.RelationTypes, t)
	}
}

func addConfAttribute(b *annotate.Batch, name string, args [][2]string) {
	var targets, values []string
	for _, a := range args {
		switch a[0] {
		case "Arg":
			targets = strings.Split(a[1], "|")
		case "Value":
			for _, v := range strings.Split(a[1], "|") {
				if v = strings.TrimSpace(v); v != "" {
					values = append(values, v)
				}
			}
		}
	}
	for _, target := range targets {
		d := &annotate.AttributeDef{Name: name, Kind: annotate.AttrBool}
		if len(values) > 0 {
			d.Kind, d.Values = annotate.AttrChoice, values
		}
		switch target = strings.TrimSpace(target); target {
		case "<EVENT>":
			d.Scope = annotate.ScopeEvent
		case "<RELATION>":
			d.Scope = annotate.ScopeRelation
		case "<ENTITY>", "<ANY>":
		default:
			d.Label = target
		}
		if d.Validate() == nil {
			b.AttributeDefs = append(b.AttributeDefs, d)
		}
	}
}
