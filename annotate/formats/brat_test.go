package formats

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"gloss/annotate"
	"gloss/annotate/unitext"
	"gloss/internal/fixture"
)

// writeBrat exports src as brat into a fresh folder.
func writeBrat(t *testing.T, src annotate.Source) (string, *ExportReport) {
	t.Helper()
	dir := t.TempDir()
	rep, err := writeBratDir(dir, src)
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	return dir, rep
}

// groupsOf lists, per span row, the rows it shares a Group with.
func groupsOf(spans []*annotate.Span, text string, name func(*annotate.Span) string) []string {
	off := unitext.NewOffsets(text)
	byGroup := map[string][]string{}
	for _, s := range spans {
		if s.Group != "" {
			byGroup[s.Group] = append(byGroup[s.Group], name(s)+" "+off.Slice(s.Start, s.End))
		}
	}
	var out []string
	for _, g := range byGroup {
		sort.Strings(g)
		out = append(out, strings.Join(g, " + "))
	}
	sort.Strings(out)
	return out
}

func TestBratRoundTrip(t *testing.T) {
	underscore := func(s string) string { return strings.ReplaceAll(s, " ", "_") }
	for _, tc := range roundTripSources() {
		t.Run(tc.name, func(t *testing.T) {
			src := tc.src(t)
			dir, rep := writeBrat(t, src)
			b, err := readBratDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			if err := checkBatchOffsets(b); err != nil {
				t.Fatal(err)
			}
			byTitle := map[string]*annotate.Document{}
			for _, d := range b.Documents {
				byTitle[d.Title] = d
			}
			used := map[string]bool{}
			for _, d := range src.docs {
				title := uniqueFileName(safeFileName(d.Title), used)
				got := byTitle[title]
				if got == nil {
					t.Fatalf("document %q not read back as %q (have %v)", d.Title, title, byTitle)
				}
				raw, _ := os.ReadFile(filepath.Join(dir, title+".txt"))
				if !bytes.Equal(raw, []byte(d.Text)) || got.Text != d.Text {
					t.Errorf("%s.txt is not byte-identical to the stored text", title)
				}
				want := sourceRows(src, d, true, underscore)
				for i := range want {
					want[i].Annotator = "" // brat holds no annotators
					want[i].Note = strings.ReplaceAll(want[i].Note, "\n", " ")
				}
				if have := batchRows(b, got, true); !reflect.DeepEqual(want, have) {
					t.Errorf("document %q spans:\n got %v\nwant %v", d.Title, have, want)
				}
				names := labelNames(src.labels)
				wantGroups := groupsOf(src.spans[d.ID], d.Text, func(s *annotate.Span) string { return underscore(names[s.LabelID]) })
				var gotSpans []*annotate.Span
				for _, s := range b.Spans {
					if s.DocumentID == got.ID {
						c := s.Span
						c.LabelID = s.LabelName
						gotSpans = append(gotSpans, &c)
					}
				}
				if gotGroups := groupsOf(gotSpans, got.Text, func(s *annotate.Span) string { return s.LabelID }); !reflect.DeepEqual(wantGroups, gotGroups) {
					t.Errorf("discontinuous spans %v, want %v", gotGroups, wantGroups)
				}
			}
			if tc.name == "generated corpus" {
				want := map[string]int{dropAnnotators: 4, dropSpaces: 1, "line breaks in notes (replaced by spaces)": 1}
				if !reflect.DeepEqual(rep.Dropped, want) {
					t.Errorf("dropped %v, want %v", rep.Dropped, want)
				}
				if got := len(b.Labels); got != len(src.labels) {
					t.Errorf("annotation.conf gave %d labels, want %d", got, len(src.labels))
				}
				for i, l := range b.Labels {
					if l.Name != underscore(src.labels[i].Name) || l.Color != src.labels[i].Color {
						t.Errorf("label %d read back as %q %s, want %q %s", i, l.Name, l.Color, src.labels[i].Name, src.labels[i].Color)
					}
				}
			}
		})
	}
}

// bratTLines returns a .ann file's T lines without their IDs, and its notes
// on T lines keyed the same way.
func bratTLines(t *testing.T, path string) (tlines, notes []string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]string{}
	for _, line := range strings.Split(string(data), "\n") {
		id, rest, _ := strings.Cut(line, "\t")
		if strings.HasPrefix(id, "T") {
			byID[id] = rest
			tlines = append(tlines, rest)
		}
	}
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Split(line, "\t")
		if strings.HasPrefix(f[0], "#") && len(f) == 3 {
			if target := strings.Fields(f[1])[1]; byID[target] != "" {
				notes = append(notes, byID[target]+" => "+f[2])
			}
		}
	}
	sort.Strings(tlines)
	sort.Strings(notes)
	return tlines, notes
}

