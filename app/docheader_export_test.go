package app

import (
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Hooks for the document header's tests (docheader.go).

// HeaderShown reports whether the header above the text is visible.
func (g *Probe) HeaderShown() bool { return g.header.content.Visible() }

// HeaderBottom returns the y of the header's lower edge in the window.
func (g *Probe) HeaderBottom() float32 {
	d := fyne.CurrentApp().Driver()
	return d.AbsolutePositionForObject(g.header.content).Y + g.header.content.Size().Height
}

// HeaderText returns the header's title, its byline and its link's text
// ("" when the link is hidden).
func (g *Probe) HeaderText() (title, byline, link string) {
	if g.header.link.Visible() {
		link = g.header.link.Text
	}
	return g.header.title.Text, strings.Join(g.HeaderRow(), " "), link
}

// HeaderRow returns the texts of the byline's labels from left to right as
// laid out, and the link's text where it is: first when it is on the left.
func (g *Probe) HeaderRow() []string {
	row := g.header.content.Objects[1].(*fyne.Container)
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch o := o.(type) {
		case *widget.Label:
			out = append(out, o.Text)
		case *container.Scroll:
			walk(o.Content)
		case *fyne.Container:
			for _, c := range o.Objects {
				walk(c)
			}
		}
	}
	walk(row)
	if g.header.link.Visible() && g.header.link.Position().X < row.Size().Width/2 {
		out = append([]string{g.header.link.Text}, out...)
	}
	return out
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
