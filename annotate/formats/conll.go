package formats

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// CoNLL 2003 / IOB2 holds one token per line with its tag in the last
// column, a blank line after each sentence and a -DOCSTART- line at the
// start of each document:
//
//	-DOCSTART-	O
//
//	Putin	B-actor
//	met	O
//	Xi	B-actor
//	Jinping	I-actor
//	.	O
//
// Tokenizer (used for export): the text is cut into grapheme clusters, so an
// emoji sequence or a letter with its combining accents is never split.
// White space, control and format characters separate tokens; a run of
// clusters starting with a letter, digit or combining mark is one token;
// every other cluster (punctuation, symbols, emoji) is a token on its own.
// So "don't!" gives don ' t !, and "3.5%" gives 3 . 5 %. Each line of the
// text is one sentence.
//
// Export writes a span as B- on its first token and I- on the rest. A span
// must start and end on token boundaries and stay within one line, and
// tokens carry one tag: of overlapping spans the longest is kept. What does
// not fit is counted as left out, as are notes, annotators, discontinuous
// links and the structure beyond spans (relations, events, attributes,
// typed notes, equivalences, normalisations, document categories). Spaces
// in label names become "_".
//
// Import accepts two or more columns separated by tabs or spaces (the first
// is the token, the last the tag), IOB2, IOB1 (a span may start with I-)
// and BIOES/BILOU tags. The text is rebuilt with single spaces between
// tokens and a line break between sentences; offsets refer to that text.
var conllFormat = &Format{
	Name:       "conll",
	Extensions: []string{".conll", ".iob", ".bio"},
	Read:       readCoNLL,
	Write:      writeCoNLL,
}

// conllToken is one token of a text: its code point range and its line.
type conllToken struct {
	start, end, line int
	text             string
}

// conllTokenize splits text into tokens by the rule in the format's doc.
func conllTokenize(text string) []conllToken {
	var toks []conllToken
	cp, line, state := 0, 0, -1
	inWord := false
	for rest := text; rest != ""; {
		var cluster string
		cluster, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		n := utf8.RuneCountInString(cluster)
		r, _ := utf8.DecodeRuneInString(cluster)
		switch {
		case unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			inWord = false
			if strings.ContainsAny(cluster, "\n\r") {
				line++
			}
		case inWord && conllWordStart(r):
			t := &toks[len(toks)-1]
			t.end += n
			t.text += cluster
		default:
			toks = append(toks, conllToken{start: cp, end: cp + n, line: line, text: cluster})
			inWord = conllWordStart(r)
		}
		cp += n
	}
	return toks
}

// conllWordStart reports whether a cluster starting with r belongs to a word.
func conllWordStart(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}
