package main

import (
	"context"
	"fmt"
	"strings"

	"gloss/store"
)

func init() {
	register("merge", "bring other coders' project files into a project (one transaction)", cmdMerge)
}

// annotatorMap is the repeatable --annotator-map OLD=NEW flag.
type annotatorMap map[string]string

func (m annotatorMap) String() string { return "" }

func (m annotatorMap) Set(v string) error {
	old, to, ok := strings.Cut(v, "=")
	if !ok || old == "" || to == "" {
		return fmt.Errorf("want OLD=NEW, got %q", v)
	}
	if _, err := resolveAnnotator(to); err != nil {
		return fmt.Errorf("the new name in %q is not a usable annotator name", v)
	}
	if prev, dup := m[old]; dup && prev != to {
		return fmt.Errorf("%s is mapped twice (to %s and %s)", old, prev, to)
	}
	m[old] = to
	return nil
}

func cmdMerge(e *env, args []string) error {
	fs := newFlags(e, "merge", "[--annotator-map OLD=NEW]... PROJECT OTHER.gloss...",
		"Bring other coders' project files into PROJECT, all in one transaction: documents matched by the\n"+
			"SHA-256 of their text (added when missing), labels by name (added when missing; PROJECT's colours\n"+
			"kept), spans with their annotators and IDs, and each annotator's document statuses (the newer wins).\n"+
			"The other files are only read. Merging a file again adds nothing. A file that is not a Gloss\n"+
			"project, or a span that does not fit its document, is refused and nothing is merged.\n"+
			"PROJECT is backed up first (gloss-cli backup --list).")
	ann := annotatorFlag(fs)
	amap := annotatorMap{}
	fs.Var(amap, "annotator-map", "rename an annotator of the other files, `OLD=NEW` (repeatable), e.g. to tell\napart two coders who both used the default name")
	pos, err := parse(fs, args, 2, -1)
	if err != nil {
		return err
	}
	return withProject(pos[0], asAnnotator(existingWithBackup, *ann), func(p *store.Store) error {
		res, err := p.MergeAll(context.Background(), pos[1:], amap)
		if err != nil {
			return err
		}
		for _, r := range res {
			printMerge(e, r)
		}
		return nil
	})
}

// printMerge says what merging one file added and matched.
func printMerge(e *env, r store.MergeResult) {
	w := e.stdout
	fmt.Fprintf(w, "merged %s\n", shown(r.File))
	fmt.Fprintf(w, "  documents: %d added, %d matched\n", r.Documents.Added, r.Documents.Matched)
	fmt.Fprintf(w, "  labels:    %d added, %d matched\n", r.Labels.Added, r.Labels.Matched)
	if len(r.Spans) == 0 {
		fmt.Fprintf(w, "  spans:     none\n")
	}
	for _, a := range r.Annotators() {
		t := r.Spans[a]
		fmt.Fprintf(w, "  spans of %s: %d added, %d matched\n", shown(a), t.Added, t.Matched)
	}
	fmt.Fprintf(w, "  statuses:  %d set, %d already here\n", r.Statuses.Added, r.Statuses.Matched)
	if len(r.Renamed) > 0 {
		ids := make([]string, len(r.Renamed))
		for i, id := range r.Renamed {
			ids[i] = shown(id)
		}
		fmt.Fprintf(w, "  renamed:   %d spans whose IDs name other spans here got new IDs: %s\n", len(ids), strings.Join(ids, ", "))
	}
}
