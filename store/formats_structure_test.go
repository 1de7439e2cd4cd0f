package store

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"testing"

	"gloss/annotate"
	"gloss/annotate/formats"
	"gloss/annotate/unitext"
)

// batchFacts lists what a batch says, IDs apart: each document's text,
// categories and metadata keys; each span by document, offsets, text,
// label and attributes; each relation by type and its two spans (an
// undirected one with its spans in a fixed order); events, notes,
// equivalence sets and normalisations by what they refer to. Two batches
// with equal facts say the same thing.
func batchFacts(b *annotate.Batch) []string {
	title := map[string]string{}
	text := map[string]string{}
	var out []string
	for _, d := range b.Documents {
		title[d.ID], text[d.ID] = d.Title, d.Text
		out = append(out, fmt.Sprintf("D %s %q", d.Title, d.Text))
		for _, set := range slices.Sorted(maps.Keys(d.Categories)) {
			vals := slices.Clone(d.Categories[set])
			sort.Strings(vals)
			out = append(out, fmt.Sprintf("C %s %s=%s", d.Title, set, strings.Join(vals, ",")))
		}
	}
	ref := map[string]string{} // span, relation and event IDs: their facts
	for _, s := range b.Spans {
		cut := unitext.NewOffsets(text[s.DocumentID]).Slice(s.Start, s.End)
		ref[s.ID] = fmt.Sprintf("%s[%d,%d %q %s]", title[s.DocumentID], s.Start, s.End, cut, s.LabelName)
		out = append(out, fmt.Sprintf("S %s%s note=%q", ref[s.ID], attrFacts(s.Attributes), s.Note))
	}
	directed := map[string]bool{}
	for _, t := range b.RelationTypes {
		directed[strings.ToLower(t.Name)] = t.Directed
	}
	for _, r := range b.Relations {
		from, to := ref[r.From], ref[r.To]
		d, known := directed[strings.ToLower(r.TypeName)]
		if known && !d && to < from {
			from, to = to, from
		}
		ref[r.ID] = fmt.Sprintf("R(%s %s -> %s)", r.TypeName, from, to)
		out = append(out, fmt.Sprintf("R %s%s note=%q", ref[r.ID], attrFacts(r.Attributes), r.Note))
	}
	for _, e := range b.Events { // events before the events that contain them, as brat's tutorial has them
		ref[e.ID] = fmt.Sprintf("E(%s %s)", e.Type, ref[e.Trigger])
	}
	for _, e := range b.Events {
		args := []string{}
		for _, a := range e.Args {
			args = append(args, a.Role+"="+ref[a.Ref])
		}
		sort.Strings(args)
		out = append(out, fmt.Sprintf("E %s %s%s", ref[e.ID], strings.Join(args, " "), attrFacts(e.Attributes)))
	}
	for _, n := range b.Notes {
		out = append(out, fmt.Sprintf("# %s %s %q", n.Type, ref[n.Target], n.Text))
	}
	for _, e := range b.Equivs {
		var ms []string
		for _, m := range e.Members {
			ms = append(ms, ref[m])
		}
		sort.Strings(ms)
		out = append(out, fmt.Sprintf("* %s %s", e.Type, strings.Join(ms, " ")))
	}
	for _, n := range b.Norms {
		out = append(out, fmt.Sprintf("N %s %s %s:%s %q", n.Type, ref[n.Target], n.Resource, n.EntryID, n.Text))
	}
	sort.Strings(out)
	return out
}

// attrFacts renders attribute values in name order.
func attrFacts(m map[string]string) string {
	s := ""
	for _, k := range slices.Sorted(maps.Keys(m)) {
		s += " " + k + "=" + m[k]
	}
	return s
}

// projectRoundTrip reads data in format, imports it into a new project
// file, exports the project in the same format and reads that back. It
// returns the batch read first, the batch read back and the export report.
func projectRoundTrip(t *testing.T, format, name, data string) (*annotate.Batch, *annotate.Batch, *formats.ExportReport, *Store) {
	t.Helper()
	f, err := formats.Lookup(format)
	if err != nil {
		t.Fatal(err)
	}
	in, err := f.Read(name, []byte(data))
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	s := newProject(t)
	if _, err := s.Import(in); err != nil {
		t.Fatalf("import: %v", err)
	}
	var buf bytes.Buffer
	rep, err := f.Write(&buf, s)
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	back, err := f.Read(name, buf.Bytes())
	if err != nil {
		t.Fatalf("read back: %v\n%s", err, buf.Bytes())
	}
	return in, back, rep, s
}

// sameFacts fails the test when two batches do not say the same thing,
// and when the first says too little for the comparison to mean much.
func sameFacts(t *testing.T, in, back *annotate.Batch, want ...string) {
	t.Helper()
	a, b := batchFacts(in), batchFacts(back)
	if !slices.Equal(a, b) {
		t.Errorf("facts differ after the round trip\n got %q\nwant %q", b, a)
	}
	for _, kind := range want {
		if !slices.ContainsFunc(a, func(f string) bool { return strings.HasPrefix(f, kind+" ") }) {
			t.Errorf("no %s facts compared: %q", kind, a)
		}
	}
}

