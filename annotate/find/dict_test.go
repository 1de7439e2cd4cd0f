package find

import (
	"reflect"
	"strings"
	"testing"
)

func mustDict(t testing.TB, name, data, def string, opt Options) *Dictionary {
	t.Helper()
	entries, err := ParseDictionary(name, []byte(data), def)
	if err != nil {
		t.Fatalf("ParseDictionary: %v", err)
	}
	d, err := NewDictionary(name, entries, opt)
	if err != nil {
		t.Fatalf("NewDictionary: %v", err)
	}
	return d
}

// refDict is the reference for dictionaries: at each position, every term
// is tried with the reference comparison; the longest that passes wins, and
// the scan goes on at its end.
func refDict(text string, terms []Entry, opt Options) []Hit {
	t := []rune(text)
	var out []Hit
	for s := 0; s < len(t); {
		best := -1
		for i, e := range terms {
			p := []rune(e.Term)
			if s+len(p) > len(t) || !refEqual(t[s:s+len(p)], p, opt.CaseSensitive) {
				continue
			}
			if opt.WholeWord && !refWhole(t, s, s+len(p)) {
				continue
			}
			if best < 0 || len(p) > len([]rune(terms[best].Term)) {
				best = i
			}
		}
		if best < 0 {
			s++
			continue
		}
		n := len([]rune(terms[best].Term))
		out = append(out, Hit{Start: s, End: s + n, Label: terms[best].Label})
		s += n
	}
	return out
}

func TestDictionaryLongestWins(t *testing.T) {
	d := mustDict(t, "dict.tsv", "term\tlabel\nLavrov\tperson\nSergei Lavrov\tactor\nNew York\tplace\nYork Times\tpaper\nМИД\torg\n", "", Options{WholeWord: true})
	text := "Sergei Lavrov met Lavrov in New York Times Square; the мид said"
	want := []Hit{{0, 13, "actor"}, {18, 24, "person"}, {28, 36, "place"}, {55, 58, "org"}}
	if got := d.FindAll(text); !reflect.DeepEqual(got, want) {
		t.Errorf("FindAll = %v, want %v", got, want)
	}
}

func TestDictionaryWholeWordFallsBackToShorter(t *testing.T) {
	d := mustDict(t, "d.tsv", "Lavrov\nLavrovs\n", "actor", Options{WholeWord: true})
	// "Lavrovsk": neither is a whole word; "Lavrovs!": the longer one is
	if got, want := d.FindAll("Lavrovsk Lavrovs! Lavrov."), []Hit{{9, 16, "actor"}, {18, 24, "actor"}}; !reflect.DeepEqual(got, want) {
		t.Errorf("FindAll = %v, want %v", got, want)
	}
	d = mustDict(t, "d.tsv", "ab\nabc d\n", "x", Options{WholeWord: true})
	// "abc d" at 0 is whole; "ab" at 0 is not (c follows)
	if got, want := d.FindAll("abc d ab"), []Hit{{0, 5, "x"}, {6, 8, "x"}}; !reflect.DeepEqual(got, want) {
		t.Errorf("FindAll = %v, want %v", got, want)
	}
}

func TestDictionaryAccentsAndCase(t *testing.T) {
	d := mustDict(t, "d.csv", "\uFEFFterm,label\n\"Lavrov, Sergei\",actor\ncafé,place\n", "", Options{IgnoreAccents: true})
	text := "LAVROV, SERGEI at the cafe\u0301 and the Café"
	want := []Hit{{0, 14, "actor"}, {22, 27, "place"}, {36, 40, "place"}}
	if got := d.FindAll(text); !reflect.DeepEqual(got, want) {
		t.Errorf("FindAll = %v, want %v", got, want)
	}
}

