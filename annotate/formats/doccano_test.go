package formats

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"gloss/annotate"
)

// exportRead writes src in a single-file format and reads the result back.
func exportRead(t *testing.T, format, name string, src annotate.Source) (*annotate.Batch, *ExportReport, []byte) {
	t.Helper()
	f, err := Lookup(format)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	rep, err := f.Write(&buf, src)
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	if f.Read == nil {
		return nil, rep, buf.Bytes()
	}
	b, err := f.Read(name, buf.Bytes())
	if err != nil {
		t.Fatalf("read back: %v\n%s", err, buf.Bytes())
	}
	// CSV's span table refers to documents already in the project, not in
	// the batch; TestCSVSpanTableRoundTrip checks its offsets.
	if err := checkBatchOffsets(b); err != nil && format != "csv" {
		t.Fatalf("read back: %v", err)
	}
	return b, rep, buf.Bytes()
}

// roundTripSources are the corpora every format's round trip runs on.
func roundTripSources() []struct {
	name string
	src  func(*testing.T) *fakeSource
} {
	return []struct {
		name string
		src  func(*testing.T) *fakeSource
	}{
		{"unicode fixture", fixtureSource},
		{"generated corpus", func(t *testing.T) *fakeSource { return corpusSource(t) }},
	}
}

func TestDoccanoRoundTrip(t *testing.T) {
	for _, tc := range roundTripSources() {
		t.Run(tc.name, func(t *testing.T) {
			src := tc.src(t)
			b, rep, _ := exportRead(t, "doccano", "out.jsonl", src)
			if len(b.Documents) != len(src.docs) {
				t.Fatalf("read %d documents, wrote %d", len(b.Documents), len(src.docs))
			}
			for i, d := range src.docs {
				got := b.Documents[i]
				if got.Text != d.Text || got.Title != d.Title {
					t.Errorf("document %d: got %q %q, want %q %q", i, got.Title, got.Text, d.Title, d.Text)
				}
				if want, have := sourceRows(src, d, false, same), batchRows(b, got, false); !reflect.DeepEqual(want, have) {
					t.Errorf("document %q spans:\n got %v\nwant %v", d.Title, have, want)
				}
			}
			if rep.Documents != len(src.docs) {
				t.Errorf("report: %d documents", rep.Documents)
			}
			if tc.name == "generated corpus" {
				want := map[string]int{dropNotes: 4, dropAnnotators: 4, dropGroups: 1}
				if !reflect.DeepEqual(rep.Dropped, want) {
					t.Errorf("dropped %v, want %v", rep.Dropped, want)
				}
			}
		})
	}
}

func TestReadDoccano(t *testing.T) {
	for _, tc := range []struct {
		name       string
		data       string
		spans      []spanRow
		metadata   map[string]any
		title      string
		relations  int
		categories map[string][]string
	}{
		{
			name:     "label triples",
			data:     `{"id": 7, "text": "Putin met Xi.", "label": [[0, 5, "actor"], [10, 12, "actor"]], "Comments": []}`,
			spans:    []spanRow{{Start: 0, End: 5, Label: "actor", Text: "Putin"}, {Start: 10, End: 12, Label: "actor", Text: "Xi"}},
			metadata: map[string]any{"id": json.Number("7"), "Comments": []any{}},
			title:    "7",
		},
		{
			name: "relation form",
			data: `{"id": 1, "text": "Putin met Xi.", "entities": [{"id": 1, "label": "actor", "start_offset": 0, "end_offset": 5},` +
				`{"id": 2, "label": "actor", "start_offset": 10, "end_offset": 12}], "relations": [{"id": 1, "from_id": 1, "to_id": 2, "type": "met"}]}`,
			spans:     []spanRow{{Start: 0, End: 5, Label: "actor", Text: "Putin"}, {Start: 10, End: 12, Label: "actor", Text: "Xi"}},
			metadata:  map[string]any{"id": json.Number("1")},
			title:     "1",
			relations: 1,
		},
		{
			name:     "emoji and CRLF count as code points",
			data:     `{"text": "👍🏽 a\r\nb", "label": [[6, 7, "x"]], "title": "t"}`,
			spans:    []spanRow{{Start: 6, End: 7, Label: "x", Text: "b"}},
			metadata: map[string]any{},
			title:    "t",
		},
		{
			name:       "classification labels become categories",
			data:       `{"text": "nice", "label": ["positive"]}`,
			metadata:   map[string]any{},
			title:      "in-1",
			categories: map[string][]string{"label": {"positive"}},
		},
		{
			name:       "labels as one name",
			data:       `{"text": "nice", "labels": "positive", "n": 2}`,
			metadata:   map[string]any{"n": json.Number("2")},
			title:      "in-1",
			categories: map[string][]string{"label": {"positive"}},
		},
		{
			name:       "spaCy cats dict",
			data:       `{"text": "nice", "cats": {"positive": 1.0, "negative": 0, "sports": true}}`,
			metadata:   map[string]any{},
			title:      "in-1",
			categories: map[string][]string{"label": {"positive", "sports"}},
		},
		{
			name:       "intent detection: entity triples and cats list",
			data:       `{"text": "Putin met Xi.", "entities": [[0, 5, "actor"]], "cats": ["meeting"]}`,
			spans:      []spanRow{{Start: 0, End: 5, Label: "actor", Text: "Putin"}},
			metadata:   map[string]any{},
			title:      "in-1",
			categories: map[string][]string{"label": {"meeting"}},
		},
		{
			name:     "labels of another shape stay metadata",
			data:     `{"text": "nice", "labels": [{"x": 1}]}`,
			metadata: map[string]any{"labels": []any{map[string]any{"x": json.Number("1")}}},
			title:    "in-1",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := readDoccano("in.jsonl", []byte(tc.data+"\n"))
			if err != nil {
				t.Fatal(err)
			}
			d := b.Documents[0]
			if got := batchRows(b, d, false); !reflect.DeepEqual(got, sortRows(tc.spans)) {
				t.Errorf("spans %v, want %v", got, tc.spans)
			}
			if !reflect.DeepEqual(d.Metadata, tc.metadata) {
				t.Errorf("metadata %v, want %v", d.Metadata, tc.metadata)
			}
			if d.Title != tc.title {
				t.Errorf("title %q, want %q", d.Title, tc.title)
			}
			if len(b.Relations) != tc.relations {
				t.Errorf("%d relations, want %d", len(b.Relations), tc.relations)
			}
			if !reflect.DeepEqual(d.Categories, tc.categories) {
				t.Errorf("categories %v, want %v", d.Categories, tc.categories)
			}
		})
	}
}

