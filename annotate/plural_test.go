package annotate

import "testing"

func TestPlural(t *testing.T) {
	for _, c := range []struct {
		n    int
		word string
		want string
	}{
		{1, "document", "1 document"},
		{0, "span", "0 spans"},
		{2, "label", "2 labels"},
		{3, "entry", "3 entries"},
		{2, "key", "2 keys"},
	} {
		if got := Plural(c.n, c.word); got != c.want {
			t.Errorf("Plural(%d, %q) = %q, want %q", c.n, c.word, got, c.want)
		}
	}
}
