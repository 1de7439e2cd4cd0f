package annotate

import "context"

// The interfaces below are what a window needs to work on a corpus of a
// million documents without reading every row: indexes that narrow a
// search, and checks and index builds that run in the background. The
// store implements them; a project without them is read whole.

// TitleSearcher narrows a title search through an index.
type TitleSearcher interface {
	// TitleCandidates returns up to limit documents (without text, with
	// the current annotator's status) whose title may match query, for a
	// fuzzy matcher to rank; the cost does not grow with the corpus.
	TitleCandidates(query string, limit int) ([]DocumentInfo, error)
}

// TextQuery is what a full-text search looks for: literal text, compared
// case-insensitively unless CaseSensitive, anywhere unless WholeWord.
type TextQuery struct {
	Text          string
	CaseSensitive bool
	WholeWord     bool
}

// TextHit is one hit of a full-text search: the code points [Start, End)
// of the document's text.
type TextHit struct {
	Start, End int
}

// TextSearcher searches every document's text through a full-text index.
type TextSearcher interface {
	// SearchTexts calls fn with each document holding q, in import order,
	// and its hits in text order, until fn returns false, limit hits
	// (0: no limit) were given or ctx is cancelled (then it returns ctx's
	// error).
	SearchTexts(ctx context.Context, q TextQuery, limit int, fn func(doc *Document, hits []TextHit) bool) error
}

// Checker runs the full integrity check of a project.
type Checker interface {
	// CheckProject lists every problem found in the project, one line
	// each naming the damaged row; none is a healthy project. The error is
	// for a check that could not run.
	CheckProject(ctx context.Context) ([]string, error)
}

// Indexer builds a project's full-text index, which a project made before
// the index existed (or a big import) leaves incomplete.
type Indexer interface {
	// IndexBuilt reports whether the index holds every document.
	IndexBuilt() (bool, error)
	// BuildIndex completes the index, calling progress after each batch,
	// until done or ctx is cancelled.
	BuildIndex(ctx context.Context, progress func(done, total int)) error
}
