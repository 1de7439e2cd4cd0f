package annotate

import "time"

// The actions recorded in a project's edit log. Span edits can be undone
// and redone; the others are recorded for the audit trail only.
const (
	ActionAddSpan        = "add-span"
	ActionAddSpans       = "add-spans"     // a batch of new spans added as one edit (Spans)
	ActionDeleteSpans    = "delete-spans"  // a batch of spans removed as one edit (Spans, as they were)
	ActionRelabelSpans   = "relabel-spans" // a batch of spans given another label as one edit (Spans before, Relabeled after)
	ActionUpdateSpan     = "update-span"
	ActionDeleteSpan     = "delete-span"
	ActionUndo           = "undo" // Ref names the span edit that was undone
	ActionRedo           = "redo" // Ref names the span edit that was redone
	ActionImport         = "import"
	ActionAddDocuments   = "add-documents"
	ActionSetStatus      = "set-status"
	ActionDeleteDocument = "delete-document"
	ActionMerge          = "merge"           // other coders' project files merged in
	ActionCurate         = "curate"          // the gold layer filled by a curation rule
	ActionAddRelation    = "add-relation"    // Relations holds the relation added
	ActionDeleteRelation = "delete-relation" // Relations holds the relation removed
	// Label edits, undoable like span edits: LabelBefore and LabelAfter
	// hold the label; a deleted label's spans (as they were) are in Spans.
	ActionUpdateLabel = "update-label" // renamed, recoloured, new hotkey or description
	ActionDeleteLabel = "delete-label" // deleted, its spans moved to MoveTo
)

// Event is one entry of a project's edit log: who did what and when. For a
// span edit (and its undo or redo) Before and After hold the span as it was
// and as it became; nil means the span did not exist.
type Event struct {
	Seq        int64     // position in the log; later events have larger numbers
	At         time.Time // when, in UTC
	Annotator  string    // who
	Action     string    // what: one of the Action constants
	DocumentID string    // the document concerned, if any
	SpanID     string    // the span concerned, if any
	Before     *Span     // span edits: the span before the change (nil: it did not exist)
	After      *Span     // span edits: the span after the change (nil: it was removed)
	Detail     string    // other actions: a short account, e.g. "12 documents, 0 labels, 40 spans"
	Undone     bool      // a span edit that is currently undone
	Ref        int64     // undo and redo: the Seq of the span edit they undid or redid
	// Spans holds the spans of a batch edit (ActionAddSpans) and of its undo
	// or redo, all added, removed or re-added together; Before and After are nil.
	Spans []*Span
	// Relations holds the relation of a relation edit (and of its undo or
	// redo), and for a span delete the relations removed with the span.
	Relations []*Relation
	// Relabeled holds the spans of a relabel-spans edit as they became, in
	// the order of Spans (which holds them as they were).
	Relabeled []*Span
	// Label edits (ActionUpdateLabel, ActionDeleteLabel): the label before
	// and after (nil: it did not exist), and for a deletion the label its
	// spans moved to ("" when none carried it).
	LabelBefore, LabelAfter *Label
	MoveTo                  string
}

// IsLabelEdit reports whether the event is a label edit that undo can revert.
func (e *Event) IsLabelEdit() bool {
	return e.Action == ActionUpdateLabel || e.Action == ActionDeleteLabel
}

// IsSpanEdit reports whether the event is a span edit that undo can revert.
func (e *Event) IsSpanEdit() bool {
	return e.Action == ActionAddSpan || e.Action == ActionUpdateSpan || e.Action == ActionDeleteSpan || e.Action == ActionAddSpans ||
		e.Action == ActionDeleteSpans || e.Action == ActionRelabelSpans
}

// IsRelationEdit reports whether the event is a relation edit that undo can revert.
func (e *Event) IsRelationEdit() bool {
	return e.Action == ActionAddRelation || e.Action == ActionDeleteRelation
}

// Historian is a project whose span edits can be undone and redone across
// restarts, and whose edit log can be read as an audit trail. The store
// package implements it; the user interface asserts it on its Project.
type Historian interface {
	// Undo reverts the current annotator's most recent span edit that is
	// not undone, in one transaction, and returns that edit. With nothing
	// to undo the error has code ENOTFOUND; when the span was changed since
	// (by another annotator, or a document or label was deleted) the edit is
	// skipped from then on and the error has code ECONFLICT.
	Undo() (*Event, error)
	// Redo re-applies the most recently undone span edit and returns it.
	// A new span edit after an undo clears what can be redone. With nothing
	// to redo the error has code ENOTFOUND.
	Redo() (*Event, error)
	// History returns the newest limit events (all with limit <= 0), newest first.
	History(limit int) ([]Event, error)
	// Pending returns the span edits Undo and Redo would act on next (nil
	// when there is none), so that a menu can name them.
	Pending() (undo, redo *Event, err error)
}
