package main

import (
	"gloss/store"
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
// Every command that touches a project goes through it.
func withProject(path string, opts store.Options, fn func(p *store.Store) error) (err error) {
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
