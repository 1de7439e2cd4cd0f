package annotate

import "strings"

// NoteAnnotator is the note type of a span's or relation's own note (brat's
// AnnotatorNotes); Span.Note and Relation.Note hold those.
const NoteAnnotator = "AnnotatorNotes"

// Note is a typed note on a span, relation or event (brat's "#1 Lemma T1
// text"): any type besides a span's or relation's own note.
type Note struct {
	ID         string `json:"id"`
	DocumentID string `json:"document_id"`
	Type       string `json:"type"`   // e.g. AnnotatorNotes, Lemma
	Target     string `json:"target"` // span, relation or event ID
	Text       string `json:"text"`
}

// Validate checks the note's type and target.
func (n *Note) Validate() error {
	if err := checkName("note type", n.Type); err != nil {
		return err
	}
	if strings.Contains(n.Type, " ") {
		return Errorf(EINVALID, "note type %q contains a space", n.Type)
	}
	if n.Target == "" || n.DocumentID == "" {
		return Errorf(EINVALID, "%s note %s has no target or document", n.Type, n.ID)
	}
	return nil
}

// Equiv is an equivalence set: spans that stand for the same thing
// (brat's "*	Equiv T1 T2"), with its type (Equiv, Alias, ...).
type Equiv struct {
	ID         string   `json:"id"`
	DocumentID string   `json:"document_id"`
	Type       string   `json:"type"`
	Members    []string `json:"members"` // span IDs
}

// Validate checks the set's type and that it has two members or more.
func (e *Equiv) Validate() error {
	if err := checkName("equivalence type", e.Type); err != nil {
		return err
	}
	if len(e.Members) < 2 {
		return Errorf(EINVALID, "%s set %s needs two members or more", e.Type, e.ID)
	}
	return nil
}

// Norm links a span (or relation or event) to an entry of an external
// resource (brat's "N1	Reference T1 Wikipedia:534366	Barack Obama").
type Norm struct {
	ID         string `json:"id"`
	DocumentID string `json:"document_id"`
	Type       string `json:"type"` // brat writes Reference
	Target     string `json:"target"`
	Resource   string `json:"resource"` // e.g. Wikipedia
	EntryID    string `json:"entry_id"` // the entry within the resource, e.g. 534366
	Text       string `json:"text"`     // the entry's name
}

// Validate checks the normalisation's target and resource.
func (n *Norm) Validate() error {
	if n.Target == "" || n.DocumentID == "" {
		return Errorf(EINVALID, "normalisation %s has no target or document", n.ID)
	}
	if n.Resource == "" || strings.ContainsAny(n.Resource+n.EntryID, " \t\r\n") || strings.Contains(n.Resource, ":") {
		return Errorf(EINVALID, "normalisation %s: resource %q:%q must be two words without spaces", n.ID, n.Resource, n.EntryID)
	}
	return nil
}
