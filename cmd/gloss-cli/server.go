package main

import (
	"context"
	"fmt"

	"gloss/annotate"
	"gloss/store"
	"gloss/store/pgstore"
)

// withAnyProject opens the project target names, a project file or a
// server project (a postgres:// or postgresql:// URL), runs fn on it and
// closes it. Commands that need only the annotate interfaces go through
// it; those that need the project file go through withProject, which
// refuses a URL. A server project is never created here (gloss-cli init
// does that); opts.ReadOnly and opts.Annotator apply to both.
func withAnyProject(target string, opts store.Options, fn func(p annotate.Project) error) (err error) {
	if !pgstore.IsURL(target) {
		return withProject(target, opts, func(p *store.Store) error { return fn(p) })
	}
	if opts.Annotator, err = resolveAnnotator(opts.Annotator); err != nil {
		return err
	}
	p, err := pgstore.Open(context.Background(), target, pgstore.Options{Annotator: opts.Annotator, ReadOnly: opts.ReadOnly})
	if err != nil {
		return err
	}
	defer func() {
		if cerr := p.Close(); err == nil {
			err = cerr
		}
	}()
	return fn(p)
}

// onServer names the commands that work on server projects too.
var onServer = map[string]bool{
	"attribute": true, "attribute-def": true, "relation": true, "relation-type": true,
	"agree": true, "annotate": true, "concordance": true, "copy": true, "curate": true, "export": true, "history": true, "import": true,
	"init": true, "labels": true, "member": true, "redo": true, "search": true, "span": true, "stats": true, "status": true,
	"undo": true,
}

// refuseServer refuses a server URL among the arguments of a command that
// works on project files only, before the command runs.
func refuseServer(name string, args []string) error {
	if onServer[name] {
		return nil
	}
	for _, a := range args {
		if pgstore.IsURL(a) {
			return errUsage{fmt.Sprintf("%s is a server project: gloss-cli %s works on project files, not yet on server projects", pgstore.Redact(a), name)}
		}
	}
	return nil
}

// fileOnly is the error for a server project given to a command that
// works on project files only (exit 2, as for other usage errors).
func fileOnly(target string) error {
	return errUsage{fmt.Sprintf("%s is a server project: this command works on project files, not yet on server projects", pgstore.Redact(target))}
}

// annotatorOf is the name a project records on new spans and edits.
func annotatorOf(p annotate.Project) string {
	if a, ok := p.(interface{ Annotator() string }); ok {
		return a.Annotator()
	}
	return ""
}

// labelByName returns the label called name, compared as label names are
// (without regard to case or Unicode form).
func labelByName(p annotate.Project, name string) (*annotate.Label, error) {
	labels, err := p.Labels()
	if err != nil {
		return nil, err
	}
	key := annotate.LabelKey(name)
	for _, l := range labels {
		if annotate.LabelKey(l.Name) == key {
			return l, nil
		}
	}
	return nil, annotate.Errorf(annotate.ENOTFOUND, "no label named %q", name)
}

// historian is the project's undo and edit log, when its store keeps one.
func historian(p annotate.Project) (annotate.Historian, error) {
	h, ok := p.(annotate.Historian)
	if !ok {
		return nil, fmt.Errorf("%s keeps no edit log", p.Path())
	}
	return h, nil
}

// shownTarget is a project path, or a server URL without its password.
func shownTarget(target string) string {
	if pgstore.IsURL(target) {
		return pgstore.Redact(target)
	}
	return target
}
