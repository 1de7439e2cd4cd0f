package app

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// TestLabelBarMagnifierHasTooltip: resting the mouse on the label bar's
// magnifier shows what it does; leaving hides it.
func TestLabelBarMagnifierHasTooltip(t *testing.T) {
	test.NewTempApp(t)
	tips := newTooltips()
	tips.now = true // no timer goroutine racing the test
	bar := newLabelBar(tips)
	win := test.NewTempWindow(t, container.NewStack(bar.content, tips.layer))
	win.Resize(fyne.NewSize(600, 300))
	var mag *tipButton
	for _, o := range bar.content.(*fyne.Container).Objects {
		if c, ok := o.(*fyne.Container); ok {
			for _, k := range c.Objects {
				if b, ok := k.(*tipButton); ok {
					mag = b
				}
			}
		}
	}
	if mag == nil {
		t.Fatal("no magnifier button with a tooltip in the label bar")
	}
	mag.MouseIn(&desktop.MouseEvent{})
	deadline := time.Now().Add(3 * time.Second)
	for !tips.box.Visible() && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if !tips.box.Visible() || tips.text.Text != "Find a label and apply it (Ctrl+L)" {
		t.Fatalf("tooltip visible %v, text %q", tips.box.Visible(), tips.text.Text)
	}
	mag.MouseOut()
	if tips.box.Visible() {
		t.Error("the tooltip stayed after the mouse left")
	}
}
