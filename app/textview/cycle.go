package textview

import (
	"slices"
	"time"

	"fyne.io/fyne/v2"

	"gloss/annotate"
)

var _ fyne.Tabbable = (*TextView)(nil)

// spansUnder returns the spans covering code point cp, innermost (shortest)
// first; among spans of one length the one drawn innermost comes first.
func (v *TextView) spansUnder(cp int) []*annotate.Span {
	if cp < 0 {
		return nil
	}
	spans := v.SpansAt(cp) // outermost first
	slices.Reverse(spans)
	slices.SortStableFunc(spans, func(a, b *annotate.Span) int { return (a.End - a.Start) - (b.End - b.Start) })
	return spans
}

// spanForClick returns the ID of the span a click on code point cp picks:
// the innermost span there, or, when the previous click (not the first half
// of a double click) was on the same code point, the next span out from the
// selected one, wrapping back to the innermost.
func (v *TextView) spanForClick(cp int) string {
	now := time.Now()
	same := cp == v.cycleCP
	quick := now.Sub(v.lastClick) < fyne.CurrentApp().Driver().DoubleTapDelay()
	v.cycleCP, v.lastClick = cp, now
	spans := v.spansUnder(cp)
	if len(spans) == 0 {
		return ""
	}
	if i := spanIndexOf(spans, v.selectedSpan); i >= 0 && same {
		if quick { // the second half of a double click keeps the span
			return spans[i].ID
		}
		return spans[(i+1)%len(spans)].ID
	}
	return spans[0].ID
}

// AcceptsTab reports whether Tab is for the view: it is while the last
// click landed on more than one span, so that Tab cycles through them;
// otherwise Tab moves the focus on.
func (v *TextView) AcceptsTab() bool {
	return v.TabWalksSpans || len(v.spansUnder(v.cyclePoint())) > 1
}

// cyclePoint returns the code point Tab cycles the spans of: where the last
// click landed, or else the start of the selected span; -1 for none.
func (v *TextView) cyclePoint() int {
	if v.cycleCP >= 0 {
		return v.cycleCP
	}
	if v.selectedSpan != "" {
		for _, s := range v.spansUnder(v.selStart) {
			if s.ID == v.selectedSpan {
				return s.Start
			}
		}
	}
	return -1
}

// cycleSpan selects the next span out (or, with back, in) among the spans
// under the cycle point, reporting it through OnSpanTapped. It reports
// false when fewer than two spans are there.
func (v *TextView) cycleSpan(back bool) bool {
	spans := v.spansUnder(v.cyclePoint())
	if len(spans) < 2 {
		return false
	}
	i := spanIndexOf(spans, v.selectedSpan)
	switch {
	case i < 0:
		i = 0
	case back:
		i = (i + len(spans) - 1) % len(spans)
	default:
		i = (i + 1) % len(spans)
	}
	v.selectedSpan = spans[i].ID
	v.Refresh()
	if v.OnSpanTapped != nil {
		v.OnSpanTapped(v.selectedSpan)
	}
	return true
}

func spanIndexOf(spans []*annotate.Span, id string) int {
	if id == "" {
		return -1
	}
	return slices.IndexFunc(spans, func(s *annotate.Span) bool { return s.ID == id })
}
