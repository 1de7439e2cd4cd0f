package textview

// fenwick is a binary indexed tree over the line counts of the paragraphs:
// the line at which a paragraph starts, and the paragraph at a given line,
// both in O(log n) while counts change as paragraphs are laid out.
type fenwick struct {
	tree []int // 1-based
}

// build replaces the tree's contents with counts, in O(n).
func (f *fenwick) build(counts []int32) {
	n := len(counts)
	if cap(f.tree) >= n+1 {
		f.tree = f.tree[:n+1]
		clear(f.tree)
	} else {
		f.tree = make([]int, n+1)
	}
	for i, c := range counts {
		f.tree[i+1] += int(c)
		if j := (i + 1) + ((i + 1) & -(i + 1)); j <= n {
			f.tree[j] += f.tree[i+1]
		}
	}
}

// add adds d to the count of element i.
func (f *fenwick) add(i, d int) {
	for i++; i < len(f.tree); i += i & -i {
		f.tree[i] += d
	}
}

// prefix returns the sum of the counts of elements [0, i).
func (f *fenwick) prefix(i int) int {
	s := 0
	for ; i > 0; i -= i & -i {
		s += f.tree[i]
	}
	return s
}

// total returns the sum of all counts.
func (f *fenwick) total() int { return f.prefix(len(f.tree) - 1) }

// search returns the largest i with prefix(i) <= target: with positive
// counts, the element that holds line number target (n when past the end).
func (f *fenwick) search(target int) int {
	n := len(f.tree) - 1
	pos := 0
	step := 1
	for step*2 <= n {
		step *= 2
	}
	for ; step > 0; step /= 2 {
		if next := pos + step; next <= n && f.tree[next] <= target {
			pos = next
			target -= f.tree[next]
		}
	}
	return pos
}
