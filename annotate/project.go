package annotate

// Project is what the user interface and the command line need from a
// project file. The store package implements it over SQLite; the app package
// depends only on this interface.
type Project interface {
	// Path is the project file's location.
	Path() string
	// ReadOnly reports whether the file was opened without write access.
	ReadOnly() bool
	// Close releases the file.
	Close() error

	// AddDocuments stores new documents in one transaction: all or none.
	AddDocuments(docs []*Document) error
	// Documents lists every document without its text, in import order,
	// with the current annotator's status.
	Documents() ([]DocumentInfo, error)
	// Document returns one document with its text.
	Document(id string) (*Document, error)
	// FindDocument returns the document with this ID, or else the one titled so.
	FindDocument(titleOrID string) (*Document, error)
	// SetStatus moves a document to another status for the current
	// annotator; each annotator has their own status of each document.
	SetStatus(id string, s Status) error
	// DeleteDocument removes a document and its spans.
	DeleteDocument(id string) error

	// Labels lists the labels in their display order.
	Labels() ([]*Label, error)
	// AddLabel appends a label at the end of the order.
	AddLabel(l *Label) error
	// UpdateLabel saves a label's name, colour, hotkey and description.
	UpdateLabel(l *Label) error
	// ReorderLabels sets the display order to the given IDs (all labels, once each).
	ReorderLabels(ids []string) error
	// DeleteLabel removes a label. When spans still carry it, moveTo names the
	// label they move to; with moveTo empty such a delete is refused.
	DeleteLabel(id, moveTo string) error

	// AddSpan stores a new span after validating it against its document.
	AddSpan(s *Span) error
	// AddSpans stores many new spans as one edit, which one Undo removes
	// whole: all of them or none on error (each is validated against its
	// document and label). A span equal to one already present (same
	// document, offsets and label) is skipped; added counts the others. A
	// call that adds nothing records no edit.
	AddSpans(spans []*Span) (added int, err error)
	// DeleteSpans removes many spans as one edit, which one Undo puts back
	// whole: all of them or none on error (an unknown ID names itself).
	DeleteSpans(ids []string) error
	// RelabelSpans gives many spans the label labelID as one edit, which one
	// Undo reverts whole: all or none on error. Spans that already carry the
	// label are left alone; a call that changes nothing records no edit.
	RelabelSpans(ids []string, labelID string) (changed int, err error)
	// UpdateSpan saves a span's offsets, label and note.
	UpdateSpan(s *Span) error
	// DeleteSpan removes a span.
	DeleteSpan(id string) error
	// Span returns one span.
	Span(id string) (*Span, error)
	// Spans lists a document's spans of every annotator (all layers) in text order.
	Spans(docID string) ([]*Span, error)

	// Import adds a batch of labels, documents and spans in one transaction.
	Import(batch *Batch) (ImportResult, error)
	// Stats counts documents by status and spans by label.
	Stats() (*Stats, error)
}

// Batch is a set of labels, documents and spans read from a file, imported
// together. Spans refer to labels by name and to documents by ID.
type Batch struct {
	Labels    []*Label
	Documents []*Document
	Spans     []*BatchSpan
	// Structure beyond spans. Relations name their type; relations, events,
	// notes, equivalences and norms refer to spans (and events) by the IDs
	// they have in the batch, which the import remaps.
	Relations     []*BatchRelation
	Events        []*TextEvent
	Notes         []*Note
	Equivs        []*Equiv
	Norms         []*Norm
	RelationTypes []*RelationType
	AttributeDefs []*AttributeDef
	CategorySets  []*CategorySet
	// Skipped counts what the file held that Gloss cannot represent and so
	// left out, by kind (e.g. "relations": 3), for the importer to report.
	Skipped map[string]int
}

// BatchSpan is a span whose label is named rather than referenced by ID.
type BatchSpan struct {
	Span
	LabelName string
}

// ImportResult says what an import added and what it skipped.
type ImportResult struct {
	Documents int // documents added
	Labels    int // labels added
	Spans     int // spans added
	Merged    int // documents already present (same ID and text, or same title and text): spans merged, not added twice
	Skipped   int // spans already present
	// Notes say, one sentence each, what the import did with what clashed:
	// a label name that matched an existing label only without regard to
	// case or Unicode form, a hotkey another label has, a label whose
	// colour or hotkey the file gives differently.
	Notes     []string
	Relations int // relations added
	Events    int // events added
}

// Stats counts a project's contents.
type Stats struct {
	Documents int
	ByStatus  map[Status]int
	Spans     int
	ByLabel   []LabelCount // in label order
}

// LabelCount is the number of spans carrying one label.
type LabelCount struct {
	Label string
	Color string
	Count int
}

// Source is what an exporter reads: the labels and every document with its
// spans, one document at a time so that large projects stream.
type Source interface {
	Labels() ([]*Label, error)
	EachDocument(fn func(doc *Document, spans []*Span) error) error
}
