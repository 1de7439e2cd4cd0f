package app

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gloss/annotate"
)

// statusBar is the line at the bottom of the window: counts, the labels
// under the mouse, the selection, and whether the last edit is saved.
type statusBar struct {
	counts  *widget.Label
	hover   *widget.Label
	sel     *widget.Label
	zoom    *widget.Label
	state   *tipLabel     // the saved note or a message: cut off when long, whole in a tooltip
	who     *widget.Label // the annotator
	icon    *widget.Icon
	line    *fyne.Container // hover, selection, zoom, icon and state
	content fyne.CanvasObject

	readOnly bool
	now      func() time.Time
}

func newStatusBar() *statusBar {
	s := &statusBar{now: time.Now}
	s.counts = widget.NewLabel("")
	s.hover = widget.NewLabel("")
	s.hover.Truncation = fyne.TextTruncateEllipsis
	s.sel = widget.NewLabel("")
	s.zoom = widget.NewLabel("")
	s.state = newTipLabel("All changes saved")
	s.icon = widget.NewIcon(theme.ConfirmIcon())
	s.who = widget.NewLabel("")
	for _, l := range []*widget.Label{s.counts, s.hover, s.sel, s.zoom, &s.state.Label, s.who} {
		l.SizeName = theme.SizeNameCaptionText
	}
	s.line = container.New(&statusLine{message: s.state}, s.hover, s.sel, s.zoom, s.icon, s.state)
	s.content = container.NewBorder(widget.NewSeparator(), nil, s.counts, s.who, s.line)
	return s
}

// setCounts shows the document and span counts.
func (s *statusBar) setCounts(docs, done, docSpans, allSpans int, haveDoc bool) {
	text := fmt.Sprintf("%s (%s done)", plural(docs, "document"), countText(done))
	if allSpans < 0 { // not counted (a paged list: the sum would read every row)
		if haveDoc {
			text += fmt.Sprintf("  ·  %s here", plural(docSpans, "span"))
		}
	} else if haveDoc {
		text += fmt.Sprintf("  ·  %s here, %d in project", plural(docSpans, "span"), allSpans)
	} else {
		text += fmt.Sprintf("  ·  %s", plural(allSpans, "span"))
	}
	s.counts.SetText(text)
}

// setHover names the labels under the mouse, the legend of stacked spans.
func (s *statusBar) setHover(labels []annotate.Label) {
	if len(labels) == 0 {
		s.hover.SetText("")
		return
	}
	names := make([]string, len(labels))
	for i, l := range labels {
		names[i] = l.Name
	}
	s.hover.SetText("Under the mouse: " + strings.Join(names, ", "))
}

// showSelection shows the text selection in code points.
func (s *statusBar) showSelection(start, end int) {
	if start >= end {
		s.sel.SetText("")
		return
	}
	s.sel.SetText(fmt.Sprintf("Selected %d–%d (%d)", start, end, end-start))
}

// setAnnotator shows who is annotating.
func (s *statusBar) setAnnotator(name string) {
	if name == "" {
		s.who.SetText("")
		return
	}
	s.who.SetText("Annotator: " + name)
}

func (s *statusBar) setZoom(scale float32) {
	if scale == defaultTextScale {
		s.zoom.SetText("")
		return
	}
	s.zoom.SetText(fmt.Sprintf("Zoom %d%%", int(scale*100+0.5)))
}

// saved reports an edit that is now in the project file.
func (s *statusBar) saved(what string) {
	if s.readOnly {
		return
	}
	s.icon.SetResource(theme.ConfirmIcon())
	s.setState(fmt.Sprintf("Saved: %s (%s)", what, s.now().Format("15:04:05")))
}

// setState shows text in place of the saved note and gives it the room
// its length asks for (the line's minimum size does not change with it).
func (s *statusBar) setState(text string) {
	s.state.SetText(text)
	s.line.Refresh()
}

// message shows a hint or warning in place of the saved note.
func (s *statusBar) message(text string) {
	s.icon.SetResource(theme.InfoIcon())
	s.setState(text)
}

func (s *statusBar) setReadOnly(ro bool) {
	s.readOnly = ro
	if ro {
		s.icon.SetResource(theme.WarningIcon())
		s.setState("Read-only")
		return
	}
	s.icon.SetResource(theme.ConfirmIcon())
	s.setState("All changes saved")
}

// showCounts shows the counts of the session's documents and spans.
func (s *statusBar) showCounts(ss *session) {
	if ss.pager != nil {
		docs, done := ss.pagedCounts()
		s.setCounts(docs, done, len(ss.spans), -1, ss.doc != nil)
		return
	}
	done, all := 0, 0
	for _, d := range ss.docs {
		if d.Status == annotate.StatusDone {
			done++
		}
		all += d.SpanCount
	}
	s.setCounts(len(ss.docs), done, len(ss.spans), all, ss.doc != nil)
}
