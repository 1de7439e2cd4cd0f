package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestKWICRowsAlignOnTheHit: rows with left contexts of any length put
// their hits at the same x, with the left context ending just before it.
func TestKWICRowsAlignOnTheHit(t *testing.T) {
	test.NewTempApp(t)
	lines := [][3]string{{"a", "Lavrov", " said"}, {"a much longer left context, met ", "Wang Yi", ""}, {"", "x", " right"}}
	var hitX []float32
	for i, l := range lines {
		r := newKWICRow(0.4)
		r.set(i, l[0], l[1], l[2])
		w := test.NewTempWindow(t, r)
		w.Resize(fyne.NewSize(600, 40))
		r.Resize(fyne.NewSize(600, 40))
		hitX = append(hitX, r.hit.Position().X)
		leftEnd := r.left.Position().X + r.left.Size().Width
		if r.left.Text != "" && leftEnd != r.hit.Position().X {
			t.Errorf("row %d: left context ends at %v, hit starts at %v", i, leftEnd, r.hit.Position().X)
		}
		if r.right.Position().X < r.hit.Position().X+r.hit.Size().Width {
			t.Errorf("row %d: right context overlaps the hit", i)
		}
	}
	for i := range hitX {
		if hitX[i] != hitX[0] {
			t.Fatalf("hits at %v: not aligned", hitX)
		}
	}
	if hitX[0] < 230 || hitX[0] > 250 {
		t.Errorf("hit at %v, want 40%% of 600", hitX[0])
	}
}

// TestKWICRowCutsContextsToTheRow: long contexts are cut (the left one at
// its start, the right one at its end) so that nothing leaves the row.
func TestKWICRowCutsContextsToTheRow(t *testing.T) {
	test.NewTempApp(t)
	long := strings.Repeat("abcdefghij ", 30)
	r := newKWICRow(0.5)
	r.set(0, long+"LEFTEND", "hit", "RIGHTSTART"+long)
	w := test.NewTempWindow(t, r)
	w.Resize(fyne.NewSize(400, 40))
	r.Resize(fyne.NewSize(400, 40))
	if r.left.Position().X < 0 || !strings.HasSuffix(r.left.Text, "LEFTEND") || len(r.left.Text) >= len(long) {
		t.Errorf("left context %q at x=%v", r.left.Text, r.left.Position().X)
	}
	if end := r.right.Position().X + r.right.Size().Width; end > 400 || !strings.HasPrefix(r.right.Text, "RIGHTSTART") {
		t.Errorf("right context %q ends at %v", r.right.Text, end)
	}
}
