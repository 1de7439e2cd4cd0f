package formats

import (
	"encoding/json"
	"unicode/utf16"
	"unicode/utf8"
)

// A plain JSONL line of a large corpus is usually flat: one object whose
// values are strings, numbers, true, false or null, one of them "text".
// Decoding such a line with encoding/json (into a map of raw values, then
// each value again, after the duplicate-key check) read every byte of the
// text five times; flatLine reads it once. It decides nothing by itself:
// a line it does not fully understand (nested values, a syntax error, a
// key given twice, a lone UTF-16 surrogate, invalid UTF-8, no "text"
// string, a "spans" field) is left to readLine, whose checks and errors
// are the only ones, and a line it does read gives exactly the document
// readLine gives (FuzzFlatLine checks both).

// plainField is one field of a plain line other than "text", its value
// decoded as jsonValue decodes it (json.Number for a number).
type plainField struct {
	key string
	val any
}

// flatLine decodes flat lines, reusing its buffers from line to line.
type flatLine struct {
	text   string
	fields []plainField
	buf    []byte
}

// scan decodes raw when it is a flat object (see above) with a "text"
// string and no "spans" field, and reports whether it did.
func (f *flatLine) scan(raw []byte) bool {
	f.text, f.fields = "", f.fields[:0]
	hasText := false
	i := skipSpace(raw, 0)
	if i >= len(raw) || raw[i] != '{' {
		return false
	}
	i = skipSpace(raw, i+1)
	if i < len(raw) && raw[i] == '}' {
		return false // no "text"
	}
	for {
		if i >= len(raw) || raw[i] != '"' {
			return false
		}
		key, next, ok := f.str(raw, i)
		if !ok || key == "spans" {
			return false
		}
		i = skipSpace(raw, next)
		if i >= len(raw) || raw[i] != ':' {
			return false
		}
		i = skipSpace(raw, i+1)
		if i >= len(raw) {
			return false
		}
		var val any
		switch c := raw[i]; {
		case c == '"':
			var s string
			if s, i, ok = f.str(raw, i); !ok {
				return false
			}
			val = s
		case c == '-' || (c >= '0' && c <= '9'):
			end := numberEnd(raw, i)
			if end < 0 {
				return false
			}
			val, i = json.Number(raw[i:end]), end
		case hasWord(raw, i, "true"):
			val, i = true, i+4
		case hasWord(raw, i, "false"):
			val, i = false, i+5
		case hasWord(raw, i, "null"):
			val, i = nil, i+4
		default:
			return false // an object, a list or a syntax error
		}
		if key == "text" {
			s, isString := val.(string)
			if hasText || !isString {
				return false
			}
			f.text, hasText = s, true
		} else {
			for _, g := range f.fields {
				if g.key == key {
					return false
				}
			}
			f.fields = append(f.fields, plainField{key, val})
		}
		i = skipSpace(raw, i)
		if i >= len(raw) {
			return false
		}
		if raw[i] == '}' {
			break
		}
		if raw[i] != ',' {
			return false
		}
		i = skipSpace(raw, i+1)
	}
	return hasText && skipSpace(raw, i+1) == len(raw)
}

// str decodes the JSON string opening at raw[start] as encoding/json
// does, returning the index after its closing quote; ok is false for an
// unclosed string, a control character, a bad escape, a lone surrogate
// or invalid UTF-8.
func (f *flatLine) str(raw []byte, start int) (s string, next int, ok bool) {
	i := start + 1
	for i < len(raw) { // the common case: nothing to unescape
		c := raw[i]
		if c == '"' {
			return string(raw[start+1 : i]), i + 1, true
		}
		if c == '\\' {
			break
		}
		if c < 0x20 {
			return "", 0, false
		}
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError && size == 1 {
			return "", 0, false
		}
		i += size
	}
	f.buf = append(f.buf[:0], raw[start+1:i]...)
	return f.unescape(raw, i)
}

// unescape is str from raw[i], the first backslash, on: it appends what
// follows to f.buf.
func (f *flatLine) unescape(raw []byte, i int) (s string, next int, ok bool) {
	b := f.buf
	defer func() { f.buf = b[:0] }()
	for i < len(raw) {
		c := raw[i]
		switch {
		case c == '"':
			return string(b), i + 1, true
		case c < 0x20:
			return "", 0, false
		case c == '\\':
			if i+1 >= len(raw) {
				return "", 0, false
			}
			switch e := raw[i+1]; e {
			case '"', '\\', '/':
				b = append(b, e)
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				r, ok := hex4(raw, i+2)
				if !ok {
					return "", 0, false
				}
				if utf16.IsSurrogate(r) {
					if r >= 0xDC00 || i+11 >= len(raw) || raw[i+6] != '\\' || raw[i+7] != 'u' {
						return "", 0, false
					}
					lo, ok := hex4(raw, i+8)
					if !ok || lo < 0xDC00 || lo > 0xDFFF {
						return "", 0, false
					}
					r = utf16.DecodeRune(r, lo)
					i += 6
				}
				b = utf8.AppendRune(b, r)
				i += 4
			default:
				return "", 0, false
			}
			i += 2
		case c < utf8.RuneSelf:
			b = append(b, c)
			i++
		default:
			r, size := utf8.DecodeRune(raw[i:])
			if r == utf8.RuneError && size == 1 {
				return "", 0, false
			}
			b = append(b, raw[i:i+size]...)
			i += size
		}
	}
	return "", 0, false
}

// skipSpace returns the index of the first byte at or after i that is not
// JSON white space.
func skipSpace(raw []byte, i int) int {
	for i < len(raw) && (raw[i] == ' ' || raw[i] == '\t' || raw[i] == '\r' || raw[i] == '\n') {
		i++
	}
	return i
}

// hasWord reports whether raw holds word at i.
func hasWord(raw []byte, i int, word string) bool {
	return len(raw)-i >= len(word) && string(raw[i:i+len(word)]) == word
}

// numberEnd returns the end of the JSON number starting at raw[i]
// (-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?), or -1.
func numberEnd(raw []byte, i int) int {
	digits := func(i int) int {
		j := i
		for j < len(raw) && raw[j] >= '0' && raw[j] <= '9' {
			j++
		}
		return j
	}
	if raw[i] == '-' {
		i++
	}
	switch {
	case i < len(raw) && raw[i] == '0':
		i++
	case i < len(raw) && raw[i] >= '1' && raw[i] <= '9':
		i = digits(i)
	default:
		return -1
	}
	if i < len(raw) && raw[i] == '.' {
		j := digits(i + 1)
		if j == i+1 {
			return -1
		}
		i = j
	}
	if i < len(raw) && (raw[i] == 'e' || raw[i] == 'E') {
		i++
		if i < len(raw) && (raw[i] == '+' || raw[i] == '-') {
			i++
		}
		j := digits(i)
		if j == i {
			return -1
		}
		i = j
	}
	return i
}
