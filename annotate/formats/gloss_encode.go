package formats

import (
	"encoding/json"
	"strconv"
	"time"
	"unicode/utf8"
)

// appendGlossDocument appends g as JSON, exactly as encoding/json would
// write it (same keys in the same order), without reflection: exporting a
// large corpus spends most of its time here.
func appendGlossDocument(b []byte, g *GlossDocument) ([]byte, error) {
	b = append(b, `{"id":`...)
	b = appendString(b, g.ID)
	b = append(b, `,"title":`...)
	b = appendString(b, g.Title)
	b = append(b, `,"text":`...)
	b = appendString(b, g.Text)
	b = append(b, `,"sha256":`...)
	b = appendString(b, g.SHA256)
	if g.Source != "" {
		b = append(b, `,"source":`...)
		b = appendString(b, g.Source)
	}
	b = append(b, `,"status":`...)
	b = appendString(b, string(g.Status))
	b = append(b, `,"metadata":`...)
	md, err := json.Marshal(g.Metadata)
	if err != nil {
		return nil, err
	}
	b = append(b, md...)
	b = append(b, `,"created_at":`...)
	b = appendTime(b, g.CreatedAt)
	b = append(b, `,"updated_at":`...)
	b = appendTime(b, g.UpdatedAt)
	b = append(b, `,"spans":[`...)
	for i := range g.Spans {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendGlossSpan(b, &g.Spans[i])
	}
	b = append(b, ']')
	// Version 2's structure is written as encoding/json writes it: it is
	// small beside the spans.
	for _, part := range []struct {
		key   string
		value any
		empty bool
	}{
		{"categories", g.Categories, len(g.Categories) == 0},
		{"relations", g.Relations, len(g.Relations) == 0},
		{"events", g.Events, len(g.Events) == 0},
		{"notes", g.Notes, len(g.Notes) == 0},
		{"equivs", g.Equivs, len(g.Equivs) == 0},
		{"norms", g.Norms, len(g.Norms) == 0},
	} {
		if part.empty {
			continue
		}
		v, err := json.Marshal(part.value)
		if err != nil {
			return nil, err
		}
		b = append(b, `,"`+part.key+`":`...)
		b = append(b, v...)
	}
	return append(b, '}'), nil
}

func appendGlossSpan(b []byte, s *GlossSpan) []byte {
	b = append(b, `{"id":`...)
	b = appendString(b, s.ID)
	b = append(b, `,"start":`...)
	b = strconv.AppendInt(b, int64(s.Start), 10)
	b = append(b, `,"end":`...)
	b = strconv.AppendInt(b, int64(s.End), 10)
	b = append(b, `,"label":`...)
	b = appendString(b, s.Label)
	b = append(b, `,"text":`...)
	b = appendString(b, s.Text)
	b = append(b, `,"note":`...)
	b = appendString(b, s.Note)
	b = append(b, `,"annotator":`...)
	b = appendString(b, s.Annotator)
	if s.Group != "" {
		b = append(b, `,"group":`...)
		b = appendString(b, s.Group)
	}
	if len(s.Attributes) > 0 {
		b = append(b, `,"attributes":{`...)
		for i, k := range sortedKeys(s.Attributes) {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, k)
			b = append(b, ':')
			b = appendString(b, s.Attributes[k])
		}
		b = append(b, '}')
	}
	b = append(b, `,"created_at":`...)
	b = appendTime(b, s.CreatedAt)
	b = append(b, `,"updated_at":`...)
	b = appendTime(b, s.UpdatedAt)
	b = append(b, `,"utf16":[`...)
	b = strconv.AppendInt(b, int64(s.UTF16[0]), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(s.UTF16[1]), 10)
	b = append(b, `],"utf8":[`...)
	b = strconv.AppendInt(b, int64(s.UTF8[0]), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(s.UTF8[1]), 10)
	return append(b, "]}"...)
}

func appendTime(b []byte, t time.Time) []byte {
	b = append(b, '"')
	b = t.AppendFormat(b, time.RFC3339Nano)
	return append(b, '"')
}

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string with encoding/json's escaping
// (including <, >, & and U+2028/U+2029), so output is byte-identical.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
