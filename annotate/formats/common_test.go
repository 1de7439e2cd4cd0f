package formats

import (
	"bytes"
	"sort"
	"strings"
	"testing"

	"gloss/annotate"
	"gloss/annotate/unitext"
	"gloss/internal/fixture"
)

// fakeSource is an in-memory Source for export tests.
type fakeSource struct {
	labels []*annotate.Label
	docs   []*annotate.Document
	spans  map[string][]*annotate.Span
}

func newFakeSource(labels ...string) *fakeSource {
	f := &fakeSource{spans: map[string][]*annotate.Span{}}
	for i, name := range labels {
		f.labels = append(f.labels, annotate.NewLabel(name, annotate.Palette[i%len(annotate.Palette)], "", ""))
	}
	return f
}

func (f *fakeSource) Labels() ([]*annotate.Label, error) { return f.labels, nil }

func (f *fakeSource) EachDocument(fn func(*annotate.Document, []*annotate.Span) error) error {
	for _, d := range f.docs {
		spans := append([]*annotate.Span(nil), f.spans[d.ID]...)
		annotate.SortSpans(spans)
		if err := fn(d, spans); err != nil {
			return err
		}
	}
	return nil
}

func (f *fakeSource) label(name string) *annotate.Label {
	for _, l := range f.labels {
		if l.Name == name {
			return l
		}
	}
	l := annotate.NewLabel(name, annotate.Palette[len(f.labels)%len(annotate.Palette)], "", "")
	f.labels = append(f.labels, l)
	return l
}

func (f *fakeSource) doc(title, text string) *annotate.Document {
	d := annotate.NewDocument(title, text, "")
	f.docs = append(f.docs, d)
	return d
}

// span adds a span over the first occurrence of sub at or after code point from.
func (f *fakeSource) span(t testing.TB, d *annotate.Document, sub string, from int, label string) *annotate.Span {
	t.Helper()
	runes := []rune(d.Text)
	i := strings.Index(string(runes[from:]), sub)
	if i < 0 {
		t.Fatalf("%q not in %q", sub, d.Title)
	}
	start := from + unitext.RuneLen(string(runes[from:])[:i])
	s := annotate.NewSpan(d.ID, start, start+unitext.RuneLen(sub), f.label(label).ID)
	f.spans[d.ID] = append(f.spans[d.ID], s)
	return s
}

// batchSource turns an imported batch back into a source, as the store would.
func batchSource(b *annotate.Batch) *fakeSource {
	f := &fakeSource{spans: map[string][]*annotate.Span{}, docs: b.Documents}
	for _, l := range b.Labels {
		c := *l
		if c.ID == "" {
			c.ID = annotate.NewID()
		}
		f.labels = append(f.labels, &c)
	}
	for _, bs := range b.Spans {
		s := bs.Span
		s.LabelID = f.label(bs.LabelName).ID
		f.spans[s.DocumentID] = append(f.spans[s.DocumentID], &s)
	}
	return f
}

// spanRow is what a round trip compares.
type spanRow struct {
	Start, End  int
	Label, Text string
	Note        string
	Annotator   string
}

func sortRows(rows []spanRow) []spanRow {
	sort.Slice(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.End != b.End {
			return a.End < b.End
		}
		return a.Label < b.Label
	})
	return rows
}

// sourceRows lists a source document's spans, with label names mapped by rename.
func sourceRows(f *fakeSource, d *annotate.Document, withNotes bool, rename func(string) string) []spanRow {
	names := labelNames(f.labels)
	off := unitext.NewOffsets(d.Text)
	var rows []spanRow
	for _, s := range f.spans[d.ID] {
		r := spanRow{Start: s.Start, End: s.End, Label: rename(names[s.LabelID]), Text: off.Slice(s.Start, s.End)}
		if withNotes {
			r.Note, r.Annotator = s.Note, s.Annotator
		}
		rows = append(rows, r)
	}
	return sortRows(rows)
}

