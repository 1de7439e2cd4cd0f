package find

import (
	"unicode"
	"unicode/utf8"
)

// isWordRune reports whether r is a letter, a digit or '_'.
func isWordRune(r rune) bool {
	if r < 0x80 {
		return r == '_' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

// isMark reports whether r is a combining mark (category M).
func isMark(r rune) bool {
	return r >= 0x300 && unicode.IsMark(r)
}

// wordBefore reports whether the character before offset start of text is a
// word character, skipping the combining marks that sit on it.
func wordBefore(text []rune, start int) bool {
	i := start - 1
	for i >= 0 && isMark(text[i]) {
		i--
	}
	return i >= 0 && isWordRune(text[i])
}

// wordAfter reports whether the match ending at end runs on into a word:
// the next character is a letter, a digit, '_' or a combining mark.
func wordAfter(text []rune, end int) bool {
	return end < len(text) && (isWordRune(text[end]) || isMark(text[end]))
}

// wholeWord reports whether [start, end) of text is a whole word.
func wholeWord(text []rune, start, end int) bool {
	return !wordBefore(text, start) && !wordAfter(text, end)
}

// wholeWordAt reports whether the bytes [b0, b1) of text are a whole word,
// by the rule of wholeWord.
func wholeWordAt(text string, b0, b1 int) bool {
	for i := b0; i > 0; {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		if isMark(r) {
			i -= size
			continue
		}
		if isWordRune(r) {
			return false
		}
		break
	}
	if b1 < len(text) {
		r, _ := utf8.DecodeRuneInString(text[b1:])
		return !isWordRune(r) && !isMark(r)
	}
	return true
}
