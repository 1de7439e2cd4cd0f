package textview

import "gloss/annotate"

// walkSpan selects the span after (or, with back, before) the selected one
// in text order, wrapping around, scrolls to it and reports it through
// OnSpanTapped. With no span selected it starts from the caret. It reports
// false when the document has no spans.
func (v *TextView) walkSpan(back bool) bool {
	s := v.spans.sorted
	if len(s) == 0 {
		return false
	}
	i := spanIndexOf(s, v.selectedSpan)
	if i < 0 { // the first span starting after the caret (or the last before it)
		i = len(s)
		for k, sp := range s {
			if sp.Start >= v.head {
				i = k
				break
			}
		}
		if back {
			i--
		}
	} else if back {
		i--
	} else {
		i++
	}
	i = (i%len(s) + len(s)) % len(s)
	v.selectSpanAt(s[i])
	return true
}

// selectSpanAt marks sp selected, selects its text, shows it and reports it.
func (v *TextView) selectSpanAt(sp *annotate.Span) {
	v.selectedSpan = sp.ID
	v.cycleCP = -1
	v.ScrollToOffset(sp.Start)
	v.Refresh()
	if v.OnSpanTapped != nil {
		v.OnSpanTapped(sp.ID)
	}
}
