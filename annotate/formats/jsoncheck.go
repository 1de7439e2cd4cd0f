package formats

import (
	"bytes"
	"encoding/json"
	"fmt"

	"gloss/annotate"
)

// checkJSON is the check every JSON reader (Gloss JSON and JSONL, doccano,
// Label Studio, spaCy) runs over a file's raw bytes before decoding, for
// what encoding/json would otherwise change silently: a lone UTF-16
// surrogate in a \u escape ("\ud800", which it turns into U+FFFD) and a
// key given twice in one object (of which it keeps the last). Either is
// refused naming the file and line. It reads a JSON value or a sequence
// of them (JSONL); a syntax error is left to the decoder to report.
func checkJSON(name string, data []byte) error {
	return checkJSONAt(name, data, 1)
}

// checkJSONAt is checkJSON for data that starts at line first of the file.
func checkJSONAt(name string, data []byte, first int) error {
	type frame struct {
		object  bool
		wantKey bool
		keys    map[string]bool
	}
	var stack []frame
	line := first
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch c {
		case '\n':
			line++
		case '{':
			stack = append(stack, frame{object: true, wantKey: true})
		case '[':
			stack = append(stack, frame{})
		case '}', ']':
			if len(stack) == 0 {
				return nil // a syntax error: the decoder says where
			}
			stack = stack[:len(stack)-1]
		case ',':
			if n := len(stack); n > 0 && stack[n-1].object {
				stack[n-1].wantKey = true
			}
		case '"':
			end, problem := scanJSONString(data, i)
			if problem != "" {
				return annotate.Errorf(annotate.EINVALID, "%s:%d: %s", name, line, problem)
			}
			if end < 0 {
				return nil
			}
			if n := len(stack); n > 0 && stack[n-1].object && stack[n-1].wantKey {
				top := &stack[n-1]
				top.wantKey = false
				key := jsonKey(data[i : end+1])
				if top.keys == nil {
					top.keys = map[string]bool{}
				}
				if top.keys[key] {
					return annotate.Errorf(annotate.EINVALID, "%s:%d: key %q appears twice in one object (which value is meant?)", name, line, key)
				}
				top.keys[key] = true
			}
			line += bytes.Count(data[i:end], []byte{'\n'}) // none in valid JSON
			i = end
		}
	}
	return nil
}

// scanJSONString finds the closing quote of the JSON string opening at
// data[start], returning its index (-1 when there is none) or a problem:
// a \u escape of a UTF-16 surrogate that is not half of a pair.
func scanJSONString(data []byte, start int) (end int, problem string) {
	for i := start + 1; i < len(data); i++ {
		switch data[i] {
		case '"':
			return i, ""
		case '\\':
			if i+1 >= len(data) {
				return -1, ""
			}
			if data[i+1] != 'u' {
				i++
				continue
			}
			r, ok := hex4(data, i+2)
			if !ok {
				return -1, ""
			}
			switch {
			case r >= 0xD800 && r <= 0xDBFF:
				if i+7 < len(data) && data[i+6] == '\\' && data[i+7] == 'u' {
					if lo, ok := hex4(data, i+8); ok && lo >= 0xDC00 && lo <= 0xDFFF {
						i += 11
						continue
					}
				}
				return -1, fmt.Sprintf("\\u%04x is half of a UTF-16 surrogate pair without its other half (not a character)", r)
			case r >= 0xDC00 && r <= 0xDFFF:
				return -1, fmt.Sprintf("\\u%04x is half of a UTF-16 surrogate pair without its other half (not a character)", r)
			}
			i += 5
		}
	}
	return -1, ""
}

// hex4 reads the four hex digits at data[at:].
func hex4(data []byte, at int) (rune, bool) {
	if at+4 > len(data) {
		return 0, false
	}
	var r rune
	for _, c := range data[at : at+4] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}

// jsonKey decodes a quoted JSON string (keys written differently, such as
// "a" and "\u0061", are the same key).
func jsonKey(quoted []byte) string {
	if !bytes.ContainsRune(quoted, '\\') {
		return string(quoted[1 : len(quoted)-1])
	}
	var s string
	if json.Unmarshal(quoted, &s) != nil {
		return string(quoted)
	}
	return s
}

// decodeJSON decodes data into v keeping numbers exactly (json.Number in
// place of float64 in any interface value), refusing anything after the
// value; errors name the file and line.
func decodeJSON(name string, data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		return jsonError(name, data, err)
	}
	if _, err := dec.Token(); err == nil {
		return annotate.Errorf(annotate.EINVALID, "%s:%d: more JSON after the end of the file's value", name, lineAt(data, dec.InputOffset()))
	}
	return nil
}

// jsonValue decodes one JSON value keeping numbers exactly (json.Number).
func jsonValue(raw []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("%s", jsonProblem(err))
	}
	return v, nil
}