func TestReadDoccanoMalformed(t *testing.T) {
	ok := `{"text": "hello", "label": []}` + "\n"
	for _, tc := range []struct {
		name string
		data string
		want []string
	}{
		{"truncated JSON", ok + `{"text": "hel`, []string{"bad.jsonl:2", "not a JSON object"}},
		{"text not a string", ok + `{"text": 5}`, []string{"bad.jsonl:2", `"text" is not a string`}},
		{"no text", `{"label": []}`, []string{"bad.jsonl:1", `no "text"`}},
		{"offset as string", `{"text": "hello", "label": [[0, "3", "x"]]}`, []string{"bad.jsonl:1, span 1", "[start, end"}},
		{"fractional offset", `{"text": "hello", "label": [[0, 2.5, "x"]]}`, []string{"bad.jsonl:1, span 1", "whole-number"}},
		{"two elements", `{"text": "hello", "label": [[0, 2]]}`, []string{"bad.jsonl:1, span 1"}},
		{"past the end", ok + ok + `{"text": "hello", "label": [[0, 2, "x"], [3, 9, "x"]]}`, []string{"bad.jsonl:3, span 2", "past the end"}},
		{"negative", `{"text": "hello", "label": [[-1, 2, "x"]]}`, []string{"bad.jsonl:1", "negative"}},
		{"reversed", `{"text": "hello", "label": [[3, 3, "x"]]}`, []string{"bad.jsonl:1", "empty or reversed"}},
		{"emoji counted as one", `{"text": "👍🏽", "label": [[0, 3, "x"]]}`, []string{"past the end"}},
		{"entity without offsets", `{"text": "hello", "entities": [{"label": "x"}]}`, []string{"bad.jsonl:1, span 1", "start_offset"}},
		{"entities wrong type", `{"text": "hello", "entities": {"a": 1}}`, []string{"bad.jsonl:1", "entities"}},
		{"relation to no entity", `{"text": "hello", "entities": [{"id": 1, "label": "x", "start_offset": 0, "end_offset": 2}], "relations": [{"id": 1, "from_id": 1, "to_id": 9, "type": "r"}]}`, []string{"bad.jsonl:1", "relation 1", "to_id 9"}},
		{"relation without type", `{"text": "hello", "entities": [{"id": 1, "label": "x", "start_offset": 0, "end_offset": 2}], "relations": [{"id": 1, "from_id": 1, "to_id": 1}]}`, []string{"bad.jsonl:1", "relation 1", "needs a name"}},
		{"relations not a list", `{"text": "hello", "relations": 3}`, []string{"bad.jsonl:1", "relations"}},
		{"entity id twice", `{"text": "hello", "entities": [{"id": 1, "label": "x", "start_offset": 0, "end_offset": 2}, {"id": 1, "label": "x", "start_offset": 2, "end_offset": 3}]}`, []string{"bad.jsonl:1, span 2", "used twice"}},
		{"cats score out of range", `{"text": "hello", "cats": {"a": 2}}`, []string{"bad.jsonl:1", "cats"}},
		{"blank category", `{"text": "hello", "label": [" "]}`, []string{"bad.jsonl:1", "document label"}},
		{"bad label name", `{"text": "hello", "label": [[0, 2, " x"]]}`, []string{"bad.jsonl:1", "leading or trailing space"}},
		{"NUL byte", "{\"text\": \"a\\u0000b\"}", []string{"bad.jsonl:1", "NUL"}},
		{"invalid UTF-8", "{\"text\": \"a\xffb\"}", []string{"bad.jsonl:1"}},
		{"binary", "\x00\x01\x02\xff", []string{"bad.jsonl:1"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := readDoccano("bad.jsonl", []byte(tc.data))
			errorNames(t, err, tc.want...)
			if b != nil {
				t.Errorf("returned a partial batch")
			}
		})
	}
}

func FuzzReadDoccano(f *testing.F) {
	f.Add([]byte(`{"text": "Putin met Xi.", "label": [[0, 5, "actor"], [10, 12, "actor"]]}`))
	f.Add([]byte(`{"text": "a👍🏽b", "entities": [{"id": 1, "label": "x", "start_offset": 1, "end_offset": 3}], "relations": [{"id": 1}]}`))
	f.Add([]byte(`{"text": "x", "label": [[0, 1, "x"]]}` + "\r\n" + `{"text": "", "label": []}`))
	f.Add([]byte(`{"id":"a","title":"t","text":"hi","sha256":"","spans":[{"start":0,"end":1,"label":"a"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := readDoccano("fuzz.jsonl", data)
		if err != nil {
			if b != nil {
				t.Fatal("partial batch with an error")
			}
			return
		}
		if err := checkBatchOffsets(b); err != nil {
			t.Fatal(err)
		}
	})
}
