//go:build e2e

package app

import (
	"fmt"
	"os"
	"strings"
	"time"

	"fyne.io/fyne/v2"
)

// End-to-end test support, compiled only into the test binary built with
// `go build -tags e2e` (make e2e builds bin/gloss-e2e): the window prints to
// stdout, once its text is laid out, where a word of the shown document is on screen,
// so that a script driving the real window (xdotool under Xvfb) knows where
// to drag:
//
//	gloss-e2e: word START END X1 Y1 X2 Y2
//
// GLOSS_E2E_WORD may list several words separated by commas: one line for
// each, in that order. While the window runs, each dialog that opens is
// reported with the centre of each of its buttons, so the script can click
// them:
//
//	gloss-e2e: dialog N button LABEL X Y
//	gloss-e2e: dialog N closed
//
// START and END are the word's code point offsets; (X1, Y1) and (X2, Y2) are
// window pixel coordinates inside its first and last character, on the line's
// middle. GLOSS_E2E_WORD names the word (default: the first word of six
// letters or more).
const envE2EWord = "GLOSS_E2E_WORD"

func init() { startHook = startE2E }

// startE2E reports the word's position once the window has laid it out.
func startE2E(g *Gloss) {
	words := strings.Split(os.Getenv(envE2EWord), ",")
	go func() {
		last := ""
		for range 300 {
			time.Sleep(100 * time.Millisecond)
			var lines []string
			fyne.DoAndWait(func() {
				for _, w := range words {
					if l := g.e2eLine(w); l != "" {
						lines = append(lines, l)
					}
				}
			})
			line := strings.Join(lines, "\n")
			if len(lines) == len(words) && line == last {
				fmt.Println(line)
				os.Stdout.Sync()
				go g.e2eDialogs()
				return
			}
			last = line
		}
		fmt.Println("gloss-e2e: error: the text was not laid out within 30 s")
	}()
}

// e2eLine locates word in the shown document, or returns "".
func (g *Gloss) e2eLine(word string) string {
	v := g.text.view
	if g.s.doc == nil || v.Size().Width == 0 {
		return ""
	}
	start, end := findWord(g.s.runes, word)
	if start < 0 {
		return ""
	}
	c := g.win.Canvas()
	scale := c.Scale()
	origin := fyne.CurrentApp().Driver().AbsolutePositionForObject(v)
	a, b := v.PositionOf(start), v.PositionOf(end-1)
	lineMid := g.text.lineHeight() / 2
	charW := (v.PositionOf(end).X - a.X) / float32(end-start) // average character width
	x1 := origin.X + a.X + charW/3
	x2 := origin.X + b.X + charW*2/3
	y1 := origin.Y + a.Y + lineMid
	y2 := origin.Y + b.Y + lineMid
	if x1 <= 0 || y1 <= 0 || y2 > c.Size().Height {
		return ""
	}
	px := func(v float32) int { return int(v*scale + 0.5) }
	return fmt.Sprintf("gloss-e2e: word %d %d %d %d %d %d", start, end, px(x1), px(y1), px(x2), px(y2))
}

// findWord returns the code point range of the first whole-word occurrence
// of word in text, or of the first word of six or more letters when word is
// empty; -1, -1 when there is none.
func findWord(text []rune, word string) (int, int) {
	isLetter := func(i int) bool {
		return i >= 0 && i < len(text) && (text[i] >= 'a' && text[i] <= 'z' || text[i] >= 'A' && text[i] <= 'Z')
	}
	w := []rune(word)
	for i := 0; i < len(text); i++ {
		if isLetter(i-1) || !isLetter(i) {
			continue
		}
		j := i
		for isLetter(j) {
			j++
		}
		if word == "" && j-i >= 6 || word != "" && strings.EqualFold(string(text[i:j]), string(w)) {
			return i, j
		}
		i = j
	}
	return -1, -1
}
