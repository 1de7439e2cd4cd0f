package annotate

// Pager lists a large project's documents a page at a time, in an order
// and with a filter the project's indexes serve, so that the documents
// list costs the same at a thousand and at a million documents. The store
// implements it with keyset pagination: a page continues after the last
// row of the one before, never by skipping rows (OFFSET).
type Pager interface {
	// DocumentsPage returns up to limit documents (without text) after
	// the cursor, in the order sort says, that pass filter, and the cursor
	// to pass for the next page (its Done is true after the last page).
	// The zero Cursor starts at the beginning.
	DocumentsPage(after Cursor, limit int, filter DocFilter, sort DocSort) ([]DocumentInfo, Cursor, error)
	// Count returns how many documents pass filter.
	Count(filter DocFilter) (int, error)
}

// DocFilter says which documents a page lists; the zero value lists all.
type DocFilter struct {
	// Status keeps documents with this status for the current annotator
	// ("" keeps all).
	Status Status
	// Sample keeps documents in the project's sample.
	Sample bool
	// AssignedTo keeps documents assigned to this annotator ("" keeps all).
	AssignedTo string
}

// SortKey is what a documents page is ordered by.
type SortKey int

// The orders a documents page can be listed in; ties are broken by import
// order (by ID for SortStatus).
const (
	SortImport    SortKey = iota // import order
	SortTitle                    // title, by byte order of its UTF-8
	SortDate                     // last change
	SortStatus                   // the current annotator's status: todo, in-progress, done
	SortSpanCount                // span count (all annotators)
)

// DocSort is the order of a documents page.
type DocSort struct {
	By   SortKey
	Desc bool // descending
}

// Cursor marks where a documents page ended. Treat it as opaque: pass the
// one DocumentsPage returned, with the same filter and sort, to get the
// next page.
type Cursor struct {
	// Done is true when there is no next page.
	Done bool
	// Set is true once a page has been read (the zero Cursor starts at the beginning).
	Set  bool
	Text string // the last row's sort key, when it is text
	Num  int64  // the last row's sort key, when it is a number
	Seq  int64  // the last row's import position
	ID   string // the last row's ID (status order)
}
