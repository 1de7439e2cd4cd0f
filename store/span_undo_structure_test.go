package store

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"gloss/annotate"
)

// structureFixture is a document whose actor span carries a note and a
// normalisation, is in an equivalence set of two and one of three, is the
// from of a relation (which has a note), an argument of one event, the
// trigger of another (which has a note and is an argument of a third).
type structureFixture struct {
	s     *Store
	doc   string
	actor string
}

func newStructureFixture(t *testing.T) structureFixture {
	t.Helper()
	s, doc, actor, claim, says := structProject(t)
	bob := annotate.NewSpan(doc.ID, 0, 3, label(t, s, "prediction"))
	rains := annotate.NewSpan(doc.ID, 15, 19, label(t, s, "prediction"))
	for _, sp := range []*annotate.Span{bob, rains} {
		if err := s.AddSpan(sp); err != nil {
			t.Fatal(err)
		}
	}
	r := annotate.NewRelation(doc.ID, says.ID, actor.ID, claim.ID)
	if err := s.AddRelation(r); err != nil {
		t.Fatal(err)
	}
	d, a, c, b, rn := doc.ID, actor.ID, claim.ID, bob.ID, rains.ID
	stmts := []struct {
		sql  string
		args []any
	}{
		{`INSERT INTO text_events(id, document_id, type, trigger_span) VALUES ('ev1', ?, 'Say', ?)`, []any{d, c}},
		{`INSERT INTO text_events(id, document_id, type, trigger_span, annotator, attrs) VALUES ('ev2', ?, 'Speak', ?, 'tester', '{"Negation":"true"}')`, []any{d, a}},
		{`INSERT INTO text_events(id, document_id, type, trigger_span) VALUES ('ev3', ?, 'Cause', ?)`, []any{d, rn}},
		{`INSERT INTO event_args(event_id, pos, role, ref_span) VALUES ('ev1', 0, 'Theme', ?), ('ev1', 1, 'Agent', ?), ('ev1', 2, 'Other', ?)`, []any{b, a, rn}},
		{`INSERT INTO event_args(event_id, pos, role, ref_span) VALUES ('ev2', 0, 'Theme', ?)`, []any{c}},
		{`INSERT INTO event_args(event_id, pos, role, ref_event, ref_span) VALUES ('ev3', 0, 'Cause', 'ev2', NULL)`, nil},
		{`INSERT INTO event_args(event_id, pos, role, ref_span) VALUES ('ev3', 1, 'Agent', ?)`, []any{b}},
		{`INSERT INTO notes(id, document_id, type, target, text) VALUES ('n1', ?, 'AnnotatorNotes', ?, 'the speaker')`, []any{d, a}},
		{`INSERT INTO notes(id, document_id, type, target, text) VALUES ('n2', ?, 'AnnotatorNotes', ?, 'kept')`, []any{d, c}},
		{`INSERT INTO notes(id, document_id, type, target, text) VALUES ('n3', ?, 'AnnotatorNotes', ?, 'on the relation')`, []any{d, r.ID}},
		{`INSERT INTO notes(id, document_id, type, target, text) VALUES ('n4', ?, 'Lemma', 'ev2', 'speak')`, []any{d}},
		{`INSERT INTO norms(id, document_id, type, target, resource, entry_id, text) VALUES ('m1', ?, 'Reference', ?, 'Wikipedia', '534366', 'Alice')`, []any{d, a}},
		{`INSERT INTO norms(id, document_id, type, target, resource, entry_id, text) VALUES ('m2', ?, 'Reference', ?, 'Wikipedia', '1', 'Rain')`, []any{d, rn}},
		{`INSERT INTO equivs(id, document_id, type, members) VALUES ('q2', ?, 'Equiv', ?)`, []any{d, fmt.Sprintf(`["%s","%s"]`, a, b)}},
		{`INSERT INTO equivs(id, document_id, type, members) VALUES ('q3', ?, 'Equiv', ?)`, []any{d, fmt.Sprintf(`["%s","%s","%s"]`, b, a, c)}},
	}
	for _, st := range stmts {
		if _, err := s.DB().Exec(st.sql, st.args...); err != nil {
			t.Fatalf("%s: %v", st.sql, err)
		}
	}
	return structureFixture{s, d, a}
}

// dumpStructure reads, independently of the store's own readers, every
// row of the tables a span delete reaches, seq included.
func dumpStructure(t *testing.T, s *Store) string {
	t.Helper()
	var b strings.Builder
	for _, q := range []string{
		`SELECT * FROM spans ORDER BY id`, `SELECT * FROM relations ORDER BY id`,
		`SELECT * FROM text_events ORDER BY seq`, `SELECT * FROM event_args ORDER BY event_id, pos`,
		`SELECT * FROM notes ORDER BY seq`, `SELECT * FROM norms ORDER BY seq`, `SELECT * FROM equivs ORDER BY seq`,
	} {
		rows, err := s.DB().Query(q)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		fmt.Fprintln(&b, q)
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			for i, v := range vals {
				if bs, ok := v.([]byte); ok {
					vals[i] = string(bs)
				}
			}
			if strings.HasPrefix(q, "SELECT * FROM spans") {
				vals = vals[1:] // a span undo gives the span a new seq, as it always has
			}
			fmt.Fprintf(&b, "%v\n", vals)
		}
		rows.Close()
	}
	return b.String()
}

