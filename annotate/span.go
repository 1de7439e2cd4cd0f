package annotate

import (
	"sort"
	"time"
)

// Span labels the text [Start, End) of a document, in Unicode code points.
type Span struct {
	ID         string `json:"id"`
	DocumentID string `json:"document_id"`
	Start      int    `json:"start"`
	End        int    `json:"end"`
	LabelID    string `json:"label_id"`
	Note       string `json:"note"`
	Annotator  string `json:"annotator"`
	Group      string `json:"group,omitempty"` // links the fragments of a discontinuous span
	// Attributes holds the span's attribute values by name (see
	// AttributeDef); a boolean attribute that is set has the value "true".
	Attributes map[string]string `json:"attributes,omitempty"`
	CreatedAt  time.Time         `json:"created_at"`
	UpdatedAt  time.Time         `json:"updated_at"`
}

// NewSpan returns a span with a fresh ID and the current time.
func NewSpan(docID string, start, end int, labelID string) *Span {
	now := time.Now().UTC()
	return &Span{ID: NewID(), DocumentID: docID, Start: start, End: end, LabelID: labelID, CreatedAt: now, UpdatedAt: now}
}

// CheckRange reports why [start, end) is not a span of a text of n code points.
func CheckRange(start, end, n int) error {
	switch {
	case start < 0:
		return Errorf(EINVALID, "span start %d is negative", start)
	case start >= end:
		return Errorf(EINVALID, "span [%d, %d) is empty or reversed: start must be before end", start, end)
	case end > n:
		return Errorf(EINVALID, "span end %d is past the end of the text (%d code points)", end, n)
	}
	return nil
}

// SameSpan reports whether a and b are exact duplicates: same document,
// offsets, label and annotator. Two annotators' identical spans are not
// duplicates: each annotator has their own layer.
func SameSpan(a, b *Span) bool {
	return a.DocumentID == b.DocumentID && a.Start == b.Start && a.End == b.End && a.LabelID == b.LabelID &&
		a.Annotator == b.Annotator
}

// SortSpans orders spans by start, then by longer first, then by ID, which is
// text order with enclosing spans before the spans they contain.
func SortSpans(spans []*Span) {
	sort.Slice(spans, func(i, j int) bool {
		a, b := spans[i], spans[j]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.End != b.End {
			return a.End > b.End
		}
		return a.ID < b.ID
	})
}
