package app

import "strconv"

// countText writes a count for people to read, its digits grouped in
// threes ("1,000,000"), so that the counts of a large corpus read at a
// glance in the status bar and progress messages.
func countText(n int) string {
	s := strconv.Itoa(n)
	neg := n < 0
	if neg {
		s = s[1:]
	}
	out := make([]byte, 0, len(s)+len(s)/3+1)
	if neg {
		out = append(out, '-')
	}
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	return string(out)
}
