package main

import (
	"fmt"
	"strings"

	"gloss/annotate"
	"gloss/annotate/agree"
)

func init() {
	register("curate", "fill the gold layer with the spans the annotators agree on", cmdCurate)
}

func cmdCurate(e *env, args []string) error {
	fs := newFlags(e, "curate", "[--strategy unanimous|majority] [--annotators a,b,...] PROJECT",
		"Fill the gold standard (the spans of annotator gold) with every (document, start, end, label) that\n"+
			"all (unanimous) or more than half (majority) of the compared annotators marked exactly, over every\n"+
			"document, in one transaction. The rest stays open for you to settle by hand. Gold spans are never\n"+
			"changed or duplicated, a gold span deleted or moved by hand is not brought back, and running it\n"+
			"again adds nothing. Export the result with gloss-cli export --annotator gold.")
	ann := annotatorFlag(fs)
	strategy := fs.String("strategy", string(agree.Unanimous), "unanimous or majority")
	anns := fs.String("annotators", "", "compare these annotators, comma-separated (default: every annotator with spans but gold)")
	pos, err := parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	rule, err := agree.ParseStrategy(*strategy)
	if err != nil {
		return errUsage{fmt.Sprintf("unknown --strategy %q: say unanimous or majority", *strategy)}
	}
	return withAnyProject(pos[0], asAnnotator(existing, *ann), func(p annotate.Project) error {
		c, ok := p.(annotate.Curator)
		if !ok {
			return fmt.Errorf("%s cannot curate", shownTarget(p.Path()))
		}
		r, err := c.CurateGold(string(rule), nameList(*anns))
		if err != nil {
			return err
		}
		names := make([]string, len(r.Annotators))
		for i, a := range r.Annotators {
			names[i] = shown(a)
		}
		w := e.stdout
		fmt.Fprintf(w, "curated gold from %s (%s)\n", strings.Join(names, ", "), rule)
		fmt.Fprintf(w, "  accepted: %d\n", r.Accepted)
		fmt.Fprintf(w, "  added:    %d\n", r.Added)
		fmt.Fprintf(w, "  present:  %d (already in gold)\n", r.Present)
		fmt.Fprintf(w, "  rejected: %d (gold span deleted or changed by hand; not brought back)\n", r.Rejected)
		fmt.Fprintf(w, "  open:     %d left to settle by hand (tuples some but not enough annotators marked)\n", r.Open)
		if len(r.Annotators) < 2 {
			fmt.Fprintf(e.stderr, "note: only one annotator was compared, so every span of theirs was accepted\n")
		}
		return nil
	})
}
