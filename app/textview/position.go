package textview

// TopOffset returns the first code point of the line at the top of the
// view (0 before the view is laid out), to come back to it later with
// ScrollTopTo.
func (v *TextView) TopOffset() int { return v.topOffset() }

// ScrollTopTo scrolls so that the line holding cp is at the top of the
// view. Before the view is laid out it scrolls to cp's paragraph.
func (v *TextView) ScrollTopTo(cp int) {
	if v.prepare() {
		v.scrollTopTo(cp)
		v.Refresh()
		return
	}
	v.top = anchor{p: v.doc.paraOf(v.doc.clamp(cp))}
}
