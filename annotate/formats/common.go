package formats

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"gloss/annotate"
)

// Helpers shared by the interchange formats (doccano, Label Studio, brat,
// spaCy, CoNLL, CSV).

// spanKeeps says which span fields besides offsets and label a format holds.
type spanKeeps struct {
	note, annotator, group bool
}

// Reasons an exporter gives for what it left out of spans.
const (
	dropNotes      = "span notes"
	dropAnnotators = "span annotator names"
	dropGroups     = "discontinuous span links (fragments written as separate spans)"
	dropSpaces     = "label names with spaces (written with _ instead)"
)

// reportSpanLosses counts on rep the notes, annotators and discontinuous
// links of spans that a format without them leaves out.
func reportSpanLosses(rep *ExportReport, spans []*annotate.Span, keep spanKeeps) {
	groups := map[string]int{}
	notes, annotators := 0, 0
	for _, s := range spans {
		if s.Note != "" {
			notes++
		}
		if s.Annotator != "" {
			annotators++
		}
		if s.Group != "" {
			groups[s.Group]++
		}
	}
	if !keep.note {
		rep.Drop(dropNotes, notes)
	}
	if !keep.annotator {
		rep.Drop(dropAnnotators, annotators)
	}
	if !keep.group {
		n := 0
		for _, k := range groups {
			if k > 1 {
				n++
			}
		}
		rep.Drop(dropGroups, n)
	}
}

// spacelessNames maps label IDs to names with each run of white space
// replaced by "_", for formats whose label names cannot hold spaces, and
// counts on rep the labels so renamed.
func spacelessNames(labels []*annotate.Label, rep *ExportReport) map[string]string {
	m := make(map[string]string, len(labels))
	renamed := 0
	for _, l := range labels {
		name := strings.Join(strings.FieldsFunc(l.Name, unicode.IsSpace), "_")
		if name != l.Name {
			renamed++
		}
		m[l.ID] = name
	}
	rep.Drop(dropSpaces, renamed)
	return m
}

// labelNameProblem reports why name cannot be a label name, or nil.
func labelNameProblem(name string) error {
	l := annotate.Label{Name: name, Color: annotate.Palette[0]}
	return l.Validate()
}

// checkLabelName reports, at where, why name cannot be a label name.
func checkLabelName(where Where, name string) error {
	if err := labelNameProblem(name); err != nil {
		return where.Errorf("%v", err)
	}
	return nil
}

// baseTitle is a file's name without folder and extension.
func baseTitle(name string) string {
	base := filepath.Base(name)
	if t := strings.TrimSuffix(base, filepath.Ext(base)); t != "" {
		return t
	}
	return base
}

// jsonMetadata decodes every field of obj except those in skip into
// document metadata.
func jsonMetadata(obj map[string]json.RawMessage, where Where, skip ...string) (map[string]any, error) {
	md := map[string]any{}
	for k, v := range obj {
		if slices.Contains(skip, k) {
			continue
		}
		val, err := jsonValue(v)
		if err != nil {
			return nil, where.Errorf("field %q: %v", k, err)
		}
		md[k] = val
	}
	return md, nil
}

// metadataTitle picks a document title from a decoded JSON record: a
// non-empty "title" string, else the record's "id" as written, else fallback.
func metadataTitle(obj map[string]json.RawMessage, fallback string) string {
	var title string
	if json.Unmarshal(obj["title"], &title) == nil && strings.TrimSpace(title) != "" {
		return title
	}
	if id, ok := obj["id"]; ok && string(id) != "null" {
		var s string
		if json.Unmarshal(id, &s) == nil {
			if s != "" {
				return s
			}
		} else {
			return string(id)
		}
	}
	return fallback
}

// copyMetadata returns a copy of a document's metadata without the keys a
// format writes itself, and counts on rep the keys it had to leave out.
func copyMetadata(md map[string]any, rep *ExportReport, reserved ...string) map[string]any {
	out := make(map[string]any, len(md))
	clash := 0
	for k, v := range md {
		if slices.Contains(reserved, k) {
			clash++
			continue
		}
		out[k] = v
	}
	rep.Drop("document metadata fields named like the format's own fields", clash)
	return out
}

// safeFileName turns a title into a file name that stays inside its
// folder on every system and shows as what it is: no path separators, no
// "..", no control or invisible format characters (Cc, Cf: bidirectional
// controls, zero-width characters), none of <>:"|?*, no leading or trailing dots or spaces, no
// reserved Windows device name, at most 150 bytes.
func safeFileName(title string) string {
	var b strings.Builder
	for _, r := range title {
		switch {
		case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 || unicode.Is(unicode.Cf, r):
			// controls and invisible format characters (bidirectional
			// overrides such as U+202E, which would show "exe.txt" as
			// "txt.exe", zero-width spaces) are left out
		case strings.ContainsRune(`/\<>:"|?*`, r):
			b.WriteByte('_')
		default:
			b.WriteRune(r)
		}
	}
	s := b.String()
	for strings.Contains(s, "..") {
		s = strings.ReplaceAll(s, "..", ".")
	}
	if len(s) > 150 {
		cut := 150
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	s = strings.Trim(s, ". ")
	if s == "" {
		return "document"
	}
	stem, _, _ := strings.Cut(strings.ToUpper(s), ".")
	switch stem {
	case "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
		"LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9":
		s = "_" + s
	}
	return s
}

// uniqueFileName returns base, or base-2, base-3, ... the first not yet in
// used (compared without case, for case-insensitive file systems).
func uniqueFileName(base string, used map[string]bool) string {
	name := base
	for i := 2; used[strings.ToLower(name)]; i++ {
		name = fmt.Sprintf("%s-%d", base, i)
	}
	used[strings.ToLower(name)] = true
	return name
}

// checkFileBytes reports, naming the file and line, the first NUL byte or
// invalid UTF-8 in a file's raw bytes. JSON decoding would otherwise turn
// invalid UTF-8 silently into U+FFFD.
func checkFileBytes(name string, data []byte) error {
	if line, problem := annotate.TextProblem(string(data)); line > 0 {
		return Where{File: name, Line: line}.Errorf("%s", problem)
	}
	return nil
}

// checkText reports, at where (after prefix), the first NUL byte or
// invalid UTF-8 in a document text read from a field, giving the line
// within the text only when the text has several, so that the message
// never reads "file:1: line 1: ...".
func checkText(where Where, prefix, text string) error {
	line, problem := annotate.TextProblem(text)
	switch {
	case line == 0:
		return nil
	case strings.Contains(text, "\n"):
		return where.Errorf("%sthe text, in its line %d, has a %s", prefix, line, problem)
	}
	return where.Errorf("%sthe text has a %s", prefix, problem)
}

// jsonProblem describes a JSON decoding error without Go type names.
func jsonProblem(err error) string {
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) {
		return strings.TrimPrefix(err.Error(), "json: ")
	}
	want := "another type"
	switch te.Type.Kind() {
	case reflect.Int, reflect.Int64, reflect.Int32:
		want = "a whole number"
	case reflect.Float64, reflect.Float32:
		want = "a number"
	case reflect.String:
		want = "a string"
	case reflect.Slice:
		want = "a list"
	case reflect.Struct, reflect.Map:
		want = "an object"
	case reflect.Bool:
		want = "true or false"
	}
	field := te.Field
	if field == "" {
		field = "the value"
	}
	if te.Type.String() == "json.Number" {
		want = "a number"
	}
	return fmt.Sprintf("%s is a JSON %s, want %s", field, te.Value, want)
}
