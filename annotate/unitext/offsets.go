package unitext

import (
	"errors"
	"fmt"
	"sort"
	"unicode/utf8"
)

// ErrOffset is matched (errors.Is) by every error Offsets returns for an
// offset outside the text or inside a character.
var ErrOffset = errors.New("offset is not on a code point of the text")

// offsetError is an ErrOffset with a message naming the offset and unit.
type offsetError struct{ msg string }

func (e *offsetError) Error() string        { return e.msg }
func (e *offsetError) Is(target error) bool { return target == ErrOffset }

func offsetErrorf(format string, args ...any) error {
	return &offsetError{msg: fmt.Sprintf(format, args...)}
}

// Offsets converts positions in one text between Unicode code points (the
// unit Gloss stores), UTF-16 code units (Java, JavaScript, WebAnno TSV) and
// UTF-8 bytes (Go, Rust, C). It is the one place in Gloss where these units
// meet; everything else speaks code points.
type Offsets struct {
	text  string
	bytes []int32 // bytes[i]: byte offset of code point i; len n+1
	u16   []int32 // u16[i]: UTF-16 offset of code point i; len n+1
}

// NewOffsets indexes text. It costs 8 bytes per code point; for pure ASCII
// text it stores nothing since all three units agree.
func NewOffsets(text string) *Offsets {
	o := &Offsets{text: text}
	ascii := true
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return o
	}
	n := utf8.RuneCountInString(text)
	o.bytes = make([]int32, 0, n+1)
	o.u16 = make([]int32, 0, n+1)
	u := int32(0)
	for b, r := range text {
		o.bytes = append(o.bytes, int32(b))
		o.u16 = append(o.u16, u)
		if r >= 0x10000 {
			u += 2
		} else {
			u++
		}
	}
	o.bytes = append(o.bytes, int32(len(text)))
	o.u16 = append(o.u16, u)
	return o
}

// Len returns the text's length in code points.
func (o *Offsets) Len() int {
	if o.bytes == nil {
		return len(o.text)
	}
	return len(o.bytes) - 1
}

// Byte returns the UTF-8 byte offset of code point cp (0 <= cp <= Len()).
func (o *Offsets) Byte(cp int) int {
	if o.bytes == nil {
		return cp
	}
	return int(o.bytes[cp])
}

// UTF16 returns the UTF-16 code unit offset of code point cp (0 <= cp <= Len()).
func (o *Offsets) UTF16(cp int) int {
	if o.u16 == nil {
		return cp
	}
	return int(o.u16[cp])
}

// FromByte returns the code point at UTF-8 byte offset b, or an error when b
// is out of range or falls inside a character.
func (o *Offsets) FromByte(b int) (int, error) {
	return o.from(o.bytes, b, len(o.text), "UTF-8 byte")
}

// FromUTF16 returns the code point at UTF-16 offset u, or an error when u is
// out of range or falls between the two halves of a surrogate pair.
func (o *Offsets) FromUTF16(u int) (int, error) {
	max := len(o.text)
	if o.u16 != nil {
		max = int(o.u16[len(o.u16)-1])
	}
	return o.from(o.u16, u, max, "UTF-16")
}

func (o *Offsets) from(table []int32, v, max int, unit string) (int, error) {
	if v < 0 || v > max {
		return 0, offsetErrorf("%s offset %d is outside the text (0..%d)", unit, v, max)
	}
	if table == nil {
		return v, nil
	}
	lo, hi := 0, len(table)-1
	for lo < hi { // first index with table[i] >= v
		mid := (lo + hi) / 2
		if int(table[mid]) < v {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if int(table[lo]) != v {
		return 0, offsetErrorf("%s offset %d falls inside a character", unit, v)
	}
	return lo, nil
}

// Slice returns the text of code points [start, end).
func (o *Offsets) Slice(start, end int) string {
	return o.text[o.Byte(start):o.Byte(end)]
}

// RuneLen returns the length of s in code points.
func RuneLen(s string) int { return utf8.RuneCountInString(s) }

// Points converts a few code point positions of one text, found in a single
// pass without indexing the whole text: the cheap way to convert span
// boundaries when exporting a large corpus.
type Points struct {
	text  string
	cps   []int // sorted, unique
	bytes []int
	u16   []int
}

// NewPoints prepares the conversion of the given code point positions
// (0 <= cp <= length, in any order, duplicates allowed).
func NewPoints(text string, cps []int) *Points {
	p := &Points{text: text, cps: sortUnique(cps)}
	p.bytes = make([]int, len(p.cps))
	p.u16 = make([]int, len(p.cps))
	i, cp, u := 0, 0, 0
	for b, r := range text {
		for i < len(p.cps) && p.cps[i] == cp {
			p.bytes[i], p.u16[i] = b, u
			i++
		}
		if i == len(p.cps) {
			return p
		}
		cp++
		if r >= 0x10000 {
			u += 2
		} else {
			u++
		}
	}
	for ; i < len(p.cps); i++ {
		p.bytes[i], p.u16[i] = len(text), u
	}
	return p
}

func (p *Points) index(cp int) int {
	lo, hi := 0, len(p.cps)
	for lo < hi {
		mid := (lo + hi) / 2
		if p.cps[mid] < cp {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo == len(p.cps) || p.cps[lo] != cp {
		panic("annotate: Points asked for a position it was not given")
	}
	return lo
}

// Byte returns the UTF-8 byte offset of a prepared position.
func (p *Points) Byte(cp int) int { return p.bytes[p.index(cp)] }

// UTF16 returns the UTF-16 offset of a prepared position.
func (p *Points) UTF16(cp int) int { return p.u16[p.index(cp)] }

// Slice returns the text between two prepared positions.
func (p *Points) Slice(start, end int) string { return p.text[p.Byte(start):p.Byte(end)] }

func sortUnique(v []int) []int {
	s := append([]int(nil), v...)
	sort.Ints(s)
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}