// TestDictionaryDifferential compares the automaton with the reference on
// random texts and random dictionaries drawn from the text's alphabet.
func TestDictionaryDifferential(t *testing.T) {
	rng := newRand(3)
	for iter := 0; iter < 3000; iter++ {
		abc := alphabet
		if iter%2 == 1 {
			abc = tiny
		}
		text := randomText(rng, abc, rng.Intn(50))
		var entries []Entry
		seen := map[string]bool{}
		for i := 1 + rng.Intn(6); i > 0; i-- {
			term := randomText(rng, abc, 1+rng.Intn(4))
			k := string(keyPattern(term, Options{}))
			if seen[k] || strings.TrimSpace(term) != term {
				continue
			}
			seen[k] = true
			entries = append(entries, Entry{Term: term, Label: "l" + k, Line: i})
		}
		if len(entries) == 0 {
			continue
		}
		for _, opt := range []Options{{}, {WholeWord: true}} {
			denseLimit = 1 << 22
			if iter%3 == 0 { // the fail-link automaton, as for a huge dictionary
				denseLimit = 0
			}
			d, err := NewDictionary("d", entries, opt)
			denseLimit = 1 << 22
			if err != nil {
				t.Fatal(err)
			}
			got, want := d.FindAll(text), refDict(text, entries, opt)
			if len(got) == 0 && len(want) == 0 {
				continue
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%+v text %q terms %q: got %v, want %v", opt, text, entries, got, want)
			}
		}
	}
}

func TestParseDictionary(t *testing.T) {
	got, err := ParseDictionary("d.tsv", []byte("\uFEFFTerm\tLabel\r\n  Lavrov \t actor \r\n\r\nMoscow\r\nKyiv\tplace\t\n"), "place")
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{{"Lavrov", "actor", 2}, {"Moscow", "place", 4}, {"Kyiv", "place", 5}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	got, err = ParseDictionary("D.CSV", []byte("\"Lavrov, Sergei\",actor\n\"two\nlines\",x\nMoscow\n"), "place")
	if err != nil {
		t.Fatal(err)
	}
	want = []Entry{{"Lavrov, Sergei", "actor", 1}, {"two\nlines", "x", 2}, {"Moscow", "place", 4}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("csv: got %v, want %v", got, want)
	}
}

// TestDictionaryBadRows checks that every bad row is refused with the file
// name and its line.
func TestDictionaryBadRows(t *testing.T) {
	tests := []struct{ name, data, def, want string }{
		{"dict.tsv", "a\tx\nb\tx\nc\n", "", "dict.tsv:3: term \"c\" has no label"},
		{"dict.tsv", "a\tx\n\tx\n", "", "dict.tsv:2: the term is empty"},
		{"dict.tsv", "a\tx\nb\tx\ty\n", "", "dict.tsv:2: 3 fields"},
		{"dict.tsv", "a\tx\nb\xff\tx\n", "", "dict.tsv:2: not valid UTF-8"},
		{"dict.csv", "a,x\n\"b,x\n", "", "dict.csv:2:"},
		{"dict.csv", "a,x\nb,x,y\n", "", "dict.csv:2: 3 fields"},
		{"dict.tsv", "\n\n", "x", "dict.tsv: no terms"},
		{"dict.tsv", "term\tlabel\n", "x", "dict.tsv: no terms"},
	}
	for _, tc := range tests {
		_, err := ParseDictionary(tc.name, []byte(tc.data), tc.def)
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("ParseDictionary(%q) = %v, want an error starting %q", tc.data, err, tc.want)
		}
	}
	entries, err := ParseDictionary("dict.tsv", []byte("Lavrov\tactor\nMoscow\tplace\nLAVROV\tperson\n"), "")
	if err != nil {
		t.Fatal(err)
	}
	_, err = NewDictionary("dict.tsv", entries, Options{})
	if err == nil || !strings.HasPrefix(err.Error(), "dict.tsv:3: term \"LAVROV\"") || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("conflicting labels: %v", err)
	}
	if _, err := NewDictionary("dict.tsv", entries, Options{CaseSensitive: true}); err != nil {
		t.Errorf("case-sensitive terms differ, yet: %v", err)
	}
	entries = []Entry{{Term: "\u0301", Label: "x", Line: 4}}
	if _, err := NewDictionary("d.tsv", entries, Options{IgnoreAccents: true}); err == nil || !strings.HasPrefix(err.Error(), "d.tsv:4:") {
		t.Errorf("term of only accents: %v", err)
	}
}

func TestDictionaryLabels(t *testing.T) {
	d := mustDict(t, "d.tsv", "a\tz\nb\ty\nc\tz\n", "", Options{})
	if got := d.Labels(); !reflect.DeepEqual(got, []string{"y", "z"}) {
		t.Errorf("Labels = %v", got)
	}
}