// batchRows lists the spans a batch holds for one document.
func batchRows(b *annotate.Batch, d *annotate.Document, withNotes bool) []spanRow {
	off := unitext.NewOffsets(d.Text)
	var rows []spanRow
	for _, s := range b.Spans {
		if s.DocumentID != d.ID {
			continue
		}
		r := spanRow{Start: s.Start, End: s.End, Label: s.LabelName, Text: off.Slice(s.Start, s.End)}
		if withNotes {
			r.Note, r.Annotator = s.Note, s.Annotator
		}
		rows = append(rows, r)
	}
	return sortRows(rows)
}

func same(s string) string { return s }

// checkBatchOffsets reports the first span of b that does not fit its document.
func checkBatchOffsets(b *annotate.Batch) error {
	lengths := map[string]int{}
	for _, d := range b.Documents {
		if err := d.Validate(); err != nil {
			return err
		}
		lengths[d.ID] = unitext.RuneLen(d.Text)
	}
	for _, s := range b.Spans {
		n, ok := lengths[s.DocumentID]
		if !ok {
			return annotate.Errorf(annotate.EINVALID, "span %s refers to unknown document %s", s.ID, s.DocumentID)
		}
		if err := annotate.CheckRange(s.Start, s.End, n); err != nil {
			return err
		}
		if err := labelNameProblem(s.LabelName); err != nil {
			return err
		}
	}
	return nil
}

// fixtureBrat is brat's tutorial corpus, third-party data kept outside
// the repository.
const fixtureBrat = "brat-news"

// fixtureSource holds the Unicode edge cases with their expected spans.
func fixtureSource(t *testing.T) *fakeSource {
	t.Helper()
	u := fixture.EdgeCases(t)
	f := newFakeSource("actor", "claim", "prediction")
	d := f.doc("edge-cases", u.Text)
	off := unitext.NewOffsets(d.Text)
	for _, e := range u.Spans {
		if got := off.Slice(e.Start, e.End); got != e.Text {
			t.Fatalf("fixture span [%d,%d) is %q, expected file says %q", e.Start, e.End, got, e.Text)
		}
		s := annotate.NewSpan(d.ID, e.Start, e.End, f.label(e.Label).ID)
		f.spans[d.ID] = append(f.spans[d.ID], s)
	}
	return f
}

// corpusSource is a small generated corpus with the traps every format must
// survive: CRLF, tabs, emoji (with skin tones, flags, ZWJ), combining
// accents, overlapping and discontinuous spans, notes, two annotators, a
// label with a space, titles that are unsafe file names, a document
// without spans.
func corpusSource(t testing.TB) *fakeSource {
	f := newFakeSource("actor", "claim", "prediction", "place name")
	d1 := f.doc("Plain", "Alice met Bob in Paris.\nThey said \"it will rain\" tomorrow.\n")
	f.span(t, d1, "Alice", 0, "actor").Annotator = "alice"
	f.span(t, d1, "Bob", 0, "actor").Annotator = "bob"
	f.span(t, d1, "Paris", 0, "place name").Note = "capital"
	f.span(t, d1, "it will rain", 0, "prediction").Annotator = "bob"

	d2 := f.doc("../evil/../name", "Line one\r\nSecond\tline with a tab\r\nThird line ends.")
	f.span(t, d2, "Second", 0, "claim")
	s := f.span(t, d2, "tab", 0, "actor")
	s.Note = "a note\nwith two lines"
	f.span(t, d2, "Third", 0, "actor")

	d3 := f.doc("Unicode", "Café 👍🏽 and cafe\u0301 in 🇫🇷 with 👨\u200d👩\u200d👧 family, 北京 and Москва.")
	f.span(t, d3, "Café", 0, "place name")
	f.span(t, d3, "cafe\u0301", 0, "place name")
	f.span(t, d3, "👍🏽", 0, "claim")
	f.span(t, d3, "👨\u200d👩\u200d👧 family", 0, "actor")
	f.span(t, d3, "北京", 0, "actor")
	f.span(t, d3, "Москва", 0, "actor").Annotator = "alice"

	d4 := f.doc("Overlaps", "The quick brown fox jumps over the lazy dog.")
	f.span(t, d4, "quick brown fox", 0, "claim")
	f.span(t, d4, "brown", 0, "actor")
	g1 := f.span(t, d4, "The", 0, "actor")
	g2 := f.span(t, d4, "fox", 0, "actor")
	g1.Group, g2.Group = "group-1", "group-1"
	g1.Note, g2.Note = "discontinuous", "discontinuous"

	f.doc("Overlaps", "Same title, no spans.")
	return f
}

