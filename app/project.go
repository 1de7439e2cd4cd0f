// Package app is the Gloss desktop window: the annotated text, the label
// bar, the document and span panels, the label editor, undo and redo,
// import and export. It depends on the domain package annotate and on the
// Project interface below, never on the store that implements it.
package app

import "gloss/annotate"

// Project is what the window needs from an open project file: the
// annotate.Project operations, the streaming Source that exports read, and
// the edit log (annotate.Historian) that undo and redo go through, so that
// undo survives a restart. *store.Store satisfies it.
type Project interface {
	annotate.Project
	annotate.Source
	annotate.Historian
}

// Opener opens the project file at path, creating an empty one when the file
// does not exist. cmd/gloss passes one that calls store.Open.
type Opener func(path string) (Project, error)
