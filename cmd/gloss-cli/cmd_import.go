package main

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"gloss/annotate"
	"gloss/annotate/formats"
	"gloss/store"
)

func init() {
	register("import", "add documents (and their annotations) from files or folders", cmdImport)
}

func cmdImport(e *env, args []string) error {
	fs := newFlags(e, "import", "[--format auto|FORMAT] PROJECT PATH...",
		"Import .txt/.md files, folders of them (recursively), JSONL with a \"text\" field, Gloss JSON,\n"+
			"or another tool's format. Everything is imported in one transaction: on any error nothing is.\n"+
			"Formats: "+strings.Join(formats.Names(), ", "))
	format := fs.String("format", "auto", "input format; auto detects by extension and content")
	maxInput := &sizeFlag{formats.DefaultMaxInput}
	fs.Var(maxInput, "max-input-size", "refuse any single input file larger than this (e.g. 500MB, 4GiB)")
	pos, err := parse(fs, args, 2, -1)
	if err != nil {
		return err
	}
	if *format != "auto" {
		if _, err := formats.Lookup(*format); err != nil {
			return errUsage{err.Error()}
		}
	}
	return withProject(pos[0], existingWithBackup, func(p *store.Store) error {
		plan, err := formats.PlanPaths(pos[1:], *format) // the window plans its imports the same way
		if err != nil {
			return err
		}
		plan.MaxInput = maxInput.n
		batch, err := formats.Load(context.Background(), plan, nil)
		if err != nil {
			return err
		}
		res, err := p.Import(batch)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "imported %d documents, %d spans, %d new labels", res.Documents, res.Spans, res.Labels)
		if res.Merged > 0 {
			fmt.Fprintf(e.stdout, "; merged into %d documents already present", res.Merged)
		}
		if res.Skipped > 0 {
			fmt.Fprintf(e.stdout, "; skipped %d duplicate spans", res.Skipped)
		}
		fmt.Fprintln(e.stdout)
		for _, n := range res.Notes {
			fmt.Fprintf(e.stderr, "note: %s\n", n)
		}
		reportSkipped(e, batch)
		return nil
	})
}

// reportSkipped tells the user what the input held that Gloss could not keep.
func reportSkipped(e *env, b *annotate.Batch) {
	keys := make([]string, 0, len(b.Skipped))
	for k := range b.Skipped {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(e.stderr, "note: left out %d %s (Gloss cannot hold them yet)\n", b.Skipped[k], k)
	}
}
