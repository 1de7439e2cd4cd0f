package main

import (
	"context"
	"fmt"

	"gloss/store"
)

func init() {
	register("index", "build the full-text index of a project made before it existed", cmdIndex)
}

func cmdIndex(e *env, args []string) error {
	fs := newFlags(e, "index", "PROJECT",
		"Build the full-text index (search, title search) of the documents it does not hold yet:\n"+
			"a project made by an older Gloss gets the index empty. Searches are exact without it,\n"+
			"only slower. Progress goes to standard error; an interrupted build continues next time.")
	pos, err := parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	return withProject(pos[0], existing, func(p *store.Store) error {
		built, err := p.IndexBuilt()
		if err != nil {
			return err
		}
		if built {
			fmt.Fprintln(e.stdout, "the index is complete")
			return nil
		}
		last := -1
		err = p.BuildIndex(context.Background(), func(done, total int) {
			if pct := done * 100 / max(total, 1); pct != last {
				last = pct
				fmt.Fprintf(e.stderr, "\rindexing: %d of %d documents (%d%%)", done, total, pct)
			}
		})
		fmt.Fprintln(e.stderr)
		if err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, "the index is complete")
		return nil
	})
}
