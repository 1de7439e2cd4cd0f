package find

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzLiteral checks the literal matcher against the reference scan, and
// the accent-insensitive one for well-formed hits.
func FuzzLiteral(f *testing.F) {
	f.Add("Lavrov🤝Blinken lavrov", "LAVROV", uint8(2))
	f.Add("cafe\u0301 café", "cafe", uint8(4))
	f.Add("İstanbul ΣΟΦΊΑ straße", "σ", uint8(0))
	f.Add("a\r\nb", "\r\n", uint8(1))
	f.Fuzz(func(t *testing.T, text, needle string, flags uint8) {
		if !utf8.ValidString(text) || !utf8.ValidString(needle) {
			return
		}
		opt := Options{CaseSensitive: flags&1 != 0, WholeWord: flags&2 != 0, IgnoreAccents: flags&4 != 0}
		l, err := NewLiteral(needle, opt)
		if err != nil {
			return
		}
		hits := l.FindAll(text)
		if !opt.IgnoreAccents {
			if want := nonNil(refFind(text, needle, opt.CaseSensitive, opt.WholeWord)); !reflect.DeepEqual(spans(hits), want) {
				t.Fatalf("got %v, reference %v", hits, want)
			}
			return
		}
		// accent-insensitive: hits are well formed, never start on or stop
		// before a dropped mark, and cover text that keys to the needle
		r := []rune(text)
		want := string(keyPattern(needle, opt))
		last := 0
		for _, h := range hits {
			if h.Start < last || h.End <= h.Start || h.End > len(r) {
				t.Fatalf("bad or overlapping hit %v after %d in %d code points", h, last, len(r))
			}
			if unicode.Is(unicode.Mn, r[h.Start]) || h.End < len(r) && unicode.Is(unicode.Mn, r[h.End]) {
				t.Fatalf("hit %v of %q cuts a mark from its letter", h, text)
			}
			if got := string(keyPattern(string(r[h.Start:h.End]), opt)); got != want {
				t.Fatalf("hit %v covers %q, which keys to %q, not %q", h, string(r[h.Start:h.End]), got, want)
			}
			last = h.End
		}
	})
}

// FuzzParseDictionary checks that any file either parses into usable
// entries or is refused with an error naming the file, and never panics.
func FuzzParseDictionary(f *testing.F) {
	f.Add("dict.tsv", "term\tlabel\nLavrov\tactor\nMoscow\n")
	f.Add("dict.csv", "\uFEFF\"Lavrov, Sergei\",actor\n\"open")
	f.Add("dict.tsv", "a\tb\tc\n\t\n\xff")
	f.Fuzz(func(t *testing.T, name, data string) {
		entries, err := ParseDictionary(name, []byte(data), "fallback")
		if err != nil {
			if !strings.HasPrefix(err.Error(), name+":") {
				t.Fatalf("error %q does not name the file %q", err, name)
			}
			return
		}
		line := 0
		for _, e := range entries {
			if e.Term == "" || e.Label == "" || e.Line <= line || strings.TrimSpace(e.Term) != e.Term {
				t.Fatalf("bad entry %+v after line %d", e, line)
			}
			line = e.Line
		}
		d, err := NewDictionary(name, entries, Options{})
		if err != nil {
			if !strings.HasPrefix(err.Error(), name+":") {
				t.Fatalf("error %q does not name the file %q", err, name)
			}
			return
		}
		for _, e := range entries {
			// alone in a text, a term is found whole (no longer term fits)
			hits := d.FindAll(e.Term)
			if len(hits) == 0 || hits[0].Start != 0 || hits[0].End != utf8.RuneCountInString(e.Term) {
				t.Fatalf("term %q alone gives %v", e.Term, hits)
			}
		}
	})
}
