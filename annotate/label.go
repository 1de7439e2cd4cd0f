package annotate

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// MaxLabelName is the longest label name, in characters.
const MaxLabelName = 100

// NormalizeLabelName returns name in Unicode normal form C, the form every
// label name is stored in, so that "café" typed with a combining accent
// and with a precomposed é is one label.
func NormalizeLabelName(name string) string { return norm.NFC.String(name) }

// LabelKey is what two label names must share to be the same label: the
// name in normal form C, in lower case. Names that differ only in case or
// Unicode form are one label (a clash to resolve, not two labels).
func LabelKey(name string) string { return strings.ToLower(NormalizeLabelName(name)) }

// invisibleInName reports a character a label name may not hold: controls
// (Cc), format characters (Cf: zero-width spaces and joiners, bidirectional
// marks and overrides, the byte order mark), line and paragraph
// separators, and the Hangul fillers that show as nothing.
func invisibleInName(r rune) bool {
	switch {
	case unicode.Is(unicode.Cc, r), unicode.Is(unicode.Cf, r), unicode.Is(unicode.Zl, r), unicode.Is(unicode.Zp, r):
		return true
	case r == 0x115f, r == 0x1160, r == 0x3164, r == 0xffa0:
		return true
	}
	return false
}

// Label is a category a span can carry, such as claim, actor or prediction.
type Label struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Color       string `json:"color"`  // #RRGGBB
	Hotkey      string `json:"hotkey"` // "" or one key, e.g. "1"
	Description string `json:"description"`
	Order       int    `json:"order"`
}

// Palette is the Okabe–Ito colour-blind-safe palette, used in order for new labels.
var Palette = []string{"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999", "#000000"}

var colorRE = regexp.MustCompile(`^#[0-9A-Fa-f]{6}$`)

// ValidColor reports whether c has the #RRGGBB form.
func ValidColor(c string) bool { return colorRE.MatchString(c) }

// ValidHotkey reports whether k is empty or a single digit or letter.
func ValidHotkey(k string) bool {
	if k == "" {
		return true
	}
	if len(k) != 1 {
		return false
	}
	c := k[0]
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// Validate checks the label's name, colour and hotkey.
func (l *Label) Validate() error {
	name := strings.TrimSpace(l.Name)
	switch {
	case name == "":
		return Errorf(EINVALID, "a label needs a name")
	case name != l.Name:
		return Errorf(EINVALID, "label name %q has leading or trailing space", l.Name)
	case strings.ContainsAny(l.Name, "\t\r\n"):
		return Errorf(EINVALID, "label name %q contains a tab or line break", l.Name)
	case utf8.RuneCountInString(l.Name) > MaxLabelName:
		return Errorf(EINVALID, "label name %q… is %d characters long; at most %d", firstRunes(l.Name, 20), utf8.RuneCountInString(l.Name), MaxLabelName)
	case strings.IndexFunc(l.Name, invisibleInName) >= 0:
		r, _ := utf8.DecodeRuneInString(l.Name[strings.IndexFunc(l.Name, invisibleInName):])
		return Errorf(EINVALID, "label name %q contains the invisible or control character %s", l.Name, runeName(r))
	case !utf8.ValidString(l.Name):
		return Errorf(EINVALID, "label name %q is not valid UTF-8", l.Name)
	case !ValidColor(l.Color):
		return Errorf(EINVALID, "label %q: colour %q is not #RRGGBB", l.Name, l.Color)
	case !ValidHotkey(l.Hotkey):
		return Errorf(EINVALID, "label %q: hotkey %q must be one digit or letter", l.Name, l.Hotkey)
	}
	return nil
}

// NewLabel returns a label with a fresh ID.
func NewLabel(name, color, hotkey, description string) *Label {
	return &Label{ID: NewID(), Name: name, Color: color, Hotkey: hotkey, Description: description}
}

// firstRunes is the first n characters of s.
func firstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// runeName writes r as U+XXXX.
func runeName(r rune) string { return fmt.Sprintf("U+%04X", r) }
