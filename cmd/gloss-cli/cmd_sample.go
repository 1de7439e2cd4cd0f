package main

import (
	"fmt"
	"sort"
	"strings"

	"gloss/store"
)

func init() {
	register("sample", "draw a reproducible (stratified) sample of documents and assign it to annotators", cmdSample)
}

func cmdSample(e *env, args []string) error {
	fs := newFlags(e, "sample", "--n N [--seed S] [--by FIELD] [--assign a,b,c] [--overlap K] PROJECT | --list PROJECT",
		"Replace the project's sample with N documents drawn at random, reproducibly from the seed.\n"+
			"--by FIELD stratifies by a metadata field: each value gets a share proportional to its\n"+
			"documents (those without the field are one stratum). --assign shares the sample among the\n"+
			"annotators: the first K drawn (--overlap) go to every one of them, for agreement, each\n"+
			"other one to one annotator in turn. --list prints the sample: position, title, stratum,\n"+
			"annotators (tab-separated).")
	n := fs.Int("n", 0, "documents to draw")
	seed := fs.Int64("seed", 1, "random seed: the same seed draws the same sample")
	by := fs.String("by", "", "metadata field to stratify by")
	assign := fs.String("assign", "", "comma-separated annotators to share the sample among")
	overlap := fs.Int("overlap", 0, "documents every annotator codes")
	list := fs.Bool("list", false, "print the sample instead of drawing one")
	pos, err := parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	if *list {
		return withProject(pos[0], existing, func(p *store.Store) error {
			entries, err := p.Sample()
			if err != nil {
				return err
			}
			for _, en := range entries {
				fmt.Fprintf(e.stdout, "%d\t%s\t%s\t%s\n", en.Ord, shown(en.Title), shown(en.Stratum), strings.Join(en.Annotators, ","))
			}
			return nil
		})
	}
	if *n < 1 {
		return errUsage{"--n must be 1 or more (or give --list)"}
	}
	var names []string
	if *assign != "" {
		for _, a := range strings.Split(*assign, ",") {
			names = append(names, strings.TrimSpace(a))
		}
	}
	o := store.SampleOptions{N: *n, Seed: *seed, By: *by, Assign: names, Overlap: *overlap}
	return withProject(pos[0], existingWithBackup, func(p *store.Store) error {
		res, err := p.DrawSample(o)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "sampled %d documents (seed %d)\n", res.Drawn, *seed)
		if *by != "" {
			fmt.Fprint(e.stdout, counts("  "+*by, res.Strata, "(none)"))
		}
		if len(names) > 0 {
			fmt.Fprint(e.stdout, counts("  assigned", res.Assigned, ""))
		}
		return nil
	})
}

// counts prints one "prefix key: n" line per key, sorted.
func counts(prefix string, m map[string]int, empty string) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		name := k
		if name == "" {
			name = empty
		}
		fmt.Fprintf(&b, "%s %s: %d\n", prefix, shown(name), m[k])
	}
	return b.String()
}
