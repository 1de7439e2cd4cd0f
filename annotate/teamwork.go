package annotate

import "context"

// Merger is a project that can take in other coders' project files. The
// store implements it; the window asserts it on its Project (the window
// may not import the store).
type Merger interface {
	// MergeFiles brings the project files at paths into this project in one
	// transaction (everything, or nothing on error; an error names the
	// file). annotatorMap renames annotators (old name to new) on the way.
	// Merging a file twice adds nothing the second time.
	MergeFiles(ctx context.Context, paths []string, annotatorMap map[string]string) ([]MergeSummary, error)
}

// MergeSummary says what merging one project file did.
type MergeSummary struct {
	File                             string
	DocumentsAdded, DocumentsMatched int
	LabelsAdded, LabelsMatched       int
	SpansAdded, SpansMatched         map[string]int // by annotator (after the map)
	StatusesSet, StatusesMatched     int
	Renamed                          []string // span IDs taken here by another span: added under a new ID
}

// Curator is a project that can fill its gold layer by a curation rule.
// The store implements it; the window asserts it. (The agreement study
// itself is annotate/agree's type, which this package may not import: the
// window asserts the store's AgreementStudy through its own interface.)
type Curator interface {
	// CurateGold fills the gold layer with every tuple the strategy
	// ("unanimous" or "majority") accepts among the compared annotators
	// (nil: all but gold), in one transaction.
	CurateGold(strategy string, annotators []string) (CurateSummary, error)
}

// CurateSummary says what a curation run did.
type CurateSummary struct {
	Annotators []string // the compared annotators
	Accepted   int      // tuples the rule accepts
	Added      int      // gold spans added for them
	Present    int      // accepted tuples gold already had
	Rejected   int      // accepted tuples whose gold span was removed by hand: not added again
	Open       int      // disagreements left open
}
