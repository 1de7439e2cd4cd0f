package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"gloss/annotate"
)

// waitTip waits for the tooltip to open (its timer runs on the real clock)
// and reports whether it did.
func waitTip(tips *tooltips) bool {
	deadline := time.Now().Add(3 * time.Second)
	for !tips.box.Visible() && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	return tips.box.Visible()
}

// titleRows returns the title widgets of the documents list as drawn.
func titleRows(win fyne.Window) map[string]*tipRichText {
	out := map[string]*tipRichText{}
	for _, o := range test.LaidOutObjects(win.Content()) {
		if r, ok := o.(*tipRichText); ok && o.Visible() && r.tip != "" {
			out[r.tip] = r
		}
	}
	return out
}

// TestCutOffTitleHasTooltip: a document title too long for the panel shows
// whole in a tooltip; a title that fits shows none.
func TestCutOffTitleHasTooltip(t *testing.T) {
	test.NewTempApp(t)
	tips := newTooltips()
	tips.now = true // no timer goroutine racing the test
	d := newDocsPanel()
	d.tips = tips
	long := "Senior officials from the ministry of energy discuss the global technology transition at length"
	d.setDocs([]annotate.DocumentInfo{{ID: "a", Title: long}, {ID: "b", Title: "Short"}})
	win := test.NewTempWindow(t, container.NewStack(d.content, tips.layer))
	win.Resize(fyne.NewSize(280, 400))

	rows := titleRows(win)
	if rows[long] == nil || rows["Short"] == nil {
		t.Fatalf("title rows drawn: %v", rows)
	}
	rows["Short"].MouseIn(&desktop.MouseEvent{})
	if tips.timer != nil || tips.box.Visible() {
		t.Error("a title that fits schedules a tooltip")
	}
	rows["Short"].MouseOut()

	rows[long].MouseIn(&desktop.MouseEvent{})
	if !waitTip(tips) {
		t.Fatal("no tooltip on a cut-off title")
	}
	if got := strings.Join(strings.Fields(tips.text.Text), " "); got != long {
		t.Errorf("tooltip %q, want the whole title", got)
	}
	rows[long].MouseOut()
	if tips.box.Visible() {
		t.Error("the tooltip stayed after the mouse left")
	}
}

// TestTitleEllipsisOnlyWhenCutOff: a title that fits is drawn without
// truncation (no shaping per refresh); one cut off ends in an ellipsis,
// and a resize moves a title from one to the other.
func TestTitleEllipsisOnlyWhenCutOff(t *testing.T) {
	test.NewTempApp(t)
	d := newDocsPanel()
	long := "Senior officials from the ministry of energy discuss the global technology transition at length"
	d.setDocs([]annotate.DocumentInfo{{ID: "a", Title: long}, {ID: "b", Title: "Short"}})
	win := test.NewTempWindow(t, d.content)
	win.Resize(fyne.NewSize(280, 400))
	rows := titleRows(win)
	if rows[long].Truncation != fyne.TextTruncateEllipsis || rows["Short"].Truncation != fyne.TextTruncateOff {
		t.Fatalf("narrow: long title truncation %v, short %v; want ellipsis and off", rows[long].Truncation, rows["Short"].Truncation)
	}
	win.Resize(fyne.NewSize(1400, 400))
	if rows[long].Truncation != fyne.TextTruncateOff {
		t.Errorf("wide: the long title that now fits keeps truncation %v", rows[long].Truncation)
	}
	win.Resize(fyne.NewSize(280, 400))
	if rows[long].Truncation != fyne.TextTruncateEllipsis || !rows[long].truncated() {
		t.Errorf("narrow again: long title truncation %v, want the ellipsis", rows[long].Truncation)
	}
}
