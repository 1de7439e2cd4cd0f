package store

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"

	"gloss/annotate"
	"gloss/annotate/find"
)

// TestValidRuneCount: the word-at-a-time count equals the standard
// library's on valid UTF-8 of every length and alignment, with one- to
// four-byte characters at every position.
func TestValidRuneCount(t *testing.T) {
	pieces := []string{"a", " ", "é", "ж", "中", "🤝", "\u0301", "\x7f", "\u07ff", "\u0800", "\U0010ffff"}
	r := rand.New(rand.NewSource(1))
	for n := 0; n < 3000; n++ {
		var b strings.Builder
		for k := r.Intn(40); k > 0; k-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		s := b.String()
		for off := 0; off < len(s) && off < 9; off++ { // every alignment
			if !utf8.ValidString(s[off:]) {
				continue
			}
			if got, want := validRuneCount(s[off:]), utf8.RuneCountInString(s[off:]); got != want {
				t.Fatalf("%q: %d code points, want %d", s[off:], got, want)
			}
		}
	}
}

// TestStoredLengthChecked: a document whose stored length is one code
// point off its text is reported as damaged when read, and by a search
// that finds it.
func TestStoredLengthChecked(t *testing.T) {
	s := newProject(t)
	d := addDoc(t, s, "counted", "Zürich, Москва 🤝 and a long enough ASCII tail")
	if _, err := s.db.Exec(`UPDATE documents SET length = length - 1`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Document(d.ID); err == nil || !strings.Contains(err.Error(), "stored length 44 is not its text's 45 code points") {
		t.Errorf("read: %v", err)
	}
	err := s.SearchText("москва", find.Options{}, 0, func(*annotate.Document, []find.Hit) bool { return true })
	if err == nil || !strings.Contains(err.Error(), "stored length") {
		t.Errorf("search: %v", err)
	}
}