func TestSafeFileName(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"plain", "Report 2024", "Report 2024"},
		{"separators", "a/b\\c", "a_b_c"},
		{"dotdot", "../../etc/passwd", "_._etc_passwd"},
		{"only dots", "..", "document"},
		{"control", "a\x00b\nc\u0085d", "abcd"},
		{"windows chars", `a<b>c:d"e|f?g*h`, "a_b_c_d_e_f_g_h"},
		{"reserved", "con.txt", "_con.txt"},
		{"empty", "", "document"},
		{"trailing dot", "name. ", "name"},
		{"unicode", "北京 👍🏽", "北京 👍🏽"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := safeFileName(tc.in)
			if got != tc.want {
				t.Errorf("safeFileName(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if strings.ContainsAny(got, `/\`) || strings.Contains(got, "..") {
				t.Errorf("unsafe name %q", got)
			}
		})
	}
	long := strings.Repeat("é", 200)
	if got := safeFileName(long); len(got) > 150 || !bytes.Equal([]byte(got), []byte(strings.Repeat("é", 75))) {
		t.Errorf("long title cut to %d bytes: %q", len(got), got)
	}
}

func TestUniqueFileName(t *testing.T) {
	used := map[string]bool{}
	var got []string
	for _, n := range []string{"a", "A", "a", "b", "a-2"} {
		got = append(got, uniqueFileName(n, used))
	}
	want := []string{"a", "A-2", "a-3", "b", "a-2-2"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestDetectFormatPrefersSniffedFormats(t *testing.T) {
	for _, tc := range []struct{ name, file, data, want string }{
		{"doccano label", "a.jsonl", `{"text":"hi","label":[[0,2,"X"]]}` + "\n", "doccano"},
		{"doccano empty label", "a.jsonl", `{"text":"hi","label":[]}` + "\n", "doccano"},
		{"doccano entities", "a.jsonl", `{"text":"hi","entities":[],"relations":[]}` + "\n", "doccano"},
		{"doccano on second line", "a.jsonl", `{"text":"hi"}` + "\n" + `{"text":"ho","label":[[0,1,"X"]]}` + "\n", "doccano"},
		{"plain jsonl", "a.jsonl", `{"text":"hi","label":"positive"}` + "\n", "jsonl"},
		{"gloss jsonl", "a.jsonl", `{"id":"x","title":"t","text":"hi","sha256":"","spans":[{"label":"a"}]}` + "\n", "jsonl"},
		{"long first line", "a.jsonl", `{"text":"` + strings.Repeat("x", 5000) + `","label":[[0,1,"X"]]}`, "doccano"},
		{"label studio", "a.json", `[{"id":1,"data":{"text":"hi"},"annotations":[]}]`, "labelstudio"},
		{"gloss json", "a.json", `{"format":"gloss","version":1}`, "gloss"},
		{"brat", "a.ann", "T1\tX 0 1\ta\n", "brat"},
		{"conll", "a.conll", "a\tO\n", "conll"},
		{"iob", "a.iob", "a\tO\n", "conll"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := Detect(tc.file, []byte(tc.data), "auto")
			if err != nil {
				t.Fatal(err)
			}
			if f.Name != tc.want {
				t.Errorf("detected %s, want %s", f.Name, tc.want)
			}
		})
	}
}

// errorNames fails unless err is a domain error naming every one of want.
func errorNames(t *testing.T, err error, want ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want one naming %q", want)
	}
	if annotate.ErrorCode(err) != annotate.EINVALID {
		t.Errorf("error code %q, want %q: %v", annotate.ErrorCode(err), annotate.EINVALID, err)
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q does not name %q", err, w)
		}
	}
}
