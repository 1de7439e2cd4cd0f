package main

import (
	"fmt"

	"gloss/annotate"
)

func init() {
	register("stats", "count documents by status and spans by label", cmdStats)
}

func cmdStats(e *env, args []string) error {
	fs := newFlags(e, "stats", "PROJECT", "Count documents by status and spans by label.")
	pos, err := parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	return withAnyProject(pos[0], existing, func(p annotate.Project) error {
		st, err := p.Stats()
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "documents\t%d\n", st.Documents)
		for _, s := range annotate.Statuses {
			fmt.Fprintf(e.stdout, "  %s\t%d\n", s, st.ByStatus[s])
		}
		fmt.Fprintf(e.stdout, "spans\t%d\n", st.Spans)
		for _, c := range st.ByLabel {
			fmt.Fprintf(e.stdout, "  %s\t%d\n", c.Label, c.Count)
		}
		return nil
	})
}
