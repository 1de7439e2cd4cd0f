package gen

import (
	"math/rand"
	"testing"

	"gloss/annotate"
	"gloss/annotate/unitext"
)

func TestCorpusDeterministicAndValid(t *testing.T) {
	o := Options{Docs: 20, Size: 3000, SpansPerDoc: 15, Seed: 7}
	a, b := Corpus(o), Corpus(o)
	if len(a.Documents) != 20 {
		t.Fatalf("%d documents", len(a.Documents))
	}
	nonASCII := false
	for i, d := range a.Documents {
		if d.Text != b.Documents[i].Text {
			t.Fatal("same seed, different text")
		}
		if len(d.Text) < 3000 || len(d.Text) > 3400 {
			t.Errorf("document %d is %d bytes, want about 3000", i, len(d.Text))
		}
		if err := d.Validate(); err != nil {
			t.Fatal(err)
		}
		for _, c := range d.Text {
			nonASCII = nonASCII || c > 127
		}
	}
	if !nonASCII {
		t.Error("no non-ASCII text generated")
	}
	lengths := map[string]int{}
	for _, d := range a.Documents {
		lengths[d.ID] = unitext.RuneLen(d.Text)
	}
	if len(a.Spans) != 20*15 {
		t.Errorf("%d spans, want 300", len(a.Spans))
	}
	for _, s := range a.Spans {
		if err := annotate.CheckRange(s.Start, s.End, lengths[s.DocumentID]); err != nil {
			t.Fatal(err)
		}
	}
}

func TestSpansAreWordAligned(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	text := Text(r, 2000)
	runes := []rune(text)
	for _, s := range Spans(r, "d", text, 50) {
		if s.Start > 0 && runes[s.Start-1] != ' ' && runes[s.Start-1] != '\n' {
			t.Errorf("span starts inside a word: %q", string(runes[s.Start:s.End]))
		}
		if runes[s.End-1] == ' ' {
			t.Errorf("span ends in a space: %q", string(runes[s.Start:s.End]))
		}
	}
}