const doccanoStructured = `{"id": 1, "text": "Putin says Xi will visit.", "entities": [{"id": 10, "label": "actor", "start_offset": 0, "end_offset": 5}, {"id": 11, "label": "claim", "start_offset": 11, "end_offset": 24}, {"id": 12, "label": "actor", "start_offset": 11, "end_offset": 13}], "relations": [{"id": 3, "from_id": 10, "to_id": 11, "type": "says"}, {"id": 4, "from_id": 12, "to_id": 11, "type": "holds"}], "cats": ["politics"]}
{"id": 2, "text": "Markets will fall.", "label": ["economy", "prediction"]}
{"id": 3, "text": "Nothing here.", "label": []}
{"id": 4, "text": "Rain 🌧 tomorrow.", "entities": [{"id": 1, "label": "prediction", "start_offset": 0, "end_offset": 16}], "relations": []}
`

// TestDoccanoStructureRoundTripsThroughProject: a doccano file with
// relations and document labels, imported into a project file and
// exported again, says the same thing.
func TestDoccanoStructureRoundTripsThroughProject(t *testing.T) {
	in, back, rep, s := projectRoundTrip(t, "doccano", "in.jsonl", doccanoStructured)
	sameFacts(t, in, back, "R", "C", "S")
	delete(rep.Dropped, "span annotator names") // the project names its annotator; doccano cannot
	if len(rep.Dropped) != 0 {
		t.Errorf("export left out %v", rep.Dropped)
	}
	sc, err := s.Schema()
	if err != nil {
		t.Fatal(err)
	}
	if len(sc.CategorySets) != 1 || sc.CategorySets[0].Name != "label" || !sc.CategorySets[0].Multi {
		t.Errorf("category sets %+v, want one multiple-choice set named label", sc.CategorySets)
	}
	if len(sc.RelationTypes) != 2 {
		t.Errorf("relation types %+v, want says and holds", sc.RelationTypes)
	}
}

const labelStudioStructured = `[
 {"id": 1, "data": {"text": "Putin says Xi will come."}, "annotations": [
  {"id": 1, "completed_by": 2, "result": [
   {"id": "a", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 0, "end": 5, "text": "Putin", "labels": ["actor"]}},
   {"id": "b", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 11, "end": 23, "text": "Xi will come", "labels": ["claim"]}},
   {"id": "a", "from_name": "certainty", "to_name": "text", "type": "choices", "value": {"start": 0, "end": 5, "text": "Putin", "choices": ["high"]}},
   {"id": "b", "from_name": "hedge", "to_name": "text", "type": "choices", "value": {"start": 11, "end": 23, "text": "Xi will come", "choices": ["may", "might"]}},
   {"from_id": "a", "to_id": "b", "type": "relation", "direction": "right", "labels": ["says"]},
   {"from_id": "b", "to_id": "a", "type": "relation", "direction": "bi", "labels": ["near"]},
   {"from_id": "b", "to_id": "a", "type": "relation", "direction": "right", "labels": []},
   {"id": "t", "from_name": "topic", "to_name": "text", "type": "choices", "value": {"choices": ["politics"]}}]},
  {"id": 2, "completed_by": 7, "result": [
   {"id": "c", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 11, "end": 13, "text": "Xi", "labels": ["actor"]}},
   {"id": "d", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 14, "end": 23, "text": "will come", "labels": ["prediction"]}},
   {"from_id": "c", "to_id": "d", "type": "relation", "direction": "left", "labels": ["holds"]}]}]},
 {"id": 2, "data": {"text": "No regions."}, "annotations": [{"id": 3, "result": [
   {"id": "s", "from_name": "stance", "to_name": "text", "type": "choices", "value": {"choices": ["neutral"]}}]}]}
]`

// TestLabelStudioStructureRoundTripsThroughProject: relations (with
// labels, directions, two annotators), per-region choices and document
// choices, imported into a project file and exported again, say the same.
func TestLabelStudioStructureRoundTripsThroughProject(t *testing.T) {
	in, back, rep, s := projectRoundTrip(t, "labelstudio", "in.json", labelStudioStructured)
	sameFacts(t, in, back, "R", "C", "S")
	if len(rep.Dropped) != 0 {
		t.Errorf("export left out %v", rep.Dropped)
	}
	sc, err := s.Schema()
	if err != nil {
		t.Fatal(err)
	}
	undirected := 0
	for _, rt := range sc.RelationTypes {
		if !rt.Directed {
			undirected++
		}
	}
	if len(sc.RelationTypes) != 4 || undirected != 1 {
		t.Errorf("relation types %+v: want says, near (undirected), relation, holds", sc.RelationTypes)
	}
	if len(sc.CategorySets) != 2 || len(sc.AttributeDefs) != 2 {
		t.Errorf("category sets %+v, attribute definitions %+v", sc.CategorySets, sc.AttributeDefs)
	}
}
