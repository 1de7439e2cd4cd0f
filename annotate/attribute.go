package annotate

import (
	"maps"
	"slices"
	"strings"
)

// AttributeKind is the kind of value an attribute holds.
type AttributeKind string

// The kinds of attribute.
const (
	AttrBool   AttributeKind = "bool"   // present ("true") or absent: brat's binary attributes (Negation)
	AttrChoice AttributeKind = "choice" // one of Values (certainty: low, medium, high)
	AttrText   AttributeKind = "text"   // free text
)

// The scopes an attribute definition applies to.
const (
	ScopeSpan     = ""         // spans (of Label, or of every label)
	ScopeEvent    = "event"    // events (brat's Arg:<EVENT>)
	ScopeRelation = "relation" // relations
)

// AttrTrue is the value of a boolean attribute that is set.
const AttrTrue = "true"

// AttributeDef defines an attribute that spans of a label carry.
type AttributeDef struct {
	ID     string        `json:"id"`
	Label  string        `json:"label"` // label name; "" for every label
	Name   string        `json:"name"`
	Kind   AttributeKind `json:"kind"`
	Values []string      `json:"values,omitempty"` // for AttrChoice
	Scope  string        `json:"scope,omitempty"`  // ScopeSpan, ScopeEvent or ScopeRelation
}

// Validate checks the definition's name, kind and values.
func (d *AttributeDef) Validate() error {
	if err := checkName("attribute", d.Name); err != nil {
		return err
	}
	switch d.Kind {
	case AttrBool, AttrText:
	case AttrChoice:
		if len(d.Values) == 0 {
			return Errorf(EINVALID, "attribute %q is a choice but lists no values", d.Name)
		}
		for i, v := range d.Values {
			if v == "" || slices.Contains(d.Values[:i], v) {
				return Errorf(EINVALID, "attribute %q: value %q is empty or listed twice", d.Name, v)
			}
		}
	default:
		return Errorf(EINVALID, "attribute %q: unknown kind %q (want bool, choice or text)", d.Name, d.Kind)
	}
	switch d.Scope {
	case ScopeSpan, ScopeEvent, ScopeRelation:
	default:
		return Errorf(EINVALID, "attribute %q: unknown scope %q", d.Name, d.Scope)
	}
	return nil
}

// AppliesTo reports whether the definition is for spans of the named label.
func (d *AttributeDef) AppliesTo(label string) bool {
	return d.Scope == ScopeSpan && (d.Label == "" || strings.EqualFold(d.Label, label))
}

// CheckValue reports why value cannot be this attribute's value; "" (unset)
// is always allowed.
func (d *AttributeDef) CheckValue(value string) error {
	switch {
	case value == "":
	case d.Kind == AttrBool && value != AttrTrue:
		return Errorf(EINVALID, "attribute %q is on or off: value %q must be %q", d.Name, value, AttrTrue)
	case d.Kind == AttrChoice && !slices.Contains(d.Values, value):
		return Errorf(EINVALID, "attribute %q: %q is not one of %s", d.Name, value, strings.Join(d.Values, ", "))
	case strings.ContainsAny(value, "\r\n") && d.Kind != AttrText:
		return Errorf(EINVALID, "attribute %q: value holds a line break", d.Name)
	}
	return nil
}

// FindAttributeDef returns the definition of the attribute name for spans
// of the named label: the label's own before one for every label; nil when
// there is none.
func FindAttributeDef(defs []*AttributeDef, label, name string) *AttributeDef {
	var any *AttributeDef
	for _, d := range defs {
		if d.Name != name || d.Scope != ScopeSpan {
			continue
		}
		if d.Label != "" && strings.EqualFold(d.Label, label) {
			return d
		}
		if d.Label == "" && any == nil {
			any = d
		}
	}
	return any
}

// WithAttribute returns a copy of attrs with name set to value (removed
// when value is ""), and whether that changed anything. attrs itself is
// left as it is.
func WithAttribute(attrs map[string]string, name, value string) (map[string]string, bool) {
	out := maps.Clone(attrs)
	if value == "" {
		delete(out, name)
	} else {
		if out == nil {
			out = map[string]string{}
		}
		out[name] = value
	}
	return out, !maps.Equal(out, attrs)
}
