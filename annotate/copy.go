package annotate

import "time"

// A whole project passes from one store to another (a project file to a
// server and back) as a dump: the labels and schema first, then each
// document with everything that belongs to it, then the edit log, with
// every ID, offset, annotator and time kept, so that the copy is the same
// project (undo keeps working on it, its history reads the same).
// Documents are sent one at a time, so a large project need not fit in
// memory.

// DumpHeader is what a project holds besides its documents.
type DumpHeader struct {
	Labels []*Label // in display order, with their IDs and Order
	// Schema holds the relation types, attribute definitions and category
	// sets; nil or empty when the project has none (or its store keeps none).
	Schema *Schema
}

// DocumentDump is one document with everything that belongs to it.
type DocumentDump struct {
	// Document is the document with its text, metadata and times; Status
	// is the document's own stored status, not any annotator's.
	Document *Document
	// Statuses are the annotators' statuses of the document.
	Statuses []AnnotatorStatus
	// Spans are the spans of every annotator, with their IDs.
	Spans []*Span
	// Structure holds the relations, events, notes, equivalences and
	// normalisations; nil when there are none. Document.Categories holds
	// the document's categories.
	Structure *DocStructure
	// ArgPos gives, for each event whose arguments are not stored at
	// positions 0, 1, 2, ... (a span delete that undo can reverse took one),
	// the stored position of each of its arguments, so that the copy's
	// edit log still matches it; nil when every event's are.
	ArgPos map[string][]int
}

// AnnotatorStatus is one annotator's status of a document.
type AnnotatorStatus struct {
	Annotator string
	Status    Status
	UpdatedAt time.Time
}

// The states of an edit in the log (LogEntry.State).
const (
	LogInEffect = 0 // in effect: Undo would revert it
	LogUndone   = 1 // undone: Redo would re-apply it
	LogReplaced = 2 // undone and replaced by a newer edit: cannot be redone
	LogSkipped  = 3 // could not be undone, and is skipped from then on
)

// LogEntry is one entry of the edit log as the stores keep it. Before and
// After are the entry's records (JSON for span and label edits, text for
// the others) in the form every store shares, carried as they are so that
// undo and redo work on the copy as on the original.
type LogEntry struct {
	Seq        int64
	At         time.Time
	Annotator  string
	Action     string // one of the Action constants
	DocumentID string
	SpanID     string
	Before     string
	After      string
	State      int   // one of the Log constants
	Ref        int64 // undo and redo: the Seq of the edit undone or redone
}

// DumpWriter receives a dump: Header once, then Document for each
// document in the project's order, then LogEntry for each entry of the
// edit log in order. An error stops the dump and is returned by Dump.
type DumpWriter interface {
	Header(h *DumpHeader) error
	Document(d *DocumentDump) error
	LogEntry(e *LogEntry) error
}

// Dumper is a project that can send its whole contents to a DumpWriter.
type Dumper interface {
	// Dump sends the whole project, as one consistent state of it, to w.
	Dump(w DumpWriter) error
}

// Loader is a project that can be filled with another project's dump.
type Loader interface {
	// Load fills this project, which must be empty (no labels, documents
	// or edit log), with what src dumps, in one transaction: everything or,
	// on any error, nothing. What this store cannot keep (structure in a
	// store without it) is refused with an EINVALID error naming it, never
	// left out silently.
	Load(src Dumper) error
	// Empty reports whether the project has no labels, documents or edits.
	Empty() (bool, error)
}
