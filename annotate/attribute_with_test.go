package annotate

import (
	"maps"
	"testing"
)

// WithAttribute sets and removes without touching the map it was given,
// and says whether anything changed.
func TestWithAttribute(t *testing.T) {
	orig := map[string]string{"negated": "true"}
	cases := []struct {
		in          map[string]string
		name, value string
		want        map[string]string
		changed     bool
	}{
		{nil, "tense", "past", map[string]string{"tense": "past"}, true},
		{orig, "tense", "past", map[string]string{"negated": "true", "tense": "past"}, true},
		{orig, "negated", "true", map[string]string{"negated": "true"}, false},
		{orig, "negated", "", map[string]string{}, true},
		{orig, "tense", "", map[string]string{"negated": "true"}, false},
		{nil, "tense", "", nil, false},
	}
	for _, c := range cases {
		got, changed := WithAttribute(c.in, c.name, c.value)
		if changed != c.changed || len(got) != len(c.want) || !maps.Equal(got, c.want) {
			t.Errorf("WithAttribute(%v, %q, %q) = %v, %v; want %v, %v", c.in, c.name, c.value, got, changed, c.want, c.changed)
		}
	}
	if len(orig) != 1 || orig["negated"] != "true" {
		t.Errorf("the map given was changed: %v", orig)
	}
}
