package formats

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"gloss/annotate"
)

// flatSeeds are lines the flat decoder reads, lines it must leave to
// readLine, and lines that are wrong.
var flatSeeds = []string{
	`{"title": "T", "text": "hello", "outlet": "o1"}`,
	`{"text":"a\"b\\c\/d\b\f\n\r\t\u00e9\u20AC\ud83d\ude00 \u003cp\u003e","n":-1.50e+3,"z":0,"t":true,"f":false,"x":null}`,
	` { "text" : "spaced" , "id" : 42 } `,
	`{"text": "no title, an id", "id": "doc-7"}`,
	`{"text": "empty id", "id": ""}`,
	`{"text": "null id", "id": null}`,
	`{"text": "title and id", "title": "", "id": 3}`,
	`{"text": "title not a string", "title": 5}`,
	`{"text": "null title", "title": null, "id": 1}`,
	`{"text": "untitled"}`,
	`{"te\u0078t": "escaped key", "ti\u0074le": "E"}`,
	`{"text": "Кириллица 中文 عربي café 🤝"}`,
	`{"text": "nested", "meta": {"a": [1, 2]}}`,
	`{"text": "a list", "labels": ["x"]}`,
	`{"text": "sha", "sha256": "abc"}`,
	`{"text": "hello world", "spans": [{"start": 0, "end": 5, "label": "X"}]}`,
	`{"text": "gloss", "sha256": "", "spans": []}`,
	`{"text": "dup", "a": 1, "a": 2}`,
	`{"text": "dup", "text": "again"}`,
	`{"text": "lone \ud800"}`,
	`{"text": "lone \udc00 low"}`,
	`{"text": "half pair \ud800\u0041"}`,
	`{"text": "nul \u0000 escaped"}`,
	`{"text": 5}`,
	`{"text": null}`,
	`{"title": "no text"}`,
	`{}`,
	`[]`,
	`"text"`,
	`{"text": "unclosed}`,
	`{"text": "x",}`,
	`{"text": "x"} trailing`,
	`{"text": "x"}{"text": "y"}`,
	`{"text": "x", "n": 01}`,
	`{"text": "x", "n": 1.}`,
	`{"text": "x", "n": -}`,
	`{"text": "x", "n": 1e}`,
	`{"text": "x", "b": tru}`,
	`{"text": "x", "b": truex}`,
	`{"text": "bad \x escape"}`,
	`{"text": "bad \u12G4 escape"}`,
	"{\"text\": \"tab\tinside\"}",
	"{\"text\": \"invalid \xff utf-8\"}",
	`{"text": "x" "y": 1}`,
	`{"text" "x"}`,
	`{text: "x"}`,
}

// readSlow reads one line the way it was read before the flat decoder:
// checkJSONAt, then readLine with addPlainLine.
func readSlow(line string) (*annotate.Batch, error) {
	b := &annotate.Batch{}
	raw := []byte(line)
	if err := checkJSONAt("f.jsonl", raw, 7); err != nil {
		return nil, err
	}
	if err := readLine(b, "f.jsonl", "f", 7, raw, addPlainLine); err != nil {
		return nil, err
	}
	return b, nil
}

// readFast reads one line as StreamJSONL does.
func readFast(line string) (*annotate.Batch, error) {
	b := &annotate.Batch{}
	var flat flatLine
	flat.fields = append(flat.fields, plainField{"stale", 1}) // buffers reused from a previous line
	if err := readPlainLine(b, &flat, "f.jsonl", "f", 7, []byte(line)); err != nil {
		return nil, err
	}
	return b, nil
}

// sameBatch says how two batches read from one line differ (document IDs
// are random and not compared).
func sameBatch(a, b *annotate.Batch) string {
	if len(a.Documents) != len(b.Documents) || len(a.Spans) != len(b.Spans) || !reflect.DeepEqual(a.Skipped, b.Skipped) {
		return "different documents, spans or skipped counts"
	}
	for i, d := range a.Documents {
		e := b.Documents[i]
		switch {
		case d.Title != e.Title && (d.Title != d.ID || e.Title != e.ID): // a Gloss line without a title is titled by its ID
			return "title " + d.Title + " != " + e.Title
		case d.Text != e.Text || d.SHA256 != e.SHA256 || d.Source != e.Source || d.Status != e.Status:
			return "text, hash, source or status"
		case !reflect.DeepEqual(d.Metadata, e.Metadata):
			return "metadata"
		}
	}
	return ""
}

