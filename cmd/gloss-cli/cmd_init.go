package main

import (
	"context"
	"fmt"
	"os"

	"gloss/assets"
	"gloss/store"
	"gloss/store/pgstore"
)

// initServer creates a project with the default labels in an empty database.
func initServer(e *env, url, annotator string, sample bool) error {
	ann, err := resolveAnnotator(annotator)
	if err != nil {
		return err
	}
	p, err := pgstore.Init(context.Background(), url, pgstore.Options{Annotator: ann})
	if err != nil {
		return err
	}
	defer p.Close()
	if err := assets.Seed(p, sample); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "created %s with labels actor, claim, prediction\n", p.Path())
	return nil
}

func init() {
	register("init", "create a project with the default labels", cmdInit)
}

func cmdInit(e *env, args []string) error {
	fs := newFlags(e, "init", "[--sample] PROJECT", "Create a new project file with the labels actor, claim and prediction (hotkeys 1-3). PROJECT may\n"+
		"also be a server URL (postgres://USER@HOST/DATABASE): the project is created in that database,\n"+
		"which must be empty (create it with createdb); a database with tables of its own is refused.")
	sample := fs.Bool("sample", false, "also add the sample article")
	ann := annotatorFlag(fs)
	pos, err := parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	path := pos[0]
	if pgstore.IsURL(path) {
		return initServer(e, path, *ann, *sample)
	}
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