func docStructure(t *testing.T, s *Store, doc string) *annotate.DocStructure {
	t.Helper()
	ds, err := s.DocStructure(doc)
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

// checkGone checks that the actor's structure went with it, as a delete
// has always done.
func checkGone(t *testing.T, f structureFixture, when string) {
	t.Helper()
	ds := docStructure(t, f.s, f.doc)
	if len(ds.Relations) != 0 {
		t.Errorf("%s: relations %v", when, ds.Relations)
	}
	var notes, norms, sets []string
	for _, n := range ds.Notes {
		notes = append(notes, n.ID)
	}
	for _, n := range ds.Norms {
		norms = append(norms, n.ID)
	}
	for _, e := range ds.Equivs {
		sets = append(sets, fmt.Sprintf("%s %d", e.ID, len(e.Members)))
	}
	var events []string
	for _, e := range ds.Events {
		events = append(events, fmt.Sprintf("%s %d", e.ID, len(e.Args)))
	}
	got := fmt.Sprint(notes, norms, sets, events)
	if want := "[n2] [m2] [q3 2] [ev1 2 ev3 1]"; got != want {
		t.Errorf("%s: notes, norms, sets, events %s, want %s", when, got, want)
	}
}

func TestUndoDeleteSpanRestoresNotesNormsEquivsEvents(t *testing.T) {
	f := newStructureFixture(t)
	want, wantDS := dumpStructure(t, f.s), docStructure(t, f.s, f.doc)
	for round := 1; round <= 2; round++ {
		if round == 1 {
			if _, err := f.s.DeleteSpanWithRelations(f.actor); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.s.Redo(); err != nil {
			t.Fatal(err)
		}
		checkGone(t, f, fmt.Sprintf("round %d, after delete", round))
		if _, err := f.s.Undo(); err != nil {
			t.Fatalf("round %d, undo: %v", round, err)
		}
		if got := dumpStructure(t, f.s); got != want {
			t.Fatalf("round %d: undo left\n%s", round, lineDiff(got, want))
		}
		if got := docStructure(t, f.s, f.doc); !reflect.DeepEqual(got, wantDS) {
			t.Fatalf("round %d: DocStructure after undo %+v, want %+v", round, got, wantDS)
		}
	}
}

// An edit log record written before deletes kept their structure still
// undoes: the span and its relations come back, as they always did.
func TestUndoDeleteSpanOldRecord(t *testing.T) {
	f := newStructureFixture(t)
	if _, err := f.s.DeleteSpanWithRelations(f.actor); err != nil {
		t.Fatal(err)
	}
	var seq int64
	var before string
	if err := f.s.DB().QueryRow(`SELECT seq, before FROM events WHERE action = 'delete-span'`).Scan(&seq, &before); err != nil {
		t.Fatal(err)
	}
	var rec map[string]json.RawMessage
	if err := json.Unmarshal([]byte(before), &rec); err != nil || rec["removed"] == nil {
		t.Fatalf("record %s: %v, want a removed field", before, err)
	}
	delete(rec, "removed")
	old, _ := json.Marshal(rec)
	if _, err := f.s.DB().Exec(`UPDATE events SET before = ? WHERE seq = ?`, string(old), seq); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Undo(); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Span(f.actor); err != nil {
		t.Fatal(err)
	}
	if ds := docStructure(t, f.s, f.doc); len(ds.Relations) != 1 || len(ds.Notes) != 1 {
		t.Fatalf("old record undo: %d relations, %d notes, want 1 and 1", len(ds.Relations), len(ds.Notes))
	}
}

// When a set the delete changed was changed since, undo is refused with
// ECONFLICT and skipped, and nothing comes back.
func TestUndoDeleteSpanStructureConflict(t *testing.T) {
	f := newStructureFixture(t)
	if _, err := f.s.DeleteSpanWithRelations(f.actor); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.DB().Exec(`UPDATE equivs SET members = '[]' WHERE id = 'q3'`); err != nil {
		t.Fatal(err)
	}
	mid := dumpStructure(t, f.s)
	_, err := f.s.Undo()
	if annotate.ErrorCode(err) != annotate.ECONFLICT || !strings.Contains(err.Error(), "q3") {
		t.Fatalf("undo: %v, want a conflict naming q3", err)
	}
	if got := dumpStructure(t, f.s); got != mid {
		t.Fatalf("refused undo changed the project:\n%s\nwas\n%s", got, mid)
	}
	var state int
	if err := f.s.DB().QueryRow(`SELECT undone FROM events WHERE action = 'delete-span'`).Scan(&state); err != nil || state != cannotUndo {
		t.Fatalf("delete-span state %d, %v, want skipped (%d)", state, err, cannotUndo)
	}
}

// lineDiff lists the lines only in got (+) and only in want (-).
func lineDiff(got, want string) string {
	in := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(s, "\n") {
			m[l] = true
		}
		return m
	}
	g, w := in(got), in(want)
	var b strings.Builder
	for _, l := range strings.Split(got, "\n") {
		if !w[l] {
			fmt.Fprintln(&b, "+", l)
		}
	}
	for _, l := range strings.Split(want, "\n") {
		if !g[l] {
			fmt.Fprintln(&b, "-", l)
		}
	}
	return b.String()
}
