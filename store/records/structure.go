package records

import (
	"encoding/json"
	"fmt"
	"strings"

	"gloss/annotate"
)

// RemovedRow is a row of a document's structure (a note, normalisation,
// equivalence set, text event or event argument) as it was before a span
// delete removed or changed it. After is the row as the delete left it,
// nil when the delete removed it. Rows are kept whole, seq included, as
// JSON gives them back (numbers as float64, NULL as nil), so that undo
// puts them back exactly. Both stores have these tables with the same
// columns (StructTables), so a record reads the same in either.
type RemovedRow struct {
	Table string `json:"table"`
	Row   []any  `json:"row"`
	After []any  `json:"after,omitempty"`
}

// StructTable is a structure table a span delete can reach: its columns
// and how many of them (from the first) make its key (0: the id, column 1).
type StructTable struct {
	Name, Cols string
	KeyCols    int
}

// StructTables are the tables RemovedRow names, in the order undo
// restores them: events before their arguments and before what targets them.
var StructTables = []StructTable{
	{"text_events", "seq, id, document_id, type, trigger_span, annotator, attrs", 0},
	{"event_args", "event_id, pos, role, ref_span, ref_event", 2},
	{"notes", "seq, id, document_id, type, target, text", 0},
	{"norms", "seq, id, document_id, type, target, resource, entry_id, text", 0},
	{"equivs", "seq, id, document_id, type, members", 0},
}

// FindStructTable returns the StructTable of this name.
func FindStructTable(name string) (StructTable, bool) {
	for _, t := range StructTables {
		if t.Name == name {
			return t, true
		}
	}
	return StructTable{}, false
}

// Columns returns the table's column names.
func (t StructTable) Columns() []string { return strings.Split(t.Cols, ", ") }

// Key returns the row's key: its id (column 1) or its first KeyCols columns.
func (t StructTable) Key(row []any) string {
	if t.KeyCols == 0 {
		return fmt.Sprint(row[1])
	}
	return fmt.Sprint(row[:t.KeyCols]...)
}

// KeyArgs returns the values of the row's key columns (KeyColumns).
func (t StructTable) KeyArgs(row []any) []any {
	if t.KeyCols == 0 {
		return []any{row[1]}
	}
	return row[:t.KeyCols]
}

// KeyColumns returns the names of the key columns.
func (t StructTable) KeyColumns() []string {
	if t.KeyCols == 0 {
		return []string{"id"}
	}
	return t.Columns()[:t.KeyCols]
}

// DecodeRemoved reads the removed rows of a delete-span or delete-relation
// before; an older record without them has none.
func DecodeRemoved(s string) []RemovedRow {
	var rec struct {
		Removed []RemovedRow `json:"removed"`
	}
	if s == "" || json.Unmarshal([]byte(s), &rec) != nil {
		return nil
	}
	return rec.Removed
}

// SpanRecord is a span in the edit log with, for a delete, the relations
// that went with it and the structure rows it removed or changed (Removed,
// absent in older records). Readers that expect a plain span ignore
// Relations and Removed.
type SpanRecord struct {
	*annotate.Span
	Relations []*annotate.Relation `json:"relations,omitempty"`
	Removed   []RemovedRow         `json:"removed,omitempty"`
}

// EncodeSpanRecord is a delete-span's before: the span alone when nothing
// went with it.
func EncodeSpanRecord(sp *annotate.Span, rs []*annotate.Relation, removed []RemovedRow) string {
	if len(rs) == 0 && len(removed) == 0 {
		b, _ := json.Marshal(sp)
		return string(b)
	}
	return mustJSON(SpanRecord{sp, rs, removed})
}

// RelationRecord is a relation edit's before or after in the edit log; a
// delete's before keeps the notes and normalisations that went with the
// relation (Removed, absent in older records).
type RelationRecord struct {
	Relation *annotate.Relation `json:"relation"`
	Removed  []RemovedRow       `json:"removed,omitempty"`
}

const relationPrefix = `{"relation":`

// EncodeRelation is a relation edit's before or after: "" for none.
func EncodeRelation(r *annotate.Relation, removed []RemovedRow) string {
	if r == nil {
		return ""
	}
	return mustJSON(RelationRecord{r, removed})
}

// IsRelationRecord reports whether an events before or after holds a relation.
func IsRelationRecord(s string) bool { return strings.HasPrefix(s, relationPrefix) }

// DecodeRecordRelations reads the relations of an edit log record: the
// relation of a relation edit, or those a span delete removed.
func DecodeRecordRelations(s string) ([]*annotate.Relation, error) {
	if IsRelationRecord(s) {
		var rec RelationRecord
		if err := json.Unmarshal([]byte(s), &rec); err != nil || rec.Relation == nil {
			return nil, annotate.Errorf(annotate.EINVALID, "unreadable relation record: %v", err)
		}
		return []*annotate.Relation{rec.Relation}, nil
	}
	var rec struct {
		Relations []*annotate.Relation `json:"relations"`
	}
	if s == "" || json.Unmarshal([]byte(s), &rec) != nil {
		return nil, nil
	}
	return rec.Relations, nil
}

// RelationStepRecord returns the before and after of the undo or redo of
// relation edit e.
func RelationStepRecord(e *annotate.Event, undo bool) (before, after string) {
	rec := mustJSON(RelationRecord{Relation: e.Relations[0]})
	if undo == (e.Action == annotate.ActionDeleteRelation) {
		return "", rec
	}
	return rec, ""
}

// BatchExtras is what a delete-spans record keeps in its after: the
// relations and the structure rows that went with the spans. Records
// without it undo as before: the spans come back alone.
type BatchExtras struct {
	Removed   []RemovedRow         `json:"removed,omitempty"`
	Relations []*annotate.Relation `json:"relations,omitempty"`
}

// Encode returns the extras as the edit log keeps them ("" when none).
func (b BatchExtras) Encode() string {
	if len(b.Relations) == 0 && len(b.Removed) == 0 {
		return ""
	}
	return mustJSON(b)
}

// DecodeBatchExtras reads a delete-spans after; an unreadable one has none.
func DecodeBatchExtras(s string) BatchExtras {
	var ex BatchExtras
	if s != "" && json.Unmarshal([]byte(s), &ex) != nil {
		return BatchExtras{}
	}
	return ex
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only records of plain strings, numbers and times are encoded
	}
	return string(b)
}
