package app

import (
	"net/url"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// Hooks for the document header's tests (docheader.go).

// HeaderShown reports whether the header above the text is visible.
func (g *Probe) HeaderShown() bool { return g.header.content.Visible() }

// HeaderText returns the header's title, its byline and its link's text
// ("" when the link is hidden).
func (g *Probe) HeaderText() (title, byline, link string) {
	if g.header.link.Visible() {
		link = g.header.link.Text
	}
	return g.header.title.Text, g.header.byline.Text, link
}

// HeaderTitleTrailing reports whether the title is aligned to the trailing
// (right) edge, as a right-to-left title is.
func (g *Probe) HeaderTitleTrailing() bool { return g.header.title.Alignment == fyne.TextAlignTrailing }

// SetOpenURL replaces App.OpenURL for the header's link.
func (g *Probe) SetOpenURL(open func(u *url.URL) error) { g.header.openURL = open }

// TapHeaderLink taps the middle of the header's link as the user would.
func (g *Probe) TapHeaderLink() {
	l := g.header.link
	test.TapAt(l, fyne.NewPos(l.Size().Width/2, l.Size().Height/2))
}