func TestBratNewsTutorial(t *testing.T) {
	brat := fixture.Path(t, fixtureBrat)
	b, err := readBratDir(brat)
	if err != nil {
		t.Fatal(err)
	}
	if err := checkBatchOffsets(b); err != nil {
		t.Fatal(err)
	}
	colors := map[string]string{}
	for _, l := range b.Labels {
		colors[l.Name] = l.Color
	}
	wantColors := map[string]string{"Person": "#FF821C", "Organization": "#A7C2FF", "GPE": "#FFD412", "Money": "#007000"}
	if !reflect.DeepEqual(colors, wantColors) {
		t.Errorf("labels from annotation.conf and visual.conf: %v, want %v", colors, wantColors)
	}

	anns, _ := filepath.Glob(filepath.Join(brat, "*.ann"))
	if len(b.Documents) != len(anns) {
		t.Errorf("read %d documents from %d .ann files", len(b.Documents), len(anns))
	}
	// Everything is read now: count the lines of each kind straight from the files.
	want := map[byte]int{}
	for _, p := range anns {
		data, _ := os.ReadFile(p)
		for _, line := range strings.Split(string(data), "\n") {
			if line != "" {
				want[line[0]]++
			}
		}
	}
	attrs := 0
	for _, s := range b.Spans {
		attrs += len(s.Attributes)
	}
	for _, e := range b.Events {
		attrs += len(e.Attributes)
	}
	relNotes := 0
	for _, r := range b.Relations {
		if r.Note != "" {
			relNotes++
		}
	}
	spanNotes := map[string]bool{}
	for _, s := range b.Spans {
		if s.Note != "" {
			spanNotes[s.DocumentID+s.Note] = true
		}
	}
	got := map[byte]int{'R': len(b.Relations), 'E': len(b.Events), 'A': attrs, 'N': len(b.Norms), '*': len(b.Equivs), '#': len(b.Notes) + relNotes + len(spanNotes)}
	for _, k := range []byte("RE*AN#") {
		if got[k] != want[k]+map[byte]int{'A': want['M']}[k] {
			t.Errorf("%c lines: read %d, the files have %d", k, got[k], want[k])
		}
	}
	if len(b.Skipped) != 0 {
		t.Errorf("skipped %v, want nothing", b.Skipped)
	}

	out, rep := writeBrat(t, batchSource(b))
	if rep.Documents != len(anns) {
		t.Errorf("exported %d documents", rep.Documents)
	}
	for _, p := range anns {
		base := strings.TrimSuffix(filepath.Base(p), ".ann")
		t.Run(base, func(t *testing.T) {
			wantT, wantNotes := bratTLines(t, p)
			gotT, gotNotes := bratTLines(t, filepath.Join(out, base+".ann"))
			if !reflect.DeepEqual(gotT, wantT) {
				t.Errorf("T lines differ:\n got %q\nwant %q", gotT, wantT)
			}
			if !reflect.DeepEqual(gotNotes, wantNotes) {
				t.Errorf("notes differ:\n got %q\nwant %q", gotNotes, wantNotes)
			}
			orig, _ := os.ReadFile(strings.TrimSuffix(p, ".ann") + ".txt")
			copied, _ := os.ReadFile(filepath.Join(out, base+".txt"))
			if !bytes.Equal(orig, copied) {
				t.Error(".txt differs from the original")
			}
		})
	}
}

