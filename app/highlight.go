package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// highlightSegments renders s with the runes at the given offsets (sorted)
// bold in the primary colour: the characters a search matched.
func highlightSegments(s string, runes []int) []widget.RichTextSegment {
	plain := widget.RichTextStyleInline
	hit := widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePrimary, TextStyle: fyne.TextStyle{Bold: true}}
	rs := []rune(s)
	var segs []widget.RichTextSegment
	at := 0
	for _, r := range runRanges(runes) {
		if r[0] > len(rs) {
			break
		}
		end := min(r[1], len(rs))
		if r[0] > at {
			segs = append(segs, &widget.TextSegment{Text: string(rs[at:r[0]]), Style: plain})
		}
		segs = append(segs, &widget.TextSegment{Text: string(rs[r[0]:end]), Style: hit})
		at = end
	}
	if at < len(rs) || len(segs) == 0 {
		segs = append(segs, &widget.TextSegment{Text: string(rs[at:]), Style: plain})
	}
	return segs
}

// setSegments replaces a RichText's content without an extra refresh per segment.
func setSegments(rt *widget.RichText, segs []widget.RichTextSegment) {
	rt.Segments = segs
	rt.Refresh()
}
