package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// drawnText is the text a label draws.
func drawnText(o fyne.CanvasObject) string {
	var b strings.Builder
	for _, x := range test.LaidOutObjects(o) {
		if t, ok := x.(*canvas.Text); ok && t.Visible() {
			b.WriteString(t.Text)
		}
	}
	return b.String()
}

// TestLongStatusMessageIsCutOff: a message too long for the status bar
// ends in an ellipsis within the bar and shows whole in a tooltip; a short
// one gets the room for all of its text.
func TestLongStatusMessageIsCutOff(t *testing.T) {
	test.NewTempApp(t)
	tips := newTooltips()
	tips.now = true // no timer goroutine racing the test
	s := newStatusBar()
	s.state.tips = tips
	s.setCounts(3, 1, 2, 5, true)
	s.showSelection(10, 20)
	win := test.NewTempWindow(t, container.NewStack(container.NewBorder(nil, s.content, nil, nil, widget.NewLabel("text")), tips.layer))
	win.Resize(fyne.NewSize(900, 300))

	for _, short := range []string{"Import cancelled", "All changes saved"} {
		s.message(short)
		if got := drawnText(s.state); got != short {
			t.Errorf("a short message is drawn as %q", got)
		}
	}
	long := strings.Repeat("Cannot read chapter 7 of the corpus. ", 14)[:500]
	s.message(long)
	barRight := s.content.Position().X + s.content.Size().Width
	right := fyne.CurrentApp().Driver().AbsolutePositionForObject(s.state).X + s.state.Size().Width
	if right > barRight+0.5 || s.state.Size().Width <= 0 {
		t.Errorf("the message ends at %v, past the bar's end %v (width %v)", right, barRight, s.state.Size().Width)
	}
	if got := drawnText(s.state); !strings.HasSuffix(got, "…") || len(got) >= len(long) {
		t.Fatalf("the long message is drawn as %q", got)
	}
	s.state.MouseIn(&desktop.MouseEvent{})
	if !waitTip(tips) {
		t.Fatal("no tooltip on the cut-off message")
	}
	if got := strings.Join(strings.Fields(tips.text.Text), " "); got != strings.Join(strings.Fields(long), " ") {
		t.Errorf("tooltip %q, want the whole message", got)
	}
}
