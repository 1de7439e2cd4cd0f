package annotate

// Gold is the annotator of the gold standard: the layer curation fills.
const Gold = "gold"

// Team is a project several annotators work on, each in their own layer of
// spans and with their own status of each document. The store package
// implements it; the user interface and the command line assert it on
// their Project.
type Team interface {
	// Annotator is the current annotator: the one whose status SetStatus
	// sets and Documents reports, and who is recorded on new spans.
	Annotator() string
	// Annotators lists every annotator with at least one span, sorted.
	Annotators() ([]string, error)
	// SpansBy lists one annotator's spans of a document (one layer) in text order.
	SpansBy(docID, annotator string) ([]*Span, error)
	// StatusOf returns one annotator's status of a document (todo when
	// they never set one).
	StatusOf(docID, annotator string) (Status, error)
	// Statuses returns every status set on a document, by annotator.
	Statuses(docID string) (map[string]Status, error)
}
