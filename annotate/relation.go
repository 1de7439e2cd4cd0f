package annotate

import (
	"slices"
	"strings"
	"time"
)

// RelationType is a kind of link between two spans, defined in the
// project's schema: e.g. says (actor -> claim) or holds (actor -> prediction).
type RelationType struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Color    string `json:"color"`    // #RRGGBB, or "" for the default
	Directed bool   `json:"directed"` // false: the link has no direction (brat's symmetric relations)
	// FromLabels and ToLabels name the labels a relation's source and
	// target spans may carry (case-insensitive); empty allows any label.
	FromLabels []string `json:"from_labels,omitempty"`
	ToLabels   []string `json:"to_labels,omitempty"`
	// FromRole and ToRole name the two arguments as brat writes them;
	// empty means "Arg1" and "Arg2".
	FromRole string `json:"from_role,omitempty"`
	ToRole   string `json:"to_role,omitempty"`
}

// Roles returns the names of the source and target arguments, "Arg1" and
// "Arg2" unless the type names others.
func (t *RelationType) Roles() (from, to string) {
	from, to = t.FromRole, t.ToRole
	if from == "" {
		from = "Arg1"
	}
	if to == "" {
		to = "Arg2"
	}
	return from, to
}

// Validate checks the type's name, colour and roles.
func (t *RelationType) Validate() error {
	if err := checkName("relation type", t.Name); err != nil {
		return err
	}
	if t.Color != "" && !ValidColor(t.Color) {
		return Errorf(EINVALID, "relation type %q: colour %q is not #RRGGBB", t.Name, t.Color)
	}
	for _, r := range []string{t.FromRole, t.ToRole} {
		if strings.ContainsAny(r, " \t\r\n:") {
			return Errorf(EINVALID, "relation type %q: role %q holds a space or colon", t.Name, r)
		}
	}
	if t.FromRole != "" && t.FromRole == t.ToRole {
		return Errorf(EINVALID, "relation type %q: both roles are %q", t.Name, t.FromRole)
	}
	return nil
}

// Allows reports whether a relation of this type may go from a span
// labelled from to a span labelled to (label names); an undirected type
// also allows the other way round.
func (t *RelationType) Allows(from, to string) bool {
	ok := func(list []string, name string) bool {
		return len(list) == 0 || slices.ContainsFunc(list, func(s string) bool { return strings.EqualFold(s, name) })
	}
	if ok(t.FromLabels, from) && ok(t.ToLabels, to) {
		return true
	}
	return !t.Directed && ok(t.FromLabels, to) && ok(t.ToLabels, from)
}

// CheckLabels returns an EINVALID error when the type does not allow a
// relation between spans with these labels.
func (t *RelationType) CheckLabels(from, to string) error {
	if !t.Allows(from, to) {
		return Errorf(EINVALID, "relation type %q does not link a %q span to a %q span", t.Name, from, to)
	}
	return nil
}

// Relation links two spans of one document.
type Relation struct {
	ID         string            `json:"id"`
	DocumentID string            `json:"document_id"`
	TypeID     string            `json:"type_id"`
	From       string            `json:"from"` // span ID
	To         string            `json:"to"`   // span ID
	Annotator  string            `json:"annotator"`
	Note       string            `json:"note"`
	Attributes map[string]string `json:"attributes,omitempty"` // brat attributes on the relation
	CreatedAt  time.Time         `json:"created_at"`
	UpdatedAt  time.Time         `json:"updated_at"`
}

// NewRelation returns a relation with a fresh ID and the current time.
func NewRelation(docID, typeID, from, to string) *Relation {
	now := time.Now().UTC()
	return &Relation{ID: NewID(), DocumentID: docID, TypeID: typeID, From: from, To: to, CreatedAt: now, UpdatedAt: now}
}

// FillIn gives a relation about to be stored what it lacks: a fresh ID,
// annotator as its annotator, and at as its creation and update time.
func (r *Relation) FillIn(annotator string, at time.Time) {
	if r.ID == "" {
		r.ID = NewID()
	}
	if r.Annotator == "" {
		r.Annotator = annotator
	}
	if r.CreatedAt.IsZero() {
		r.CreatedAt = at
		r.UpdatedAt = at
	}
}

// Validate checks that the relation names its document, type and two spans.
func (r *Relation) Validate() error {
	switch {
	case r.ID == "":
		return Errorf(EINVALID, "a relation has no id")
	case r.DocumentID == "":
		return Errorf(EINVALID, "relation %s has no document", r.ID)
	case r.TypeID == "":
		return Errorf(EINVALID, "relation %s has no type", r.ID)
	case r.From == "" || r.To == "":
		return Errorf(EINVALID, "relation %s needs a source and a target span", r.ID)
	}
	return nil
}

// BatchRelation is a relation whose type is named rather than referenced by ID.
type BatchRelation struct {
	Relation
	TypeName string
}

// checkName reports why name cannot name a schema item of the given kind.
func checkName(kind, name string) error {
	switch t := strings.TrimSpace(name); {
	case t == "":
		return Errorf(EINVALID, "a %s needs a name", kind)
	case t != name:
		return Errorf(EINVALID, "%s name %q has leading or trailing space", kind, name)
	case strings.ContainsAny(name, "\t\r\n"):
		return Errorf(EINVALID, "%s name %q contains a tab or line break", kind, name)
	}
	return nil
}
