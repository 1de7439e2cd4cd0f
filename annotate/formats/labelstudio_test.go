package formats

import (
	"reflect"
	"strings"
	"testing"
)

func TestLabelStudioRoundTrip(t *testing.T) {
	for _, tc := range roundTripSources() {
		t.Run(tc.name, func(t *testing.T) {
			src := tc.src(t)
			b, rep, _ := exportRead(t, "labelstudio", "out.json", src)
			if len(b.Documents) != len(src.docs) {
				t.Fatalf("read %d documents, wrote %d", len(b.Documents), len(src.docs))
			}
			for i, d := range src.docs {
				got := b.Documents[i]
				if got.Text != d.Text || got.Title != d.Title {
					t.Errorf("document %d: got %q %q, want %q %q", i, got.Title, got.Text, d.Title, d.Text)
				}
				if want, have := sourceRows(src, d, true, same), batchRows(b, got, true); !reflect.DeepEqual(want, have) {
					t.Errorf("document %q spans:\n got %v\nwant %v", d.Title, have, want)
				}
			}
			if tc.name == "generated corpus" {
				want := map[string]int{dropGroups: 1}
				if !reflect.DeepEqual(rep.Dropped, want) {
					t.Errorf("dropped %v, want %v", rep.Dropped, want)
				}
			}
		})
	}
}

const lsTaskJSON = `[
 {"id": 12, "data": {"text": "Putin met 👍🏽 Xi.", "source": "tass"},
  "annotations": [
   {"id": 1, "completed_by": 3, "result": [
     {"id": "r1", "from_name": "label", "to_name": "text", "type": "labels",
      "value": {"start": 0, "end": 5, "text": "Putin", "labels": ["actor"]}, "meta": {"text": ["first"]}},
     {"id": "r2", "from_name": "label", "to_name": "text", "type": "labels",
      "value": {"start": 13, "end": 15, "text": "Xi", "labels": ["actor", "claim"]}},
     {"id": "r3", "from_name": "rel", "to_name": "text", "type": "relation", "from_id": "r1", "to_id": "r2"}]},
   {"id": 2, "completed_by": {"id": 5, "email": "ann@example.org"}, "result": [
     {"id": "r4", "from_name": "label", "to_name": "text", "type": "labels",
      "value": {"start": 6, "end": 9, "text": "met", "labels": ["claim"]}}]}],
  "predictions": [{"result": []}, {"result": []}]}
]`

func TestReadLabelStudio(t *testing.T) {
	b, err := readLabelStudio("tasks.json", []byte(lsTaskJSON))
	if err != nil {
		t.Fatal(err)
	}
	d := b.Documents[0]
	if d.Title != "task 12" || d.Metadata["source"] != "tass" {
		t.Errorf("document %q metadata %v", d.Title, d.Metadata)
	}
	want := sortRows([]spanRow{
		{Start: 0, End: 5, Label: "actor", Text: "Putin", Note: "first", Annotator: "3"},
		{Start: 13, End: 15, Label: "actor", Text: "Xi", Annotator: "3"},
		{Start: 13, End: 15, Label: "claim", Text: "Xi", Annotator: "3"},
		{Start: 6, End: 9, Label: "claim", Text: "met", Annotator: "ann@example.org"},
	})
	if got := batchRows(b, d, true); !reflect.DeepEqual(got, want) {
		t.Errorf("spans\n got %v\nwant %v", got, want)
	}
	wantSkip := map[string]int{"Label Studio predictions": 2}
	if !reflect.DeepEqual(b.Skipped, wantSkip) {
		t.Errorf("skipped %v, want %v", b.Skipped, wantSkip)
	}
	// r3 links r1 (Putin) to r2, whose first label is actor.
	if len(b.Relations) != 1 || b.Relations[0].TypeName != "relation" || b.Relations[0].Annotator != "3" {
		t.Fatalf("relations %+v", b.Relations)
	}
	starts := map[string]int{}
	for _, s := range b.Spans {
		starts[s.ID] = s.Start
	}
	if r := b.Relations[0]; starts[r.From] != 0 || starts[r.To] != 13 {
		t.Errorf("relation from %d to %d, want 0 to 13", starts[r.From], starts[r.To])
	}
}

