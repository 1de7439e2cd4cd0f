package app

import (
	"net/url"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/unicode/bidi"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"gloss/annotate"
)

// Metadata keys the header shows (the keys annotate/formats/article fills).
const (
	metaAuthor = "author"
	metaDate   = "date"
	metaSite   = "site"
	metaURL    = "url"
)

// docHeader is the line above the text of an article: its title, author,
// date and site, and a link to its canonical URL. It is hidden for a
// document with none of these metadata (a plain text file). The link is
// the only place Gloss touches the network, and only when the user clicks
// it: nothing is fetched to show the header.
type docHeader struct {
	title   *widget.Label
	link    *widget.Hyperlink
	content *fyne.Container // title, byline line, separator
	parts   []string        // the byline shown: author, date, site (those known)

	url      *url.URL                    // the shown document's link, nil for none
	openURL  func(u *url.URL) error      // opens u in the browser (App.OpenURL)
	onError  func(u *url.URL, err error) // opening u failed
	relayout func()                      // lays out what holds the header again, as its height changed
}

func newDocHeader() *docHeader {
	h := &docHeader{}
	h.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	h.title.Wrapping = fyne.TextWrapWord
	h.link = widget.NewHyperlink("", nil)
	h.link.OnTapped = h.open
	h.content = container.NewVBox(h.title, layout.NewSpacer(), widget.NewSeparator())
	h.content.Hide()
	return h
}

// show shows d's title and metadata, or hides the header when d is nil or
// has no author, date, site or URL.
func (h *docHeader) show(d *annotate.Document) {
	if d == nil {
		h.url = nil
		h.hide()
		return
	}
	author, date, site := metaString(d, metaAuthor), metaString(d, metaDate), metaString(d, metaSite)
	h.url = webURL(metaString(d, metaURL))
	if author == "" && date == "" && site == "" && h.url == nil {
		h.hide()
		return
	}
	rtl := startsRightToLeft(d.Title)
	h.title.SetText(d.Title)
	h.title.Alignment = fyne.TextAlignLeading
	if rtl {
		h.title.Alignment = fyne.TextAlignTrailing
	}
	h.parts = h.parts[:0]
	for _, p := range []string{author, showDate(date), site} {
		if p != "" {
			h.parts = append(h.parts, p)
		}
	}
	if h.url != nil {
		h.link.SetText("Open original (" + strings.TrimPrefix(h.url.Hostname(), "www.") + ")")
		h.link.Show()
	} else {
		h.link.Hide()
	}
	h.content.Objects[1] = h.bylineRow(rtl)
	h.content.Show()
	h.content.Refresh()
	h.changed()
}

// hide hides the header.
func (h *docHeader) hide() {
	if h.content.Visible() {
		h.content.Hide()
		h.changed()
	}
}

// changed lays out the header's surroundings again for its new height.
func (h *docHeader) changed() {
	if h.relayout != nil {
		h.relayout()
	}
}

// bylineRow lays out the byline and the link. Each part is its own label,
// so that a right-to-left name and a date are never reordered into each
// other (fyne's labels shape text but do not reorder runs); a right-to-left
// article's row is mirrored: parts from the right, the link on the left.
// The parts scroll sideways rather than widen the window.
func (h *docHeader) bylineRow(rtl bool) fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for i, p := range h.parts {
		if i > 0 {
			objs = append(objs, bylineLabel("·"))
		}
		objs = append(objs, bylineLabel(p))
	}
	if rtl {
		slices.Reverse(objs)
		objs = append([]fyne.CanvasObject{layout.NewSpacer()}, objs...)
		return container.NewBorder(nil, nil, h.link, nil, container.NewHScroll(container.NewHBox(objs...)))
	}
	return container.NewBorder(nil, nil, nil, h.link, container.NewHScroll(container.NewHBox(objs...)))
}

// bylineLabel is one part of the byline, in the low-key colour.
func bylineLabel(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Importance = widget.LowImportance
	return l
}

// open opens the shown document's canonical URL in the browser.
func (h *docHeader) open() {
	if h.url == nil || h.openURL == nil {
		return
	}
	if err := h.openURL(h.url); err != nil && h.onError != nil {
		h.onError(h.url, err)
	}
}

// metaString returns the metadata value under key when it is a string.
func metaString(d *annotate.Document, key string) string {
	s, _ := d.Metadata[key].(string)
	return strings.TrimSpace(s)
}

// webURL parses s as an absolute http or https URL with a host, nil for
// anything else: a page's canonical link is its author's word, and a
// file:, javascript: or relative one is not opened.
func webURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil
	}
	return u
}

// showDate shortens an ISO 8601 timestamp to its day; any other date is
// shown as stored.
func showDate(s string) string {
	if len(s) > 10 {
		if _, err := time.Parse("2006-01-02", s[:10]); err == nil && (s[10] == 'T' || s[10] == ' ') {
			return s[:10]
		}
	}
	return s
}

// startsRightToLeft reports whether s's first strong character is
// right-to-left (Hebrew, Arabic…), as the text view decides a paragraph's
// direction (Unicode bidi rules P2, P3).
func startsRightToLeft(s string) bool {
	for _, r := range s {
		p, _ := bidi.LookupRune(r)
		switch p.Class() {
		case bidi.L:
			return false
		case bidi.R, bidi.AL:
			return true
		}
	}
	return false
}
