// Package records is how both project stores (the SQLite file in store and
// the PostgreSQL database in store/pgstore) write spans, span lists and span
// attributes as JSON in their edit logs, and how undo compares a span or
// label with the state it expects. One definition keeps the two stores'
// logs the same, so that gloss-cli copy can carry them across unchanged.
package records

import (
	"encoding/json"
	"maps"
	"strings"

	"gloss/annotate"
)

// IsBatch reports whether an action is a batch span edit.
func IsBatch(action string) bool {
	return action == annotate.ActionAddSpans || action == annotate.ActionDeleteSpans || action == annotate.ActionRelabelSpans
}

// BatchStates returns, for undoing or redoing a batch edit, the state each
// of its spans is in now (from) and the state it goes to (to); nil means
// absent.
func BatchStates(e *annotate.Event, undo bool) (from, to []*annotate.Span) {
	none := make([]*annotate.Span, len(e.Spans))
	switch e.Action {
	case annotate.ActionAddSpans:
		from, to = none, e.Spans
	case annotate.ActionDeleteSpans:
		from, to = e.Spans, none
	default: // relabel-spans
		from, to = e.Spans, e.Relabeled
	}
	if undo {
		from, to = to, from
	}
	return from, to
}

// BatchRecord is the before and after of the undo or redo event of a batch
// edit: its span lists as they were and as they became ("" for absent).
func BatchRecord(e *annotate.Event, undo bool) (before, after string) {
	from, to := BatchStates(e, undo)
	enc := func(l []*annotate.Span) string {
		if len(l) == 0 || l[0] == nil {
			return ""
		}
		return EncodeSpans(l)
	}
	return enc(from), enc(to)
}

// CommonDocument is the document of all the spans, or "" when they are in several.
func CommonDocument(spans []*annotate.Span) string {
	doc := spans[0].DocumentID
	for _, sp := range spans[1:] {
		if sp.DocumentID != doc {
			return ""
		}
	}
	return doc
}

// EncodeSpans is a span list as the edit log keeps it.
func EncodeSpans(spans []*annotate.Span) string {
	b, _ := json.Marshal(spans)
	return string(b)
}

// DecodeSpans reads a span list of the edit log.
func DecodeSpans(s string) ([]*annotate.Span, error) {
	var spans []*annotate.Span
	if err := json.Unmarshal([]byte(s), &spans); err != nil {
		return nil, annotate.Errorf(annotate.EINVALID, "unreadable span list: %v", err)
	}
	return spans, nil
}

// DecodeSpan reads one span of the edit log; "" is no span (nil).
func DecodeSpan(s string) (*annotate.Span, error) {
	if s == "" {
		return nil, nil
	}
	var sp annotate.Span
	if err := json.Unmarshal([]byte(s), &sp); err != nil {
		return nil, annotate.Errorf(annotate.EINVALID, "unreadable span record: %v", err)
	}
	return &sp, nil
}

// SameState reports whether a span's content (not its times) is as expected.
func SameState(cur, want *annotate.Span) bool {
	if cur == nil || want == nil {
		return cur == nil && want == nil
	}
	return cur.DocumentID == want.DocumentID && cur.Start == want.Start && cur.End == want.End &&
		cur.LabelID == want.LabelID && cur.Note == want.Note && cur.Group == want.Group && maps.Equal(cur.Attributes, want.Attributes)
}

// SameLabel reports whether a label's content (not its place) is as expected.
func SameLabel(a, b *annotate.Label) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return a.ID == b.ID && a.Name == b.Name && strings.EqualFold(a.Color, b.Color) && a.Hotkey == b.Hotkey && a.Description == b.Description
}

// EncodeAttrs is the attrs column of a span, relation or event: "" for none.
func EncodeAttrs(m map[string]string) string {
	if len(m) == 0 {
		return ""
	}
	b, _ := json.Marshal(m)
	return string(b)
}

// EncodeList is a list column (category values, equivalence members) as
// both stores keep it: JSON, "[]" for none.
func EncodeList(l []string) string {
	if len(l) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(l)
	return string(b)
}

// DecodeList reads a list column (EncodeList); an empty list is nil.
func DecodeList(s string, into *[]string) error {
	if err := json.Unmarshal([]byte(s), into); err != nil {
		return annotate.Errorf(annotate.EINVALID, "unreadable list %q: %v", s, err)
	}
	if len(*into) == 0 {
		*into = nil
	}
	return nil
}

// DecodeAttrs reads an attrs column (EncodeAttrs); "" is none.
func DecodeAttrs(s string) (map[string]string, error) {
	if s == "" {
		return nil, nil
	}
	var m map[string]string
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		return nil, annotate.Errorf(annotate.EINVALID, "unreadable attributes %q: %v", s, err)
	}
	return m, nil
}