func TestReadLabelStudioUTF16Offsets(t *testing.T) {
	// Label Studio before 1.4 counted UTF-16 units: "Xi" after 👍🏽 (4 units, 2 code points).
	data := `[{"data": {"text": "👍🏽 Xi"}, "annotations": [{"result": [{"type": "labels",
		"value": {"start": 5, "end": 7, "text": "Xi", "labels": ["actor"]}}]}]}]`
	b, err := readLabelStudio("old.json", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if s := b.Spans[0]; s.Start != 3 || s.End != 5 {
		t.Errorf("span [%d, %d), want [3, 5)", s.Start, s.End)
	}
}

func TestReadLabelStudioMalformed(t *testing.T) {
	task := func(value string) string {
		return `[{"data": {"text": "hello world"}, "annotations": [{"result": [{"type": "labels", "value": ` + value + `}]}]}]`
	}
	ok := `{"data": {"text": "x"}},` + "\n"
	for _, tc := range []struct {
		name string
		data string
		want []string
	}{
		{"truncated", `[` + ok + `{"data": {"te`, []string{"tasks.json:2", "truncated"}},
		{"not a list", `{"data": {}}`, []string{"tasks.json:1", "list of tasks"}},
		{"syntax error", "[\n" + ok + `{"data": {"text": "x"},, }]`, []string{"tasks.json:3", "invalid"}},
		{"no text", "[\n" + ok + `{"data": {"body": "x"}}]`, []string{"tasks.json:3", "task 2", "data"}},
		{"text not a string", `[{"data": {"text": 3}}]`, []string{"tasks.json:1", "task 1"}},
		{"start as string", task(`{"start": "0", "end": 5, "labels": ["x"]}`), []string{"tasks.json:1", "task 1", "result 1"}},
		{"no end", task(`{"start": 0, "labels": ["x"]}`), []string{"task 1", "no start or end"}},
		{"past the end", task(`{"start": 6, "end": 40, "labels": ["x"]}`), []string{"task 1", "past the end"}},
		{"reversed", task(`{"start": 6, "end": 2, "labels": ["x"]}`), []string{"task 1", "empty or reversed"}},
		{"negative", task(`{"start": -1, "end": 2, "labels": ["x"]}`), []string{"task 1", "negative"}},
		{"text mismatch", task(`{"start": 0, "end": 5, "text": "world", "labels": ["x"]}`),
			[]string{"tasks.json", "task 1", `"hello"`, `"world"`}},
		{"no labels", task(`{"start": 0, "end": 5, "labels": []}`), []string{"task 1", "no labels"}},
		{"bad label", task(`{"start": 0, "end": 5, "labels": ["a\tb"]}`), []string{"task 1", "tab"}},
		{"trailing data", `[] []`, []string{"tasks.json:1", "after the list"}},
		{"NUL", "[{\"data\": {\"text\": \"a\x00\"}}]", []string{"tasks.json:1", "NUL"}},
		{"escaped NUL", `[{"data": {"text": "a\u0000"}}]`, []string{"tasks.json:1", "NUL"}},
		{"invalid UTF-8", "[\n{\"data\": {\"text\": \"a\xff\"}}]", []string{"tasks.json:2", "UTF-8"}},
		{"binary", "\x89PNG\r\n\x1a\n", []string{"tasks.json:1"}},
		{"empty", ``, []string{"tasks.json"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := readLabelStudio("tasks.json", []byte(tc.data))
			errorNames(t, err, tc.want...)
			if b != nil {
				t.Errorf("returned a partial batch")
			}
		})
	}
}

func TestLabelStudioUser(t *testing.T) {
	for _, tc := range []struct{ name, raw, want string }{
		{"number", `7`, "7"},
		{"object with email", `{"id": 7, "email": "a@b.c"}`, "a@b.c"},
		{"object with id only", `{"id": 7}`, "7"},
		{"string", `"alice"`, "alice"},
		{"absent", ``, ""},
		{"null", `null`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := labelStudioUser([]byte(tc.raw)); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			if tc.want != "" {
				if back := labelStudioUser(labelStudioUserJSON(tc.want)); back != tc.want {
					t.Errorf("written and read back as %q", back)
				}
			}
		})
	}
	if !strings.Contains(string(labelStudioUserJSON("007")), "email") {
		t.Error("007 should not be written as a number")
	}
}

func FuzzReadLabelStudio(f *testing.F) {
	f.Add([]byte(lsTaskJSON))
	f.Add([]byte(`[{"data": {"text": "👍🏽 Xi"}, "annotations": [{"result": [{"type": "labels", "value": {"start": 5, "end": 7, "text": "Xi", "labels": ["a"]}}]}]}]`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := readLabelStudio("fuzz.json", data)
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
