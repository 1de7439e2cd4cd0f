package formats

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// jsonReaders are every reader of a JSON format, with a valid file of it
// into which a test can put a value at the place marked @ (a metadata
// field's value) and a key at the place marked # (a key of the same
// object as "text").
var jsonReaders = []struct {
	name string
	file string
	f    *Format
	// the lines of # and @
	keyLine, valueLine int
}{
	{name: "gloss", f: glossFormat, keyLine: 2, valueLine: 3, file: "{\"format\": \"gloss\", \"version\": 1, \"labels\": [],\n \"documents\": [{\"title\": \"t\", #\"text\": \"hello\",\n \"metadata\": {\"k\": @}, \"spans\": []}]}"},
	{name: "jsonl", f: jsonlFormat, keyLine: 2, valueLine: 2, file: "{\"title\": \"a\", \"text\": \"first\"}\n{#\"text\": \"hello\", \"k\": @}\n"},
	{name: "gloss jsonl", f: jsonlFormat, keyLine: 3, valueLine: 3, file: "{\"text\": \"first\"}\n\n{\"sha256\": \"\", #\"text\": \"hello\", \"metadata\": {\"k\": @}, \"spans\": []}\n"},
	{name: "doccano", f: doccanoFormat, keyLine: 2, valueLine: 2, file: "{\"text\": \"first\", \"label\": []}\n{#\"text\": \"hello\", \"label\": [[0, 5, \"x\"]], \"k\": @}\n"},
	{name: "labelstudio", f: labelstudioFormat, keyLine: 1, valueLine: 2, file: "[{\"id\": 1, \"data\": {#\"text\": \"hello\",\n \"k\": @}, \"annotations\": []}]"},
}

func put(file, key, value string) string {
	return strings.Replace(strings.Replace(file, "#", key, 1), "@", value, 1)
}

// TestJSONReadersRefuseSilentChanges: every JSON reader refuses, naming
// the file and line, a lone UTF-16 surrogate in a string (high or low,
// in a value or a key) and a key given twice in one object (also written
// with an escape); a surrogate pair is read as its character.
func TestJSONReadersRefuseSilentChanges(t *testing.T) {
	for _, r := range jsonReaders {
		if _, err := r.f.Read("ok.json", []byte(put(r.file, "", `"x"`))); err != nil {
			t.Fatalf("%s: the valid file: %v", r.name, err)
		}
		v, k := r.valueLine, r.keyLine
		bad := []struct {
			key, value string
			line       int
			want       string
		}{
			{"", `"a\ud800b"`, v, "\\ud800 is half of a UTF-16 surrogate pair"},
			{"", `"\udc00"`, v, "\\udc00 is half"},
			{"", `"\ud800\u0041"`, v, "\\ud800 is half"},
			{"", `["ok", {"n": "\uDBFF"}]`, v, "\\udbff is half"},
			{`"\ud83d": 1, `, `1`, k, "\\ud83d is half"},
			{`"text": "other", `, `1`, k, "key \"text\" appears twice"},
			{`"te\u0078t": "other", `, `1`, k, "key \"text\" appears twice"},
			{"", `{"a": 1, "b": {"a": 2}, "a": 3}`, v, "key \"a\" appears twice"},
		}
		for _, c := range bad {
			data := put(r.file, c.key, c.value)
			_, err := r.f.Read("bad.json", []byte(data))
			want := fmt.Sprintf("bad.json:%d: %s", c.line, c.want)
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("%s with %s%s: %v; want %q", r.name, c.key, c.value, err, want)
			}
		}
		b, err := r.f.Read("pair.json", []byte(put(r.file, "", `"\ud83d\ude00 and {\"a\": 1, \"a\": 2}"`)))
		if err != nil {
			t.Fatalf("%s: a surrogate pair, and a duplicate key inside a string: %v", r.name, err)
		}
		if got := b.Documents[len(b.Documents)-1].Metadata["k"]; got != "😀 and {\"a\": 1, \"a\": 2}" {
			t.Errorf("%s: metadata k = %q", r.name, got)
		}
	}
}

// TestJSONReadersKeepNumbers: numbers in metadata keep every digit, and
// are written back unchanged by the exports that hold metadata.
func TestJSONReadersKeepNumbers(t *testing.T) {
	numbers := `[1234567890123456789, 0.1000000000000000055511151231257827, 1e400, -0, 12345678901234567890123]`
	for _, r := range jsonReaders {
		b, err := r.f.Read("n.json", []byte(put(r.file, "", numbers)))
		if err != nil {
			t.Fatalf("%s: %v", r.name, err)
		}
		got, err := json.Marshal(b.Documents[len(b.Documents)-1].Metadata["k"])
		if err != nil || string(got) != strings.ReplaceAll(numbers, " ", "") {
			t.Errorf("%s: metadata k encodes as %s (%v), want %s", r.name, got, err, numbers)
		}
		for _, w := range []*Format{glossFormat, jsonlFormat} {
			var out strings.Builder
			if _, err := w.Write(&out, batchSource(b)); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(out.String(), strings.ReplaceAll(numbers, " ", "")) {
				t.Errorf("%s exported as %s: the numbers changed: %s", r.name, w.Name, out.String())
			}
		}
	}
}

// TestJSONErrorsInPlainWords: a value of the wrong type is described in
// plain words, without Go type names.
func TestJSONErrorsInPlainWords(t *testing.T) {
	inputs := map[*Format]string{
		glossFormat:       `{"format": "gloss", "version": "one"}`,
		labelstudioFormat: `[{"data": {"text": "x"}, "annotations": [{"result": [{"type": "labels", "value": {"start": "a", "end": 1, "labels": ["x"]}}]}]}]`,
		jsonlFormat:       `["not an object"]`,
		doccanoFormat:     `{"text": "x", "label": [[0, "1", "x"]]}`,
	}
	for f, in := range inputs {
		_, err := f.Read("t.in", []byte(in))
		if err == nil || strings.Contains(err.Error(), "Go ") || strings.Contains(err.Error(), "float64") || strings.Contains(err.Error(), "json:") {
			t.Errorf("%s: %v", f.Name, err)
		}
	}
}
