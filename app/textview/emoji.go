package textview

import (
	"os"
	"path/filepath"
	"sync"

	"fyne.io/fyne/v2"
	"github.com/go-text/typesetting/fontscan"
)

// Emoji are drawn with the system's colour emoji font (Noto Color Emoji on
// Debian and Ubuntu) rather than through Fyne's own font chain. Fyne 2.7.1
// (internal/painter/font.go, CachedFontFace and lookupFaces) looks for a
// character in the theme's font, its bundled text font, its bundled
// EmojiOne (SVG glyphs, which go-text/render's drawSVG paints at about half
// size) and only then in the system's fonts: 🤝 came out small, and 🧑‍🔬
// (🧑 only in Noto, 🔬 in EmojiOne) was shaped as two runs in two fonts. A
// canvas.Text whose FontSource is the system emoji font is shaped in that
// font alone, so a ZWJ sequence becomes one glyph and bitmap (CBDT) glyphs
// are drawn at text size. Each emoji grapheme cluster is its own token (an
// ideograph-like token: a line may break around it).

var emojiFontState struct {
	once sync.Once
	res  fyne.Resource
}

// emojiFont returns the system's colour emoji font, found once with
// go-text's fontscan (as Fyne finds system fonts); nil when there is none.
// The first call scans the system's fonts (fontscan keeps an index in the
// user's cache folder).
func emojiFont() fyne.Resource {
	s := &emojiFontState
	s.once.Do(func() {
		fm := fontscan.NewFontMap(quiet{})
		if err := fm.UseSystemFonts(""); err != nil {
			return
		}
		loc, ok := knownEmojiFont(fm)
		if !ok {
			fm.SetQuery(fontscan.Query{Families: []string{fontscan.Emoji}})
			const probe = 0x1F9D1 // 🧑, Unicode 10: not in Fyne's bundled EmojiOne
			f := fm.ResolveFace(probe)
			if f == nil {
				return
			}
			if _, ok := f.NominalGlyph(probe); !ok {
				return
			}
			loc = fm.FontLocation(f.Font)
		}
		if loc.File == "" || loc.Index != 0 {
			return // a face of a collection: Fyne parses a resource as one font
		}
		data, err := os.ReadFile(loc.File)
		if err != nil {
			return
		}
		s.res = fyne.NewStaticResource(filepath.Base(loc.File), data)
	})
	return s.res
}

// knownEmojiFont looks for the usual colour emoji fonts by name, which
// (unlike resolving a character) does not load any font.
func knownEmojiFont(fm *fontscan.FontMap) (fontscan.Location, bool) {
	for _, family := range []string{"Noto Color Emoji", "Twemoji", "JoyPixels", "Apple Color Emoji", "Segoe UI Emoji"} {
		if loc, ok := fm.FindSystemFont(family); ok {
			return loc, true
		}
	}
	return fontscan.Location{}, false
}

// emojiSource returns the font to draw runes with: the system emoji font
// when runes start with an emoji cluster and there is such a font, else nil
// (the theme's fonts). Tokens hold either emoji or other text, never both.
func emojiSource(runes []rune) fyne.Resource {
	if !isEmojiCluster(runes) {
		return nil
	}
	return emojiFont()
}

// isEmojiCluster reports whether the grapheme cluster c (or a run starting
// with one) is an emoji drawn as a colour picture: its first character is a
// pictograph of the planes' emoji blocks or has emoji presentation, or the
// cluster asks for emoji presentation with U+FE0F right after it.
func isEmojiCluster(c []rune) bool {
	if len(c) == 0 || c[0] < 0x23 {
		return false
	}
	r := c[0]
	if r >= 0x1F000 && r <= 0x1FAFF || emojiPresentationBMP(r) {
		return true
	}
	return len(c) > 1 && c[1] == 0xFE0F // ©️, ☺️, keycaps like 1️⃣
}

// emojiPresentationBMP reports whether r is one of the characters below
// U+10000 that are emoji by default (Emoji_Presentation=Yes in Unicode's
// emoji-data.txt), such as ⌚ ☕ ⚡ ✅ ❌ ⭐.
func emojiPresentationBMP(r rune) bool {
	if r < 0x231A || r > 0x2B55 {
		return false
	}
	for i := 0; i < len(emojiPresentationRanges); i += 2 {
		if r < emojiPresentationRanges[i] {
			return false
		}
		if r <= emojiPresentationRanges[i+1] {
			return true
		}
	}
	return false
}

var emojiPresentationRanges = []rune{
	0x231A, 0x231B, 0x23E9, 0x23EC, 0x23F0, 0x23F0, 0x23F3, 0x23F3, 0x25FD, 0x25FE,
	0x2614, 0x2615, 0x2648, 0x2653, 0x267F, 0x267F, 0x2693, 0x2693, 0x26A1, 0x26A1,
	0x26AA, 0x26AB, 0x26BD, 0x26BE, 0x26C4, 0x26C5, 0x26CE, 0x26CE, 0x26D4, 0x26D4,
	0x26EA, 0x26EA, 0x26F2, 0x26F3, 0x26F5, 0x26F5, 0x26FA, 0x26FA, 0x26FD, 0x26FD,
	0x2705, 0x2705, 0x270A, 0x270B, 0x2728, 0x2728, 0x274C, 0x274C, 0x274E, 0x274E,
	0x2753, 0x2755, 0x2757, 0x2757, 0x2795, 0x2797, 0x27B0, 0x27B0, 0x27BF, 0x27BF,
	0x2B1B, 0x2B1C, 0x2B50, 0x2B50, 0x2B55, 0x2B55,
}

// emojiShift is how far down an emoji run must be drawn so that its
// baseline meets the text's: canvas.Text puts the baseline at its font's
// ascent, and the emoji font's ascent differs from the text font's.
func emojiShift(size float32, src fyne.Resource) float32 {
	d := fyne.CurrentApp().Driver()
	_, textBase := d.RenderedTextSize("Mg", size, fyne.TextStyle{}, nil)
	_, emojiBase := d.RenderedTextSize("\U0001F9D1", size, fyne.TextStyle{}, src)
	return textBase - emojiBase
}
