package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestLabelClashesAreResolvedAloud: names that differ only in case or
// Unicode form are one label (labels add refuses naming the existing one;
// import maps to it and says so), invisible and absurd names are refused,
// a clashing hotkey is reported, and an ambiguous --doc title is refused
// listing the ids.
func TestLabelClashesAreResolvedAloud(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "p.gloss")
	mustGC(t, "init", p)
	mustGC(t, "labels", "add", "--key", "7", p, "Person")
	mustGC(t, "labels", "add", p, "caf\u00e9")
	refused := map[string]string{
		"PERSON":                  `a label named "Person" already exists`,
		"cafe\u0301":              `a label named "café" already exists`,
		"ac\u200btor":             "U+200B",
		strings.Repeat("x", 1000): "1000 characters",
	}
	for name, want := range refused {
		if _, errs, code := gc(t, "labels", "add", p, name); code != 1 || !strings.Contains(errs, want) {
			t.Errorf("labels add %.20q: exit %d, %q; want %q", name, code, errs, want)
		}
	}
	if _, errs, code := gc(t, "labels", "add", "--key", "7", p, "other"); code != 1 || !strings.Contains(errs, `hotkey 7 is already used by label "Person"`) {
		t.Errorf("hotkey clash: exit %d, %q", code, errs)
	}

	in := writeFile(t, dir, "in.json", `{"format": "gloss", "version": 1, "labels": [
		{"name": "PERSON", "color": "#112233"}, {"name": "place", "color": "#445566", "hotkey": "7"}],
		"documents": [{"title": "same", "text": "Ann in Paris.", "spans": [
			{"start": 0, "end": 3, "label": "person"}, {"start": 7, "end": 12, "label": "cafe\u0301"}]}]}`)
	out, errs, code := gc(t, "import", p, in)
	if code != 0 || !strings.Contains(out, "imported 1 document, 2 spans, 1 new label\n") {
		t.Fatalf("import: exit %d, %q %q", code, out, errs)
	}
	for _, want := range []string{
		`label "PERSON" imported as the existing label "Person"`,
		`label "person" imported as the existing label "Person"`,
		`label "place" imported without its hotkey 7: hotkey 7 is already used by label "Person"`,
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("import notes %q; want %q", errs, want)
		}
	}
	if strings.Contains(errs, `"café" imported as`) { // the same name once in NFC: nothing to say
		t.Errorf("NFD café reported as renamed: %q", errs)
	}
	if labels := mustGC(t, "labels", p); strings.Count(labels, "Person") != 1 || strings.Contains(labels, "PERSON") || strings.Count(labels, "café") != 1 {
		t.Errorf("labels after import:\n%s", labels)
	}

	// Into a project without documents the file's colour won; now that
	// it has some, the project's stays, and the import says so.
	if labels := mustGC(t, "labels", p); !strings.Contains(labels, "Person\t#112233\t7") {
		t.Errorf("fresh project: the file's colour did not win:\n%s", labels)
	}
	again := writeFile(t, dir, "again.json", `{"format": "gloss", "version": 1, "labels": [{"name": "person", "color": "#999999"}], "documents": []}`)
	if _, errs, _ := gc(t, "import", p, again); !strings.Contains(errs, `label "Person" keeps the project's colour #112233`) {
		t.Errorf("second import: %q", errs)
	}
	mustGC(t, "import", p, writeFile(t, dir, "same.txt", "Another text."))
	_, errs, code = gc(t, "span", "add", "--doc", "same", "--start", "0", "--end", "3", "--label", "Person", p)
	if code != 2 || !strings.Contains(errs, `2 documents are titled "same": name one by id (`) {
		t.Errorf("ambiguous title: exit %d, %q", code, errs)
	}
	if _, errs, code = gc(t, "span", "list", "--doc", "same", p); code != 2 || !strings.Contains(errs, "2 documents are titled") {
		t.Errorf("span list, ambiguous title: exit %d, %q", code, errs)
	}
}
