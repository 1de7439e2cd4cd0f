package main

import (
	"fmt"
	"os"

	"gloss/assets"
	"gloss/store"
)

func init() {
	register("init", "create a project with the default labels", cmdInit)
}

func cmdInit(e *env, args []string) error {
	fs := newFlags(e, "init", "[--sample] PROJECT", "Create a new project file with the labels actor, claim and prediction (hotkeys 1-3).")
	sample := fs.Bool("sample", false, "also add the sample article")
	ann := annotatorFlag(fs)
	pos, err := parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	path := pos[0]
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("%s already exists; choose a new file name", path)
	}
	return withProject(path, asAnnotator(created, *ann), func(p *store.Store) error {
		if err := assets.Seed(p, *sample); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "created %s with labels actor, claim, prediction\n", path)
		return nil
	})
}