func TestBratDiscontinuous(t *testing.T) {
	for _, tc := range []struct {
		name, text, ann string
		spans           []spanRow
		grouped         bool
		out             string // the T line written back
		dropped         map[string]int
	}{
		{
			name: "two fragments", text: "Alice and Bobby met.", ann: "T1\tactor 0 5;10 15\tAlice Bobby\n",
			spans:   []spanRow{{Start: 0, End: 5, Label: "actor", Text: "Alice"}, {Start: 10, End: 15, Label: "actor", Text: "Bobby"}},
			grouped: true, out: "T1\tactor 0 5;10 15\tAlice Bobby\n",
		},
		{
			name: "span across CRLF", text: "Hello\r\nWorld", ann: "T1\tactor 0 12\tHello  World\n",
			spans: []spanRow{{Start: 0, End: 12, Label: "actor", Text: "Hello\r\nWorld"}},
			out:   "T1\tactor 0 5;7 12\tHello World\n",
			dropped: map[string]int{"line breaks inside spans (the span is written as fragments around them)": 1,
				dropAnnotators: 0},
		},
		{
			name: "emoji and combining marks", text: "👨\u200d👩\u200d👧 cafe\u0301", ann: "T1\tx 0 5\t👨\u200d👩\u200d👧\nT2\ty 6 11\tcafe\u0301\n",
			spans: []spanRow{{Start: 0, End: 5, Label: "x", Text: "👨\u200d👩\u200d👧"}, {Start: 6, End: 11, Label: "y", Text: "cafe\u0301"}},
			out:   "T1\tx 0 5\t👨\u200d👩\u200d👧\nT2\ty 6 11\tcafe\u0301\n",
		},
		{
			name: "tab inside the text", text: "a\tb c", ann: "T1\tx 0 3\ta\tb\n",
			spans: []spanRow{{Start: 0, End: 3, Label: "x", Text: "a\tb"}},
			out:   "T1\tx 0 3\ta\tb\n",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := &annotate.Batch{}
			doc := annotate.NewDocument("doc", tc.text, "")
			if err := addBratDocument(b, "doc.ann", []byte(tc.ann), doc); err != nil {
				t.Fatal(err)
			}
			if got := batchRows(b, doc, false); !reflect.DeepEqual(got, sortRows(tc.spans)) {
				t.Errorf("spans %v, want %v", got, tc.spans)
			}
			if g := b.Spans[0].Group; tc.grouped && (g == "" || b.Spans[1].Group != g) || !tc.grouped && g != "" {
				t.Errorf("groups %q %q", g, b.Spans[len(b.Spans)-1].Group)
			}
			src := batchSource(b)
			rep := &ExportReport{}
			if got := bratAnn(doc, src.spans[doc.ID], labelNames(src.labels), rep); got != tc.out {
				t.Errorf("written back as %q, want %q", got, tc.out)
			}
			for k, n := range tc.dropped {
				if rep.Dropped[k] != n {
					t.Errorf("dropped %v, want %s: %d", rep.Dropped, k, n)
				}
			}
		})
	}
}

func TestReadBratMalformed(t *testing.T) {
	const text = "Alice met Bob."
	for _, tc := range []struct {
		name, ann string
		want      []string
	}{
		{"text mismatch", "T1\tactor 0 5\tAlice\nT2\tactor 10 13\tBill\n", []string{"x.ann:2", `"Bob"`, `"Bill"`}},
		{"discontinuous mismatch", "T1\tactor 0 5;10 13\tAlice  Bob\n", []string{"x.ann:1", `"Alice Bob"`, `"Alice  Bob"`}},
		{"past the end", "T1\tactor 10 99\tBob.\n", []string{"x.ann:1", "past the end"}},
		{"negative", "T1\tactor -1 5\tAlice\n", []string{"x.ann:1", "negative"}},
		{"reversed", "T1\tactor 5 0\tAlice\n", []string{"x.ann:1", "empty or reversed"}},
		{"empty", "T1\tactor 5 5\t\n", []string{"x.ann:1", "empty or reversed"}},
		{"not numbers", "T1\tactor a b\tAlice\n", []string{"x.ann:1", "whole numbers"}},
		{"huge number", "T1\tactor 0 99999999999999999999999\tAlice\n", []string{"x.ann:1", "whole numbers"}},
		{"one offset", "T1\tactor 0\tAlice\n", []string{"x.ann:1", "start end"}},
		{"no text field", "T1\tactor 0 5\n", []string{"x.ann:1", "want"}},
		{"duplicate id", "T1\tactor 0 5\tAlice\nT1\tactor 10 13\tBob\n", []string{"x.ann:2", "T1", "twice"}},
		{"unknown line", "T1\tactor 0 5\tAlice\nX1\tfoo\n", []string{"x.ann:2", "unknown annotation"}},
		{"note on missing T", "#1\tAnnotatorNotes T9\tnote\n", []string{"x.ann:1", "T9"}},
		{"bad note", "#1\tAnnotatorNotes\n", []string{"x.ann:1", "note"}},
		{"CRLF line numbers", "T1\tactor 0 5\tAlice\r\n\r\nT2\tactor 10 13\tBox\r\n", []string{"x.ann:3", `"Bob"`}},
		{"invalid UTF-8", "T1\tactor 0 5\tAlice\nT2\tactor 10 13\tB\xffb\n", []string{"x.ann:2", "UTF-8"}},
		{"NUL", "\x00\x00", []string{"x.ann:1", "NUL"}},
		{"no ID", "T1\tactor 0 5\tAlice\n\tRel Arg1:T1 Arg2:T1\n", []string{"x.ann:2", "annotation ID"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := &annotate.Batch{}
			err := addBratDocument(b, "x.ann", []byte(tc.ann), annotate.NewDocument("x", text, ""))
			errorNames(t, err, tc.want...)
			if len(b.Documents) != 0 || len(b.Spans) != 0 {
				t.Error("partial batch")
			}
		})
	}
}

