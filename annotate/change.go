package annotate

import "context"

// The kinds of Change a shared project announces.
const (
	ChangeSpan     = "span"     // spans of a document were added, changed or removed
	ChangeStatus   = "status"   // an annotator's status of a document changed
	ChangeDocument = "document" // documents were added or deleted
	ChangeLabel    = "label"    // labels were added, changed, reordered or deleted
)

// Change is what another user of a shared project changed, as announced
// to the others while they have it open.
type Change struct {
	Kind       string // one of the Change constants
	DocumentID string // the document concerned ("" for documents and labels)
	Annotator  string // who made the change
}

// Watcher is a project that tells of changes made by others (other
// windows or annotators on the same server project) as they are saved.
type Watcher interface {
	// Listen calls fn for every change saved by another open project
	// until ctx is done or the connection fails; it then returns why.
	// fn runs on Listen's goroutine.
	Listen(ctx context.Context, fn func(Change)) error
}
