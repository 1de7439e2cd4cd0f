package pgstore

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"

	"gloss/annotate"
	"gloss/store/records"
)

// What a span or relation delete takes with it is recorded as
// records.RemovedRow, as in the project file, so that undo puts it back
// and a copy between the stores carries the record unchanged.

// structWhere selects a structure table's rows in documents $1 (an array).
var structWhere = map[string]string{
	"text_events": "document_id = ANY($1)",
	"event_args":  "event_id IN (SELECT id FROM text_events WHERE document_id = ANY($1))",
	"notes":       "document_id = ANY($1)",
	"norms":       "document_id = ANY($1)",
	"equivs":      "document_id = ANY($1)",
}

// readStructRows returns the rows of one table that where selects, in the
// form JSON gives back (numbers as float64), so that rows read now compare
// equal to rows read from the edit log.
func readStructRows(ctx context.Context, q conn, t records.StructTable, where string, args ...any) ([][]any, error) {
	rows, err := q.Query(ctx, `SELECT `+t.Cols+` FROM `+t.Name+` WHERE `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", t.Name, err)
	}
	defer rows.Close()
	var out [][]any
	for rows.Next() {
		row, err := rows.Values()
		if err != nil {
			return nil, err
		}
		for i, v := range row {
			switch v := v.(type) {
			case int64:
				row[i] = float64(v)
			case int32:
				row[i] = float64(v)
			}
		}
		out = append(out, row)
	}
	return out, rows.Err()
}

// captureRemoved runs del and returns the structure rows of documents
// docIDs that it removed or changed, as they were before.
func captureRemoved(ctx context.Context, tx pgx.Tx, docIDs []string, del func() error) ([]records.RemovedRow, error) {
	before := map[string][][]any{}
	for _, t := range records.StructTables {
		rows, err := readStructRows(ctx, tx, t, structWhere[t.Name], docIDs)
		if err != nil {
			return nil, err
		}
		before[t.Name] = rows
	}
	if err := del(); err != nil {
		return nil, err
	}
	var out []records.RemovedRow
	for _, t := range records.StructTables {
		rows, err := readStructRows(ctx, tx, t, structWhere[t.Name], docIDs)
		if err != nil {
			return nil, err
		}
		after := map[string][]any{}
		for _, r := range rows {
			after[t.Key(r)] = r
		}
		for _, r := range before[t.Name] {
			a, ok := after[t.Key(r)]
			switch {
			case !ok:
				out = append(out, records.RemovedRow{Table: t.Name, Row: r})
			case !reflect.DeepEqual(a, r):
				out = append(out, records.RemovedRow{Table: t.Name, Row: r, After: a})
			}
		}
	}
	return out, nil
}