func TestLoadBratPaths(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("annotation.conf", "[entities]\nactor\n\tperson\n!abstract\n\tclaim\n[relations]\nLocated Arg1:actor, Arg2:actor\n[events]\n[attributes]\n")
	write("a.txt", "Alice met Bob.")
	write("a.ann", "T1\tperson 0 5\tAlice\nR1\tLocated Arg1:T1 Arg2:T1\n")
	write("b.txt", "Nothing.")
	write("b.ann", "")
	for _, tc := range []struct {
		name  string
		paths []string
		docs  int
	}{
		{"folder", []string{dir}, 2},
		{"one .ann file", []string{filepath.Join(dir, "a.ann")}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := LoadPaths(context.Background(), tc.paths, "auto")
			if err != nil {
				t.Fatal(err)
			}
			if len(b.Documents) != tc.docs || b.Documents[0].Title != "a" {
				t.Errorf("documents %v", b.Documents)
			}
			var names []string
			for _, l := range b.Labels {
				names = append(names, l.Name)
			}
			if strings.Join(names, ",") != "actor,person,claim" {
				t.Errorf("labels %v, want actor,person,claim", names)
			}
			if len(b.Relations) != 1 || len(b.Spans) != 1 || b.Relations[0].From != b.Spans[0].ID {
				t.Errorf("relations %v, spans %d", b.Relations, len(b.Spans))
			}
			if len(b.RelationTypes) != 1 || b.RelationTypes[0].Name != "Located" || strings.Join(b.RelationTypes[0].FromLabels, ",") != "actor" {
				t.Errorf("relation types from annotation.conf: %+v", b.RelationTypes)
			}
		})
	}
	if _, err := LoadPaths(context.Background(), []string{filepath.Join(dir, "missing.ann")}, "brat"); err == nil {
		t.Error("a missing file read without error")
	}
	write("c.ann", "T1\tx 0 1\ta\n")
	_, err := LoadPaths(context.Background(), []string{filepath.Join(dir, "c.ann")}, "auto")
	errorNames(t, err, "c.ann", "c.txt")
}

func TestBratExportStaysInFolder(t *testing.T) {
	src := newFakeSource("a")
	for _, title := range []string{"../escape", "/etc/passwd", "sub/dir", "..", "CON", "Same", "same", "\x00\x01"} {
		src.doc(title, "text")
	}
	parent := t.TempDir()
	dir := filepath.Join(parent, "out")
	if _, err := writeBratDir(dir, src); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(parent)
	if len(entries) != 1 {
		t.Errorf("wrote outside the folder: %v", entries)
	}
	var names []string
	files, _ := os.ReadDir(dir)
	for _, f := range files {
		if f.IsDir() {
			t.Errorf("made a subfolder %s", f.Name())
		}
		names = append(names, f.Name())
	}
	sort.Strings(names)
	want := []string{"_CON.ann", "_CON.txt", "_escape.ann", "_escape.txt", "_etc_passwd.ann", "_etc_passwd.txt",
		"Same.ann", "Same.txt", "annotation.conf", "document-2.ann", "document-2.txt", "document.ann", "document.txt",
		"same-2.ann", "same-2.txt", "sub_dir.ann", "sub_dir.txt", "visual.conf"}
	sort.Strings(want)
	if !reflect.DeepEqual(names, want) {
		t.Errorf("files\n got %v\nwant %v", names, want)
	}
}

func FuzzReadBrat(f *testing.F) {
	f.Add("T1\tactor 0 5\tAlice\n#1\tAnnotatorNotes T1\tnote\nR1\tRel Arg1:T1 Arg2:T1\t\n", "Alice met Bob.")
	f.Add("T1\tx 0 2;3 5\t👍🏽 é\n", "👍🏽 e\u0301!")
	f.Add("T1\tx 0 5\tHello  World\r\n", "Hello\r\nWorld")
	f.Add("\tx", "")
	f.Add("E1\tX:T1\nA1\tNeg E1\nN1\tRef T1 db:1\tx\n*\tAlias T1 T2\n", "")
	f.Fuzz(func(t *testing.T, ann, text string) {
		if annotate.CheckText(text) != nil {
			return
		}
		b := &annotate.Batch{}
		if err := addBratDocument(b, "fuzz.ann", []byte(ann), annotate.NewDocument("fuzz", text, "")); err != nil {
			if len(b.Spans) != 0 || len(b.Documents) != 0 {
				t.Fatal("partial batch with an error")
			}
			return
		}
		if err := checkBatchOffsets(b); err != nil {
			t.Fatal(err)
		}
	})
}
