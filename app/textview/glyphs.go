package textview

import (
	"bytes"
	"sync"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/fontscan"
)

// fontCover answers which characters some font available to Fyne can draw.
// It follows the chain Fyne's painter uses for plain text: the theme's font,
// Fyne's bundled text and emoji fonts, then any system font (found with
// go-text's fontscan, as Fyne does). A character none of them has is drawn
// as "�".
type fontCoverState struct {
	sync.Mutex
	faces   map[fyne.Resource]*font.Face
	sys     *fontscan.FontMap
	sysDone bool
	known   map[rune]bool
}

var fontCover fontCoverState

// MissingGlyphs returns the characters of text that no font available to
// Fyne can draw, each once, in order of first appearance; nil when every
// character can be drawn. Whitespace, controls and characters that are
// never drawn (joiners, variation selectors, direction marks) are not
// checked. th is the theme the text is drawn with (nil: the current one).
// It is safe to call from any goroutine; the first call that meets a
// character missing from Fyne's own fonts scans the system's fonts, which
// can take a moment, so call it off the main goroutine.
func MissingGlyphs(text string, th fyne.Theme) []rune {
	if th == nil {
		th = theme.Current()
	}
	own := []fyne.Resource{th.Font(fyne.TextStyle{}), theme.DefaultTextFont(), theme.DefaultEmojiFont()}
	fc := &fontCover
	fc.Lock()
	defer fc.Unlock()
	if fc.faces == nil {
		fc.faces, fc.known = map[fyne.Resource]*font.Face{}, map[rune]bool{}
	}
	var missing []rune
	seen := map[rune]bool{}
	for _, r := range text {
		if seen[r] || notDrawn(r) {
			continue
		}
		seen[r] = true
		ok, cached := fc.known[r]
		if !cached {
			ok = fc.covered(r, own)
			fc.known[r] = ok
		}
		if !ok {
			missing = append(missing, r)
		}
	}
	return missing
}

// MissingGlyphs returns the characters of the document no font can draw
// (see the package function MissingGlyphs), for the view's theme.
func (v *TextView) MissingGlyphs() []rune { return MissingGlyphs(v.doc.text, v.Theme()) }

// notDrawn reports whether r is never drawn as a glyph of its own.
func notDrawn(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) ||
		unicode.Is(unicode.Variation_Selector, r) || unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r)
}

// covered reports whether one of Fyne's own fonts or a system font has r.
// The caller holds the lock.
func (fc *fontCoverState) covered(r rune, own []fyne.Resource) bool {
	for _, res := range own {
		if f := fc.face(res); f != nil {
			if _, ok := f.NominalGlyph(r); ok {
				return true
			}
		}
	}
	if !fc.sysDone {
		fc.sysDone = true
		fm := fontscan.NewFontMap(quiet{})
		if err := fm.UseSystemFonts(""); err == nil {
			fc.sys = fm
		}
	}
	if fc.sys == nil {
		return false
	}
	fc.sys.SetQuery(fontscan.Query{Families: []string{fontscan.SansSerif}})
	f := fc.sys.ResolveFace(r) // any face when none has r, as Fyne gets
	if f == nil {
		return false
	}
	_, ok := f.NominalGlyph(r)
	return ok
}

// face parses a font resource once; nil when it is absent or unreadable.
func (fc *fontCoverState) face(res fyne.Resource) *font.Face {
	if res == nil {
		return nil
	}
	f, ok := fc.faces[res]
	if !ok {
		f, _ = font.ParseTTF(bytes.NewReader(res.Content()))
		fc.faces[res] = f
	}
	return f
}

// quiet drops fontscan's notes on fonts it could not match or read.
type quiet struct{}

func (quiet) Printf(string, ...any) {}