// dropDependents removes what is on targets (relations or events) and on
// spans, before they go: the notes and normalisations on them, on the
// relations of the spans and on the events they trigger, and the spans'
// memberships of equivalence sets (a set left with fewer than two goes).
// It runs while they are still there, since a member sees (and may
// remove) a note only while they see what it is on.
func dropDependents(ctx context.Context, tx pgx.Tx, targets, spans []string) error {
	gone := append(slices.Clone(targets), spans...)
	if len(spans) > 0 {
		rows, err := tx.Query(ctx, `SELECT id FROM relations WHERE from_span = ANY($1) OR to_span = ANY($1)
			UNION ALL SELECT id FROM text_events WHERE trigger_span = ANY($1)`, spans)
		if err != nil {
			return err
		}
		ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			return err
		}
		gone = append(gone, ids...)
	}
	for _, table := range []string{"notes", "norms"} {
		if _, err := tx.Exec(ctx, `DELETE FROM `+table+` WHERE target = ANY($1)`, gone); err != nil {
			return err
		}
	}
	if len(spans) == 0 {
		return nil
	}
	rows, err := tx.Query(ctx, `SELECT id, members FROM equivs WHERE EXISTS (SELECT 1 FROM json_array_elements_text(members::json) m (id) WHERE m.id = ANY($1))`, spans)
	if err != nil {
		return err
	}
	type set struct{ ID, Members string }
	sets, err := pgx.CollectRows(rows, pgx.RowToStructByPos[set])
	if err != nil {
		return err
	}
	for _, e := range sets {
		var members []string
		if err := json.Unmarshal([]byte(e.Members), &members); err != nil {
			return damagedRow("equivalence set", e.ID, "its members are not a JSON list")
		}
		kept := slices.DeleteFunc(members, func(m string) bool { return slices.Contains(spans, m) })
		if len(kept) < 2 {
			_, err = tx.Exec(ctx, `DELETE FROM equivs WHERE id = $1`, e.ID)
		} else {
			_, err = tx.Exec(ctx, `UPDATE equivs SET members = $1 WHERE id = $2`, encodeList(kept), e.ID)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// sameRow reports whether a row is as a record has it; seq, which a copy
// between stores renumbers, is left out.
func sameRow(t records.StructTable, a, b []any) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	if t.KeyCols == 0 && len(a) > 0 && len(b) > 0 {
		a, b = a[1:], b[1:]
	}
	return reflect.DeepEqual(a, b)
}

// removedConflict returns why the removed rows cannot go back: one is no
// longer as the delete left it (present again, or changed since).
func removedConflict(ctx context.Context, tx pgx.Tx, removed []records.RemovedRow) (string, error) {
	for _, r := range removed {
		t, ok := records.FindStructTable(r.Table)
		if !ok {
			return fmt.Sprintf("the edit log names an unknown table %q", r.Table), nil
		}
		cur, err := readStructRows(ctx, tx, t, keyWhere(t), pgArgs(t.KeyArgs(r.Row))...)
		if err != nil {
			return "", err
		}
		var now []any
		if len(cur) > 0 {
			now = cur[0]
		}
		if !sameRow(t, now, r.After) {
			return fmt.Sprintf("%s %s was changed since", strings.TrimSuffix(r.Table, "s"), t.Key(r.Row)), nil
		}
	}
	return "", nil
}

func keyWhere(t records.StructTable) string {
	var w []string
	for i, c := range t.KeyColumns() {
		w = append(w, fmt.Sprintf("%s = $%d", c, i+1))
	}
	return strings.Join(w, " AND ")
}

// pgArgs gives JSON's numbers back as integers, for integer columns.
func pgArgs(row []any) []any {
	out := make([]any, len(row))
	for i, v := range row {
		if f, ok := v.(float64); ok {
			out[i] = int64(f)
		} else {
			out[i] = v
		}
	}
	return out
}

// restoreRemoved puts the removed rows back as they were. A row whose
// span or event is gone is left out (as restoreRelations leaves out
// relations whose spans are gone), and so is a note or normalisation on
// it; an equivalence set keeps the members still there.
func restoreRemoved(ctx context.Context, tx pgx.Tx, removed []records.RemovedRow) error {
	for _, t := range records.StructTables {
		cols := t.Columns()
		marks := make([]string, len(cols))
		for i := range cols {
			marks[i] = fmt.Sprintf("$%d", i+1)
		}
		insert := `INSERT INTO ` + t.Name + `(` + t.Cols + `) VALUES (` + strings.Join(marks, ", ") + `)`
		for _, r := range removed {
			if r.Table != t.Name || len(r.Row) != len(cols) {
				continue
			}
			if r.After != nil {
				if _, err := tx.Exec(ctx, `DELETE FROM `+t.Name+` WHERE `+keyWhere(t), pgArgs(t.KeyArgs(r.Row))...); err != nil {
					return err
				}
			}
			row, ok, err := restorable(ctx, tx, t.Name, pgArgs(r.Row))
			if err != nil {
				return err
			}
			if !ok {
				continue
			}
			if _, err := savepoint(ctx, tx, func() (string, error) {
				_, err := tx.Exec(ctx, insert, row...)
				if isForeignKey(err) { // its span or event is gone
					return "gone", nil
				}
				return "", err
			}); err != nil {
				return err
			}
		}
	}
	return nil
}

// restorable returns a removed row as it can go back: a note or
// normalisation whose target is gone cannot; an equivalence set keeps its
// members that are still there, and needs two.
func restorable(ctx context.Context, tx pgx.Tx, table string, row []any) ([]any, bool, error) {
	switch table {
	case "notes", "norms":
		var ok bool
		err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM spans WHERE id = $1) OR EXISTS (SELECT 1 FROM relations WHERE id = $1)
			OR EXISTS (SELECT 1 FROM text_events WHERE id = $1)`, row[4]).Scan(&ok)
		return row, ok, err
	case "equivs":
		members, _ := row[4].(string)
		var list []string
		if json.Unmarshal([]byte(members), &list) != nil {
			return nil, false, annotate.Errorf(annotate.EINVALID, "the edit log holds an unreadable equivalence set %v", row[1])
		}
		rows, err := tx.Query(ctx, `SELECT m.id FROM unnest($1::text[]) WITH ORDINALITY m (id, n) WHERE EXISTS (SELECT 1 FROM spans WHERE id = m.id) ORDER BY m.n`, list)
		if err != nil {
			return nil, false, err
		}
		kept, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil || len(kept) < 2 {
			return nil, false, err
		}
		out := slices.Clone(row)
		if len(kept) != len(list) {
			out[4] = encodeList(kept)
		}
		return out, true, nil
	}
	return row, true, nil
}

// restoreRelations puts back the relations a span delete removed, those
// whose spans and type are all still there.
func restoreRelations(ctx context.Context, tx pgx.Tx, rs []*annotate.Relation) error {
	for _, r := range rs {
		var ok bool
		if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM spans WHERE id = $1) AND EXISTS (SELECT 1 FROM spans WHERE id = $2)
			AND EXISTS (SELECT 1 FROM relation_types WHERE id = $3) AND NOT EXISTS (SELECT 1 FROM relations WHERE id = $4)`,
			r.From, r.To, r.TypeID, r.ID).Scan(&ok); err != nil {
			return err
		}
		if !ok {
			continue
		}
		if err := insertRelation(ctx, tx, r); err != nil {
			return err
		}
	}
	return nil
}

// structureOn is true when structure is on span $1: relations, events,
// event arguments, notes, normalisations or equivalence sets.
const structureOn = `EXISTS (SELECT 1 FROM relations WHERE from_span = $1 OR to_span = $1)
	OR EXISTS (SELECT 1 FROM text_events WHERE trigger_span = $1)
	OR EXISTS (SELECT 1 FROM event_args WHERE ref_span = $1)
	OR EXISTS (SELECT 1 FROM notes WHERE target = $1)
	OR EXISTS (SELECT 1 FROM norms WHERE target = $1)
	OR EXISTS (SELECT 1 FROM equivs WHERE equivs.document_id = spans.document_id AND equivs.members LIKE '%' || $1 || '%')`
