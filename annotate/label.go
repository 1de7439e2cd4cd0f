package annotate

import (
	"regexp"
	"strings"
)

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
