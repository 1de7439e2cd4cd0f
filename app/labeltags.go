package app

// prefLabelTags remembers View ▸ Label names on spans.
const prefLabelTags = "labelTags"

// tagsOn reports whether label names are drawn at the start of each span.
func (t *textArea) tagsOn() bool { return t.prefs.BoolWithFallback(prefLabelTags, false) }

// toggleTags shows or hides the label names on spans, and remembers it.
func (t *textArea) toggleTags() {
	on := !t.tagsOn()
	t.prefs.SetBool(prefLabelTags, on)
	t.view.ShowLabelTags(on)
}
