package main

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Everything gloss-cli prints for people goes through termText (both
// output streams are termWriters, see run), so that a title, label, text,
// note or file name from a stranger's file cannot send the terminal an
// escape sequence (moving the cursor, rewriting the screen, setting the
// window title) or reorder what is shown with bidirectional controls.
// Data written to standard output by export is not touched (env.raw).

// termEscape reports whether r must not reach a terminal as it is: C0
// controls (but line feed and tab, which listings use), DEL, C1 controls,
// and the bidirectional marks, embeddings, overrides and isolates.
func termEscape(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f:
		return true
	case r == 0x061c || r == 0x200e || r == 0x200f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// termText returns s with each character termEscape refuses written as a
// visible escape (\x1b for C0 controls, \u202e from DEL up, which inside
// a JSON string is the same character, so JSON output stays valid) and
// each invalid UTF-8 byte as \xNN; line feeds and tabs are kept. Text
// without such characters is unchanged.
func termText(s string) string {
	clean := true
	for i, r := range s {
		if termEscape(r) || r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD") {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case termEscape(r) && r < 0x20: // (JSON output never holds these raw)
			fmt.Fprintf(&b, `\x%02x`, r)
		case termEscape(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// termField is termText for one field of a one-line, tab-separated row:
// line breaks and tabs are escaped too (\n, \t), so the row stays one
// row of the same columns.
func termField(s string) string {
	return termText(strings.NewReplacer("\\", `\\`, "\n", `\n`, "\r", `\r`, "\t", `\t`).Replace(s))
}

// termWriter writes everything through termText.
type termWriter struct{ w io.Writer }

// Write escapes p and writes it, reporting all of p written on success.
func (t termWriter) Write(p []byte) (int, error) {
	if _, err := io.WriteString(t.w, termText(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}
