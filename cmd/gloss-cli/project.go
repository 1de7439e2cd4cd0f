package main

import (
	"fmt"
	"strings"

	"gloss/annotate"
	"gloss/store"
	"gloss/store/pgstore"
)

// Ways the commands open a project file.
var (
	// existing opens a project that must exist. The command line makes no
	// rolling backup on open (a script may call it a thousand times);
	// `gloss-cli backup` makes one, and import makes one first.
	existing = store.Options{NoCreate: true, NoBackup: true}
	// existingWithBackup opens a project that must exist, saving a rolling
	// backup of it first.
	existingWithBackup = store.Options{NoCreate: true}
	// created opens a project, creating it when missing.
	created = store.Options{}
)

// withProject opens the project file at path with opts, runs fn on it and
// closes it, returning fn's error, or else the error of closing the file.
// Every command that needs the project file goes through it (those that
// work on server projects too go through withAnyProject); a server URL is
// refused. An empty opts.Annotator is the default annotator (see
// annotatorFlag).
func withProject(path string, opts store.Options, fn func(p *store.Store) error) (err error) {
	if pgstore.IsURL(path) {
		return fileOnly(path)
	}
	if opts.Annotator, err = resolveAnnotator(opts.Annotator); err != nil {
		return err
	}
	p, err := store.Open(path, opts)
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

// findDocument returns the document with the ID titleOrID, else the one
// document with that title; a title several documents share is refused,
// listing their IDs.
func findDocument(p annotate.Project, titleOrID string) (*annotate.Document, error) {
	infos, err := p.Documents()
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, d := range infos {
		if d.ID == titleOrID {
			return p.Document(d.ID)
		}
		if d.Title == titleOrID {
			ids = append(ids, d.ID)
		}
	}
	quoted := make([]string, len(ids))
	for i, id := range ids {
		quoted[i] = shown(id)
	}
	switch len(ids) {
	case 0:
		return nil, annotate.Errorf(annotate.ENOTFOUND, "no document titled or with id %q", titleOrID)
	case 1:
		return p.Document(ids[0])
	}
	return nil, errUsage{fmt.Sprintf("%d documents are titled %q: name one by id (%s)", len(ids), titleOrID, strings.Join(quoted, ", "))}
}
