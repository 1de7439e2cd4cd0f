package formats

import (
	"bytes"
	"encoding/csv"
	"testing"
)

// TestCSVNeutralisesFormulas: every text cell (title, label, span text,
// note, annotator) that a spreadsheet would run as a formula gets a '
// in front by default and none without escaping; every other cell, and
// the numbers, are written exactly, so ordinary text reads back as it was.
func TestCSVNeutralisesFormulas(t *testing.T) {
	hostile := []string{"=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"}
	ordinary := []string{"plain", "a=b", " =not at start", "'quoted", "ünïcode 👍", "x-y", "line\nbreak", "-"}
	src := newFakeSource()
	var text string
	for _, s := range append(append([]string{}, hostile...), ordinary...) {
		text += s + "|"
	}
	d := src.doc("=cmd|' /C calc'!A0", text)
	at := 0
	for _, s := range append(append([]string{}, hostile...), ordinary...) {
		sp := src.span(t, d, s, at, "@label")
		sp.Note, sp.Annotator = s, "+ana"
		at = sp.End + 1
	}
	for _, escape := range []bool{true, false} {
		var buf bytes.Buffer
		if _, err := CSVFormat(escape).Write(&buf, src); err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(&buf).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		want := func(s string) string {
			if escape && s != "" && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r') {
				return "'" + s
			}
			return s
		}
		for i, row := range rows[1:] {
			var s string
			if i < len(hostile) {
				s = hostile[i]
			} else {
				s = ordinary[i-len(hostile)]
			}
			if row[5] != want(s) || row[6] != want(s) || row[1] != want(d.Title) || row[4] != want("@label") || row[7] != want("+ana") {
				t.Errorf("escape=%v, span %q: row %q", escape, s, row)
			}
			if row[2] == "" || row[2][0] == '\'' {
				t.Errorf("numbers must stay numbers: %q", row[2])
			}
		}
	}
}
