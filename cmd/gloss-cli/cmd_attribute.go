package main

import (
	"fmt"
	"strings"

	"gloss/annotate"
)

func init() {
	register("attribute", "set or remove an attribute of a span (attribute set)", cmdAttribute)
	register("attribute-def", "define a span attribute (attribute-def add) or list the definitions (attribute-def list)", cmdAttributeDef)
}

func cmdAttribute(e *env, args []string) error {
	if len(args) == 0 || args[0] != "set" {
		fs := newFlags(e, "attribute", "set ...", "gloss-cli attribute set --help")
		if _, err := parse(fs, args, 0, 0); err != nil {
			return err
		}
		return errUsage{"say attribute set"}
	}
	fs := newFlags(e, "attribute set", "--span SPAN_ID --name NAME [--value VALUE] PROJECT",
		"Set an attribute of a span (span ids as span list --json shows them), checked against its\n"+
			"definition for the span's label when there is one; without --value it is removed. One undoable edit.\n"+
			"PROJECT is a project file or a server project (postgres://...).")
	span := fs.String("span", "", "span id")
	name := fs.String("name", "", "attribute name")
	value := fs.String("value", "", "the value (a choice's value, true for a yes/no attribute); none removes it")
	ann := annotatorFlag(fs)
	pos, err := parse(fs, args[1:], 1, 1)
	if err != nil {
		return err
	}
	if *span == "" || *name == "" {
		return errUsage{"--span and --name are required"}
	}
	return withStructure(pos[0], asAnnotator(existing, *ann), func(_ annotate.Project, st annotate.Structure) error {
		if err := st.SetSpanAttribute(*span, *name, *value); err != nil {
			return err
		}
		if *value == "" {
			fmt.Fprintf(e.stdout, "removed %s of span %s\n", *name, *span)
		} else {
			fmt.Fprintf(e.stdout, "set %s=%s on span %s\n", *name, *value, *span)
		}
		return nil
	})
}

func cmdAttributeDef(e *env, args []string) error {
	if len(args) > 0 && args[0] == "list" {
		return cmdAttributeDefList(e, args[1:])
	}
	if len(args) == 0 || args[0] != "add" {
		fs := newFlags(e, "attribute-def", "add|list ...", "gloss-cli attribute-def add --help, gloss-cli attribute-def list --help")
		if _, err := parse(fs, args, 0, 0); err != nil {
			return err
		}
		return errUsage{"say attribute-def add or attribute-def list"}
	}
	fs := newFlags(e, "attribute-def add", "--name NAME --kind bool|choice|text [--values A,B] [--label LABEL] PROJECT",
		"Define a span attribute for the spans of a label (of every label without --label); a choice\n"+
			"lists its --values. PROJECT is a project file or a server project (postgres://...), where only\n"+
			"its manager may.")
	name := fs.String("name", "", "attribute name")
	kind := fs.String("kind", "", "bool, choice or text")
	values := fs.String("values", "", "comma-separated values of a choice")
	label := fs.String("label", "", "the label whose spans have it (default every label)")
	pos, err := parse(fs, args[1:], 1, 1)
	if err != nil {
		return err
	}
	if *name == "" || *kind == "" {
		return errUsage{"--name and --kind are required"}
	}
	d := &annotate.AttributeDef{Label: *label, Name: *name, Kind: annotate.AttributeKind(*kind), Values: nameList(*values)}
	return withStructure(pos[0], existing, func(_ annotate.Project, st annotate.Structure) error {
		if err := st.AddAttributeDef(d); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "added attribute %s (%s)\n", d.Name, d.Kind)
		return nil
	})
}

func cmdAttributeDefList(e *env, args []string) error {
	fs := newFlags(e, "attribute-def list", "PROJECT", "List the attribute definitions: label (* for every label), name, kind, values.\n"+
		"PROJECT is a project file or a server project (postgres://...).")
	pos, err := parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	return withStructure(pos[0], existing, func(_ annotate.Project, st annotate.Structure) error {
		sc, err := st.Schema()
		if err != nil {
			return err
		}
		for _, d := range sc.AttributeDefs {
			label := d.Label
			if label == "" {
				label = "*"
			}
			fmt.Fprintf(e.stdout, "%s\t%s\t%s\t%s\n", shown(label), shown(d.Name), d.Kind, strings.Join(d.Values, ","))
		}
		return nil
	})
}
