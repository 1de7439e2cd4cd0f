package formats

import (
	"reflect"
	"strings"
	"testing"

	"gloss/annotate"
	"gloss/annotate/unitext"
)

func TestCoNLLTokenize(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string // token texts; "|" marks a new line
	}{
		{"words and punctuation", "Putin met Xi, didn't he?", []string{"Putin", "met", "Xi", ",", "didn", "'", "t", "he", "?"}},
		{"numbers", "3.5% in 2027", []string{"3", ".", "5", "%", "in", "2027"}},
		{"combining accent stays", "cafe\u0301 café", []string{"cafe\u0301", "café"}},
		{"emoji sequences stay whole", "a👨\u200d👩\u200d👧b 👍🏽🇫🇷", []string{"a", "👨\u200d👩\u200d👧", "b", "👍🏽", "🇫🇷"}},
		{"CJK and Cyrillic", "北京 и Москва", []string{"北京", "и", "Москва"}},
		{"lines", "a b\r\nc\td\n\ne", []string{"a", "b", "|", "c", "d", "|", "e"}},
		{"format characters separate", "\ufeffa\u200bb", []string{"a", "b"}},
		{"quotes", "“x” «y»", []string{"“", "x", "”", "«", "y", "»"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			toks := conllTokenize(tc.text)
			var got []string
			off := unitext.NewOffsets(tc.text)
			for i, tok := range toks {
				if i > 0 && tok.line != toks[i-1].line {
					got = append(got, "|")
				}
				if off.Slice(tok.start, tok.end) != tok.text {
					t.Errorf("token %q at [%d, %d) is %q in the text", tok.text, tok.start, tok.end, off.Slice(tok.start, tok.end))
				}
				got = append(got, tok.text)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestCoNLLExportReport(t *testing.T) {
	src := newFakeSource("actor", "claim", "big claim")
	d := src.doc("d", "Alice met Bob.\nThey said so.")
	src.span(t, d, "Alice met Bob", 0, "claim")
	src.span(t, d, "Bob", 0, "actor")                       // overlaps the longer claim
	src.span(t, d, "lic", 0, "actor")                       // inside a token
	src.span(t, d, "Bob.\nThey", 0, "claim")                // across a line
	src.span(t, d, "said so", 0, "big claim").Note = "note" // label with a space
	b, rep, out := exportRead(t, "conll", "out.conll", src)
	want := map[string]int{dropOverlap: 1, dropUnaligned: 1, dropMultiline: 1, dropSpaces: 1, dropNotes: 1}
	if !reflect.DeepEqual(rep.Dropped, want) {
		t.Errorf("dropped %v, want %v", rep.Dropped, want)
	}
	if rep.Spans != 2 {
		t.Errorf("report says %d spans written, want 2", rep.Spans)
	}
	wantOut := "-DOCSTART-\tO\n\nAlice\tB-claim\nmet\tI-claim\nBob\tI-claim\n.\tO\n\nThey\tO\nsaid\tB-big_claim\nso\tI-big_claim\n.\tO\n\n"
	if string(out) != wantOut {
		t.Errorf("wrote\n%s\nwant\n%s", out, wantOut)
	}
	if got := batchRows(b, b.Documents[0], false); !reflect.DeepEqual(got, []spanRow{
		{Start: 0, End: 13, Label: "claim", Text: "Alice met Bob"}, {Start: 21, End: 28, Label: "big_claim", Text: "said so"}}) {
		t.Errorf("read back %v", got)
	}
}

// conllExpected lists, per document, the label and token-joined text of the
// spans the CoNLL exporter keeps.
func conllExpected(src *fakeSource, d *annotate.Document) []spanRow {
	rep := &ExportReport{}
	names := spacelessNames(src.labels, rep)
	toks := conllTokenize(d.Text)
	spans := append([]*annotate.Span(nil), src.spans[d.ID]...)
	annotate.SortSpans(spans)
	tags, _ := conllTags(toks, unitext.RuneLen(d.Text), spans, names, rep)
	var rows []spanRow
	for i, tag := range tags {
		switch {
		case strings.HasPrefix(tag, "B-"):
			rows = append(rows, spanRow{Label: tag[2:], Text: toks[i].text})
		case strings.HasPrefix(tag, "I-"):
			rows[len(rows)-1].Text += " " + toks[i].text
		}
	}
	return rows
}

func TestCoNLLRoundTrip(t *testing.T) {
	for _, tc := range roundTripSources() {
		t.Run(tc.name, func(t *testing.T) {
			src := tc.src(t)
			b, rep, _ := exportRead(t, "conll", "out.conll", src)
			var withText []*annotate.Document
			for _, d := range src.docs {
				if strings.TrimSpace(d.Text) != "" {
					withText = append(withText, d)
				}
			}
			if len(b.Documents) != len(withText) {
				t.Fatalf("read %d documents, wrote %d", len(b.Documents), len(withText))
			}
			total := 0
			for i, d := range withText {
				got := b.Documents[i]
				var toks []string
				for _, tok := range conllTokenize(d.Text) {
					toks = append(toks, tok.text)
				}
				if flat := strings.Fields(got.Text); !reflect.DeepEqual(flat, toks) {
					t.Errorf("document %d text %q, want tokens %q", i, got.Text, toks)
				}
				var have []spanRow
				off := unitext.NewOffsets(got.Text)
				for _, s := range b.Spans {
					if s.DocumentID == got.ID {
						have = append(have, spanRow{Label: s.LabelName, Text: off.Slice(s.Start, s.End)})
					}
				}
				want := conllExpected(src, d)
				if !reflect.DeepEqual(have, want) {
					t.Errorf("document %q spans:\n got %v\nwant %v", d.Title, have, want)
				}
				total += len(want)
			}
			if rep.Spans != total {
				t.Errorf("report says %d spans, read back %d", rep.Spans, total)
			}
			if tc.name == "unicode fixture" && rep.Dropped[dropOverlap] == 0 {
				t.Errorf("overlapping spans in the fixture not reported: %v", rep.Dropped)
			}
		})
	}
}

func TestReadCoNLL(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		texts      []string
		spans      []spanRow // over all documents, in order
	}{
		{
			name:  "IOB2 with DOCSTART",
			data:  "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP B-MISC\n\nPeter\tB-PER\nBlackburn\tI-PER\n\n-DOCSTART-\tO\n\nXi\tB-PER\n",
			texts: []string{"EU rejects German\nPeter Blackburn", "Xi"},
			spans: []spanRow{{0, 2, "ORG", "EU", "", ""}, {11, 17, "MISC", "German", "", ""}, {18, 33, "PER", "Peter Blackburn", "", ""}, {0, 2, "PER", "Xi", "", ""}},
		},
		{
			name:  "IOB1 starts with I and B splits",
			data:  "a I-X\nb I-X\nc B-X\nd I-Y\ne O\n",
			texts: []string{"a b c d e"},
			spans: []spanRow{{0, 3, "X", "a b", "", ""}, {4, 5, "X", "c", "", ""}, {6, 7, "Y", "d", "", ""}},
		},
		{
			name:  "BIOES and BILOU",
			data:  "a S-X\nb B-X\nc E-X\nd U-Y\ne B-Y\nf L-Y\n",
			texts: []string{"a b c d e f"},
			spans: []spanRow{{0, 1, "X", "a", "", ""}, {2, 5, "X", "b c", "", ""}, {6, 7, "Y", "d", "", ""}, {8, 11, "Y", "e f", "", ""}},
		},
		{
			name:  "CRLF and emoji tokens",
			data:  "👨\u200d👩\u200d👧\tB-X\r\ncafe\u0301\tI-X\r\n\r\n!\tO\r\n",
			texts: []string{"👨\u200d👩\u200d👧 cafe\u0301\n!"},
			spans: []spanRow{{0, 11, "X", "👨\u200d👩\u200d👧 cafe\u0301", "", ""}},
		},
		{
			name:  "span ends at sentence end",
			data:  "a B-X\n\nb I-X\n",
			texts: []string{"a\nb"},
			spans: []spanRow{{0, 1, "X", "a", "", ""}, {2, 3, "X", "b", "", ""}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := readCoNLL("in.conll", []byte(tc.data))
			if err != nil {
				t.Fatal(err)
			}
			if err := checkBatchOffsets(b); err != nil {
				t.Fatal(err)
			}
			var texts []string
			var rows []spanRow
			for _, d := range b.Documents {
				texts = append(texts, d.Text)
				rows = append(rows, batchRows(b, d, false)...)
			}
			if !reflect.DeepEqual(texts, tc.texts) {
				t.Errorf("texts %q, want %q", texts, tc.texts)
			}
			if !reflect.DeepEqual(rows, tc.spans) {
				t.Errorf("spans %v, want %v", rows, tc.spans)
			}
		})
	}
}

func TestReadCoNLLMalformed(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		want       []string
	}{
		{"one column", "a\tO\nb\n", []string{"x.conll:2", "token and a tag"}},
		{"bad tag", "a\tO\n\nb\tX-PER\n", []string{"x.conll:3", `"X-PER"`}},
		{"tag without label", "a\tB-\n", []string{"x.conll:1", "label"}},
		{"lower-case o", "a\to\n", []string{"x.conll:1", `"o"`}},
		{"NUL", "a\tO\n\x00\tO\n", []string{"x.conll:2", "NUL"}},
		{"invalid UTF-8", "a\tO\n\nb\xff\tO\n", []string{"x.conll:3", "UTF-8"}},
		{"binary", "\x7fELF\x02\x01\x01\x00", []string{"x.conll:1"}},
		{"JSON by mistake", `{"text": "a"}`, []string{"x.conll:1"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := readCoNLL("x.conll", []byte(tc.data))
			errorNames(t, err, tc.want...)
			if b != nil {
				t.Error("partial batch")
			}
		})
	}
}

func FuzzReadCoNLL(f *testing.F) {
	f.Add([]byte("-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\nPeter\tB-PER\nBlackburn\tI-PER\n"))
	f.Add([]byte("a I-X\nb E-X\nc S-Y\r\n\r\n👍🏽\tU-Z\n"))
	f.Add([]byte("\n\n-DOCSTART-\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := readCoNLL("fuzz.conll", data)
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
