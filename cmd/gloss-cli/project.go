package main

import (
	"gloss/store"
)

// openProject opens an existing project file; it never creates one.
func openProject(path string) (*store.Store, error) {
	return store.Open(path, store.Options{NoCreate: true})
}
