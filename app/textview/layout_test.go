package textview

import (
	"math/rand"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

func TestFenwick(t *testing.T) {
	counts := []int32{3, 1, 4, 1, 5, 9, 2, 6}
	var f fenwick
	f.build(counts)
	sum := 0
	for i, c := range counts {
		if got := f.prefix(i); got != sum {
			t.Errorf("prefix(%d) = %d, want %d", i, got, sum)
		}
		for line := sum; line < sum+int(c); line++ {
			if got := f.search(line); got != i {
				t.Errorf("search(%d) = %d, want %d", line, got, i)
			}
		}
		sum += int(c)
	}
	if f.total() != sum || f.search(sum) != len(counts) {
		t.Errorf("total %d, search(total) %d", f.total(), f.search(sum))
	}
	f.add(2, 10)
	if got := f.prefix(3); got != 3+1+14 {
		t.Errorf("after add, prefix(3) = %d", got)
	}
}

// TestLayoutInvariants lays out random text at random widths and checks
// that lines tile each paragraph, tokens tile each line, and only a single
// grapheme cluster ever overflows the width.
func TestLayoutInvariants(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	pieces := []string{"word", "a", " ", "  ", "\t", "\r\n", "\n", "北京", "cafe\u0301", "👨‍👩‍👧", "Москва",
		"“q”", "supercalifragilisticexpialidocious", "\r", "\u00a0", strings.Repeat("x", 70), "الصين"}
	for round := 0; round < 30; round++ {
		var b strings.Builder
		for i := rng.Intn(400); i > 0; i-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		text := b.String()
		width := float32(60 + rng.Intn(500))
		v, w := newView(t, text, nil, nil)
		w.Resize(fyne.NewSize(width, 300))
		l := &v.lay
		lines := 0
		for p, pr := range v.doc.paras {
			pl := l.ensureAll(p)
			lines += len(pl.lines)
			at := pr.start
			for li, ln := range pl.lines {
				if ln.start != at {
					t.Fatalf("round %d para %d line %d starts at %d, want %d", round, p, li, ln.start, at)
				}
				tokAt := ln.start
				for k := ln.t0; k < ln.t1; k++ {
					tk := pl.toks[k]
					if int(tk.start) != tokAt {
						t.Fatalf("token gap at %d", tokAt)
					}
					if tk.text() && tk.x+tk.w > l.wrapW+0.01 && tk.x > 0 {
						t.Errorf("round %d: token %q at %v+%v overflows %v", round, string(v.doc.runes[tk.start:tk.end]), tk.x, tk.w, l.wrapW)
					}
					for _, r := range v.doc.runes[tk.start:tk.end] {
						if r == '\r' && tk.text() {
							t.Errorf("'\\r' in a drawn token")
						}
					}
					tokAt = int(tk.end)
				}
				if tokAt != ln.end {
					t.Fatalf("tokens end at %d, line at %d", tokAt, ln.end)
				}
				at = ln.end
			}
			if at != pr.end || !pl.done {
				t.Fatalf("paragraph %d laid out to %d of %d", p, at, pr.end)
			}
		}
		if l.total() != lines {
			t.Errorf("line count %d after full layout, tree says %d", lines, l.total())
		}
	}
}
