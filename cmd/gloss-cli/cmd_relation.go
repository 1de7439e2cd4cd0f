package main

import (
	"fmt"
	"strings"

	"gloss/annotate"
	"gloss/store"
)

func init() {
	register("relation", "link two spans (relation add) or list a document's relations (relation list)", cmdRelation)
	register("relation-type", "define a relation type (relation-type add)", cmdRelationType)
}

func cmdRelation(e *env, args []string) error {
	if len(args) > 0 {
		switch args[0] {
		case "add":
			return cmdRelationAdd(e, args[1:])
		case "list":
			return cmdRelationList(e, args[1:])
		}
	}
	fs := newFlags(e, "relation", "add|list ...", "gloss-cli relation add --help, gloss-cli relation list --help")
	if _, err := parse(fs, args, 0, 0); err != nil {
		return err
	}
	return errUsage{"say relation add or relation list"}
}

// structureOf is the project's structure model (relations, attributes,
// categories); both stores have one.
func structureOf(p annotate.Project) (annotate.Structure, error) {
	st, ok := p.(annotate.Structure)
	if !ok {
		return nil, fmt.Errorf("%s keeps no relations or attributes", shownTarget(p.Path()))
	}
	return st, nil
}

// withStructure opens the project target names (a file or a server URL)
// as withAnyProject does and runs fn on it and its structure model.
func withStructure(target string, opts store.Options, fn func(p annotate.Project, st annotate.Structure) error) error {
	return withAnyProject(target, opts, func(p annotate.Project) error {
		st, err := structureOf(p)
		if err != nil {
			return err
		}
		return fn(p, st)
	})
}

// relationType finds a relation type by name (case-insensitive).
func relationType(p annotate.Structure, name string) (*annotate.RelationType, error) {
	sc, err := p.Schema()
	if err != nil {
		return nil, err
	}
	for _, t := range sc.RelationTypes {
		if strings.EqualFold(t.Name, name) {
			return t, nil
		}
	}
	return nil, annotate.Errorf(annotate.ENOTFOUND, "no relation type %q (add one with gloss-cli relation-type add)", name)
}

func cmdRelationAdd(e *env, args []string) error {
	fs := newFlags(e, "relation add", "--doc TITLE_OR_ID --type NAME --from SPAN_ID --to SPAN_ID [--note TEXT] PROJECT",
		"Link two spans of a document with a relation of a defined type (span ids as span list shows them).\n"+
			"PROJECT is a project file or a server project (postgres://...).")
	doc := fs.String("doc", "", "document title or id")
	typ := fs.String("type", "", "relation type name")
	from := fs.String("from", "", "source span id")
	to := fs.String("to", "", "target span id")
	note := fs.String("note", "", "a note on the relation")
	ann := annotatorFlag(fs)
	pos, err := parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	if *doc == "" || *typ == "" || *from == "" || *to == "" {
		return errUsage{"--doc, --type, --from and --to are required"}
	}
	return withStructure(pos[0], asAnnotator(existing, *ann), func(p annotate.Project, st annotate.Structure) error {
		d, err := findDocument(p, *doc)
		if err != nil {
			return err
		}
		t, err := relationType(st, *typ)
		if err != nil {
			return err
		}
		r := annotate.NewRelation(d.ID, t.ID, *from, *to)
		r.Note = *note
		if err := st.AddRelation(r); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "added %s %s -> %s (%s)\n", t.Name, *from, *to, r.ID)
		return nil
	})
}

func cmdRelationList(e *env, args []string) error {
	fs := newFlags(e, "relation list", "--doc TITLE_OR_ID PROJECT", "List a document's relations: id, type, source and target span with their text.\n"+
		"PROJECT is a project file or a server project (postgres://...).")
	doc := fs.String("doc", "", "document title or id")
	pos, err := parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	if *doc == "" {
		return errUsage{"--doc is required"}
	}
	return withStructure(pos[0], existing, func(p annotate.Project, st annotate.Structure) error {
		d, err := findDocument(p, *doc)
		if err != nil {
			return err
		}
		sc, err := st.Schema()
		if err != nil {
			return err
		}
		names := map[string]string{}
		for _, t := range sc.RelationTypes {
			names[t.ID] = t.Name
		}
		spans, err := p.Spans(d.ID)
		if err != nil {
			return err
		}
		runes := []rune(d.Text)
		text := map[string]string{}
		for _, s := range spans {
			text[s.ID] = string(runes[s.Start:s.End])
		}
		rels, err := st.Relations(d.ID)
		if err != nil {
			return err
		}
		for _, r := range rels {
			fmt.Fprintf(e.stdout, "%s\t%s\t%s %q\t%s %q\n", r.ID, names[r.TypeID], r.From, text[r.From], r.To, text[r.To])
		}
		return nil
	})
}

func cmdRelationType(e *env, args []string) error {
	if len(args) == 0 || args[0] != "add" {
		return errUsage{"say relation-type add"}
	}
	fs := newFlags(e, "relation-type add", "--name NAME [--from-labels A,B] [--to-labels C] [--undirected] [--color #RRGGBB] PROJECT",
		"Define a relation type; --from-labels and --to-labels restrict the labels of the spans it links.\n"+
			"PROJECT is a project file or a server project (postgres://...), where only its manager may.")
	name := fs.String("name", "", "type name")
	fromL := fs.String("from-labels", "", "comma-separated labels of source spans (default any)")
	toL := fs.String("to-labels", "", "comma-separated labels of target spans (default any)")
	undirected := fs.Bool("undirected", false, "the relation has no direction")
	color := fs.String("color", "", "colour #RRGGBB")
	pos, err := parse(fs, args[1:], 1, 1)
	if err != nil {
		return err
	}
	t := &annotate.RelationType{Name: *name, Color: *color, Directed: !*undirected, FromLabels: nameList(*fromL), ToLabels: nameList(*toL)}
	return withStructure(pos[0], existing, func(_ annotate.Project, st annotate.Structure) error {
		if err := st.AddRelationType(t); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "added relation type %s\n", t.Name)
		return nil
	})
}
