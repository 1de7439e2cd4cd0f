package find

import (
	"reflect"
	"strings"
	"testing"
)

func TestRegex(t *testing.T) {
	tests := []struct {
		name, expr, text string
		opt              Options
		want             []span
	}{
		{"code points after multibyte text", `Lavrov\w*`, "Сергей 🤝 Lavrov, lavrovs", Options{}, []span{{9, 15}, {17, 24}}},
		{"case sensitive", `Lavrov`, "Lavrov lavrov", Options{CaseSensitive: true}, []span{{0, 6}}},
		{"unicode classes", `\p{Cyrillic}+`, "Lavrov Лавров é МИД", Options{}, []span{{7, 13}, {16, 19}}},
		{"empty matches are not hits", `x*`, "axxb x", Options{}, []span{{1, 3}, {5, 6}}},
		{"whole word with a letter class", `[a-z]+ov`, "Lavrov Lavrové éLavrov Petrov", Options{WholeWord: true}, []span{{0, 6}, {23, 29}}},
		{"whole word retries after a rejected match", `a a`, "xa a a", Options{WholeWord: true}, []span{{3, 6}}},
		{"anchored: matches are only filtered", `(?m)^a a`, "a a a\na a", Options{WholeWord: true}, []span{{0, 3}, {6, 9}}},
		{"crlf", `(?m)^\w+$`, "ab\r\ncd\nef", Options{}, []span{{4, 6}, {7, 9}}},
		{"mark after the match", `cafe`, "cafe\u0301 cafe", Options{WholeWord: true}, []span{{6, 10}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			re, err := NewRegex(tc.expr, tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			if got := spans(re.FindAll(tc.text)); !reflect.DeepEqual(got, nonNil(tc.want)) {
				t.Errorf("FindAll = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestRegexErrors(t *testing.T) {
	if _, err := NewRegex(`(unclosed`, Options{}); err == nil || !strings.Contains(err.Error(), "missing closing )") {
		t.Errorf("bad expression: %v", err)
	}
	if _, err := NewRegex(`cafe`, Options{IgnoreAccents: true}); err == nil {
		t.Error("a regular expression ignoring accents was accepted")
	}
}
