package textview

import (
	"image"
	"image/color"
	"image/png"
	"os"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

func TestIsEmojiCluster(t *testing.T) {
	for s, want := range map[string]bool{
		"🤝": true, "🔬": true, "🧑\u200d🔬": true, "🇩🇪": true, "☕": true, "✅": true,
		"©\uFE0F": true, "1\uFE0F\u20E3": true, "☺\uFE0F": true,
		"a": false, "1": false, "©": false, "☺": false, "中": false, "é": false, "→": false,
	} {
		if got := isEmojiCluster([]rune(s)); got != want {
			t.Errorf("isEmojiCluster(%q) = %v, want %v", s, got, want)
		}
	}
}

// needEmojiFont returns the system's colour emoji font; without one the
// test is skipped, or fails under CI (which installs fonts-noto-color-emoji).
func needEmojiFont(t *testing.T) fyne.Resource {
	t.Helper()
	f := emojiFont()
	if f == nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("no colour emoji font on this system (install fonts-noto-color-emoji)")
		}
		t.Skip("no colour emoji font on this system (fonts-noto-color-emoji)")
	}
	return f
}

// inkSize returns the size of the box around the pixels of r in img that
// differ from bg.
func inkSize(img image.Image, r image.Rectangle, bg color.Color) (w, h int) {
	br, bgc, bb, _ := bg.RGBA()
	ink := image.Rectangle{}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			if absDiff(cr, br)+absDiff(cg, bgc)+absDiff(cb, bb) > 0x6000 {
				ink = ink.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	return ink.Dx(), ink.Dy()
}

func absDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}

// TestEmojiDrawnAtTextSize: 🤝 and 🔬 are drawn about as big as the text
// size (Fyne's own chain drew them at half size), and the ZWJ sequence 🧑‍🔬
// is one glyph as wide as one emoji (it was 🧑 and 🔬 side by side).
func TestEmojiDrawnAtTextSize(t *testing.T) {
	test.NewTempApp(t)
	font := needEmojiFont(t)
	text := "A 🤝 🔬 🧑\u200d🔬 B" // code points: A 0, 🤝 2, 🔬 4, 🧑 6, ZWJ 7, 🔬 8, B 10
	v, w := newView(t, text, nil, nil)
	byText := map[string]*canvas.Text{}
	for _, o := range texts(v) {
		byText[o.Text] = o
	}
	img := w.Canvas().Capture()
	if out := os.Getenv("GLOSS_EMOJI_PNG"); out != "" { // to look at it
		if f, err := os.Create(out); err == nil {
			png.Encode(f, img)
			f.Close()
		}
	}
	bg := img.At(img.Bounds().Max.X-2, img.Bounds().Max.Y-2)
	origin := canvasPos(v, w)
	for _, s := range []string{"🤝", "🔬", "🧑\u200d🔬"} {
		o := byText[s]
		if o == nil {
			t.Fatalf("%q is not drawn as one text object; objects: %v", s, keys(byText))
		}
		if o.FontSource != font {
			t.Errorf("%q drawn with %v, want the system emoji font", s, o.FontSource)
		}
		p := origin.Add(o.Position())
		top := int(p.Y - o.TextSize/2) // the emoji font's ascent can reach above the box
		r := image.Rect(int(p.X), max(top, 0), int(p.X+o.Size().Width), int(p.Y+o.Size().Height+o.TextSize/2))
		if iw, ih := inkSize(img, r, bg); float32(max(iw, ih)) < 0.85*o.TextSize {
			t.Errorf("%q is drawn %d×%d px at text size %.0f, want at least 85%% of it", s, iw, ih, o.TextSize)
		}
	}
	hand := v.PositionOf(3).X - v.PositionOf(2).X
	scientist := v.PositionOf(9).X - v.PositionOf(6).X
	if scientist > 1.2*hand || scientist < 0.8*hand {
		t.Errorf("🧑‍🔬 is %.1f wide, 🤝 %.1f: the sequence should be one glyph", scientist, hand)
	}
	if b := v.PositionOf(10); b.Y != v.PositionOf(0).Y {
		t.Errorf("B at %v, A at %v: the line should not wrap", b, v.PositionOf(0))
	}
}

func keys(m map[string]*canvas.Text) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
