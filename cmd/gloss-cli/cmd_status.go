package main

import (
	"fmt"
	"sort"

	"gloss/annotate"
)

func init() {
	register("status", "set your status of a document (todo, in-progress, done), or list everyone's", cmdStatus)
}

func cmdStatus(e *env, args []string) error {
	fs := newFlags(e, "status", "[--annotator A] --doc TITLE_OR_ID PROJECT [todo|in-progress|done]",
		"Set annotator A's status of a document; each annotator has their own. Without a status, list\n"+
			"every annotator's status of the document (annotator, status; those with spans but no status are todo).\n"+
			"Agreement compares by default the documents every compared annotator has marked done.")
	ann := annotatorFlag(fs)
	doc := fs.String("doc", "", "document title or id")
	pos, err := parse(fs, args, 1, 2)
	if err != nil {
		return err
	}
	if *doc == "" {
		return errUsage{"--doc is required"}
	}
	if len(pos) == 1 {
		return withAnyProject(pos[0], existing, func(p annotate.Project) error {
			return listStatuses(e, p, *doc)
		})
	}
	st := annotate.Status(pos[1])
	if !st.Valid() {
		return errUsage{fmt.Sprintf("unknown status %q: say todo, in-progress or done", pos[1])}
	}
	return withAnyProject(pos[0], asAnnotator(existing, *ann), func(p annotate.Project) error {
		d, err := findDocument(p, *doc) // with this annotator's status
		if err != nil {
			return err
		}
		before := d.Status
		if err := p.SetStatus(d.ID, st); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s: %s %s -> %s\n", shown(annotatorOf(p)), shown(d.Title), before, st)
		return nil
	})
}

// listStatuses prints every annotator's status of a document: those who set
// one, and those with spans in it who did not (todo). On a server project
// these are the annotators the role may see.
func listStatuses(e *env, p annotate.Project, titleOrID string) error {
	tm, ok := p.(annotate.Team)
	if !ok {
		return fmt.Errorf("%s keeps no statuses per annotator", shownTarget(p.Path()))
	}
	d, err := findDocument(p, titleOrID)
	if err != nil {
		return err
	}
	statuses, err := tm.Statuses(d.ID)
	if err != nil {
		return err
	}
	spans, err := p.Spans(d.ID)
	if err != nil {
		return err
	}
	for _, sp := range spans {
		if _, ok := statuses[sp.Annotator]; !ok {
			statuses[sp.Annotator] = annotate.StatusTodo
		}
	}
	if len(statuses) == 0 {
		fmt.Fprintf(e.stderr, "nobody has set a status of %s or marked a span in it: todo for everyone\n", shown(d.Title))
		return nil
	}
	names := make([]string, 0, len(statuses))
	for a := range statuses {
		names = append(names, a)
	}
	sort.Strings(names)
	for _, a := range names {
		name := shown(a)
		if a == "" {
			name = "(unknown)"
		}
		fmt.Fprintf(e.stdout, "%s\t%s\n", name, statuses[a])
	}
	return nil
}
