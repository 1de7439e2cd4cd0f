package find

import (
	"errors"
	"fmt"
	"regexp"
	"regexp/syntax"
	"unicode/utf8"
)

// Regex finds the matches of a regular expression (Go's RE2 syntax).
type Regex struct {
	opt Options
	re  *regexp.Regexp
	// local is true when no part of the expression looks at the text
	// before where a search starts (^, \A, \b, \B), so that a search can
	// go on from the middle of the text.
	local bool
	// pre and anchored, when every match begins with one of a few
	// literal prefixes: the expression is tried, anchored, only there.
	pre      *prefilter
	anchored *regexp.Regexp
}

// NewRegex compiles expr. Unless opt.CaseSensitive, the expression is
// case-insensitive, as if it began with (?i). IgnoreAccents is refused: a
// regular expression says itself which characters it accepts.
func NewRegex(expr string, opt Options) (*Regex, error) {
	if opt.IgnoreAccents {
		return nil, errors.New("find: a regular expression cannot ignore accents; write the accented letters into it, e.g. caf[eé]")
	}
	if !opt.CaseSensitive {
		expr = "(?i)" + expr
	}
	re, err := regexp.Compile(expr)
	if err != nil {
		return nil, fmt.Errorf("find: bad regular expression: %w", err)
	}
	parsed, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil, fmt.Errorf("find: bad regular expression: %w", err)
	}
	x := &Regex{opt: opt, re: re, local: !looksBack(parsed)}
	if x.local {
		if pre := newPrefilter(parsed); pre != nil {
			if a, err := regexp.Compile(`^(?:` + expr + `)`); err == nil {
				x.pre, x.anchored = pre, a
			}
		}
	}
	return x, nil
}

// looksBack reports whether re has an assertion about the text before the
// current position.
func looksBack(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpBeginLine, syntax.OpBeginText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true
	}
	for _, s := range re.Sub {
		if looksBack(s) {
			return true
		}
	}
	return false
}

// FindAll returns the non-empty matches of the expression in text, in text
// order, without overlaps, in code points of text. Byte offsets are turned
// into code points in one pass over the text.
//
// With WholeWord, a match that is not a whole word is dropped and the
// search goes on one character after its start, as for a literal. When the
// expression uses ^, \A, \b or \B the search cannot restart in the middle of
// the text, and such a match is only dropped (the search goes on at its
// end).
func (x *Regex) FindAll(text string) []Hit {
	var c cursor
	var hits []Hit
	keep := func(b0, b1 int) bool {
		if x.opt.WholeWord && !wholeWordAt(text, b0, b1) {
			return false
		}
		s := c.at(text, b0)
		hits = append(hits, Hit{Start: s, End: s + utf8.RuneCountInString(text[b0:b1])})
		return true
	}
	if x.pre != nil {
		x.pre.starts(text, func(b int) int {
			m := x.anchored.FindStringIndex(text[b:])
			if m == nil || m[1] == 0 || !keep(b, b+m[1]) {
				return 0
			}
			return b + m[1]
		})
		return hits
	}
	if !x.local || !x.opt.WholeWord {
		for _, m := range x.re.FindAllStringIndex(text, -1) {
			if m[0] < m[1] {
				keep(m[0], m[1])
			}
		}
		return hits
	}
	for at := 0; at <= len(text); {
		m := x.re.FindStringIndex(text[at:])
		if m == nil {
			break
		}
		b0, b1 := at+m[0], at+m[1]
		if b0 < b1 && keep(b0, b1) {
			at = b1
			continue
		}
		if b0 == len(text) {
			break
		}
		_, size := utf8.DecodeRuneInString(text[b0:])
		at = b0 + size
	}
	return hits
}

// cursor converts byte offsets of a text to code points, walking the text
// once when the offsets asked for never decrease.
type cursor struct{ b, cp int }

// at returns the code point offset of byte offset b, which must not be less
// than the last one asked.
func (c *cursor) at(text string, b int) int {
	c.cp += utf8.RuneCountInString(text[c.b:b])
	c.b = b
	return c.cp
}