// checkFlatAgainstSlow fails when line read as StreamJSONL reads it gives
// another document or another error than readLine.
func checkFlatAgainstSlow(t *testing.T, line string) {
	t.Helper()
	want, wantErr := readSlow(line)
	got, gotErr := readFast(line)
	if (wantErr == nil) != (gotErr == nil) || (wantErr != nil && wantErr.Error() != gotErr.Error()) {
		t.Fatalf("%q: error %v, want %v", line, gotErr, wantErr)
	}
	if wantErr == nil {
		if diff := sameBatch(got, want); diff != "" {
			t.Fatalf("%q: %s\ngot  %+v\nwant %+v", line, diff, got.Documents[0], want.Documents[0])
		}
	}
}

// TestFlatLineReadsAsReadLine: every seed line, read through the flat
// decoder, gives readLine's document or readLine's error.
func TestFlatLineReadsAsReadLine(t *testing.T) {
	for _, line := range flatSeeds {
		checkFlatAgainstSlow(t, line)
	}
}

// FuzzFlatLine: any line gives through the flat decoder the document or
// the error readLine gives.
func FuzzFlatLine(f *testing.F) {
	for _, s := range flatSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		checkFlatAgainstSlow(t, line)
	})
}

// TestFlatLineValues: what a flat line decodes to, written out by hand.
func TestFlatLineValues(t *testing.T) {
	var f flatLine
	line := `{"text":"a\"\u00e9\ud83d\ude00\n<","title":"T\/1","n":-1.50e+3,"z":0,"t":true,"x":null,"k\u0065y":"v"}`
	if !f.scan([]byte(line)) {
		t.Fatal("a flat line was not read")
	}
	if want := "a\"é😀\n<"; f.text != want {
		t.Errorf("text %q, want %q", f.text, want)
	}
	want := []plainField{{"title", "T/1"}, {"n", json.Number("-1.50e+3")}, {"z", json.Number("0")}, {"t", true}, {"x", nil}, {"key", "v"}}
	if !reflect.DeepEqual(f.fields, want) {
		t.Errorf("fields %#v, want %#v", f.fields, want)
	}
	for _, line := range []string{`{"text": "x", "m": {}}`, `{"text": "x", "spans": 1}`, `{"text": "\ud800"}`, `{"a": 1}`, `{"text": "x", "a": 1, "a": 1}`} {
		if f.scan([]byte(line)) {
			t.Errorf("%s: read as flat", line)
		}
	}
}

// TestStreamJSONLReadsAsLoad: a file of every kind of line gives the same
// documents, spans and left-out counts streamed (in batches of 2) as read
// whole, and each wrong line the same error, naming the file and line.
func TestStreamJSONLReadsAsLoad(t *testing.T) {
	dir := t.TempDir()
	var good []string
	for _, line := range flatSeeds {
		if !wrongInFile(line) {
			good = append(good, line)
		}
	}
	stream := func(path string) (*annotate.Batch, error) {
		all := &annotate.Batch{}
		skipped, err := StreamJSONL(context.Background(), path, 0, 2, func(b *annotate.Batch) error {
			all.Documents = append(all.Documents, b.Documents...)
			all.Spans = append(all.Spans, b.Spans...)
			all.Labels = append(all.Labels, b.Labels...)
			return nil
		})
		if err != nil {
			return nil, err
		}
		all.Skipped = skipped.Skipped
		return all, nil
	}
	path := filepath.Join(dir, "good.jsonl")
	data := strings.Join(good, "\n") + "\n\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	want, err := readJSONL(path, []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	got, err := stream(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Documents) != len(good) || len(got.Spans) == 0 {
		t.Fatalf("%d documents and %d spans from %d lines", len(got.Documents), len(got.Spans), len(good))
	}
	if diff := sameBatch(got, want); diff != "" {
		t.Fatal(diff)
	}
	for i, line := range flatSeeds {
		if !wrongInFile(line) {
			continue
		}
		bad := filepath.Join(dir, "bad.jsonl")
		data := good[0] + "\n\n" + line + "\n" + good[1] + "\n"
		if err := os.WriteFile(bad, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		_, wantErr := readJSONL(bad, []byte(data))
		_, gotErr := stream(bad)
		same := gotErr != nil && wantErr != nil && gotErr.Error() == wantErr.Error()
		if !utf8.ValidString(line) { // the byte is counted from the line streamed, from the file read whole
			same = gotErr != nil && wantErr != nil && strings.Contains(gotErr.Error(), "invalid UTF-8") && strings.Contains(wantErr.Error(), "invalid UTF-8")
		}
		if !same || !strings.Contains(gotErr.Error(), bad+":3") {
			t.Errorf("seed %d %q: streamed %v, read whole %v (want both naming %s:3)", i, line, gotErr, wantErr, bad)
		}
	}
}

// wrongInFile reports whether a file with line is refused (the line by
// readLine, or the file for invalid UTF-8).
func wrongInFile(line string) bool {
	_, err := readSlow(line)
	return err != nil || !utf8.ValidString(line)
}
