package main

import (
	"gloss/store"
)

// openProject opens an existing project file; it never creates one. The
// command line makes no rolling backup on open (a script may call it a
// thousand times); `gloss-cli backup` makes one, and import makes one first.
func openProject(path string) (*store.Store, error) {
	return store.Open(path, store.Options{NoCreate: true, NoBackup: true})
}
