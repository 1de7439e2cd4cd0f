package app_test

import (
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"gloss/app"
	"gloss/assets"
	"gloss/store"
)

// slowClose is a project whose Close waits until release is called, as
// closing a large project waits for the backup made on opening it.
type slowClose struct {
	app.Project
	gate, closed chan struct{}
	once         sync.Once
}

func (p *slowClose) Close() error {
	<-p.gate
	err := p.Project.Close()
	close(p.closed)
	return err
}

func (p *slowClose) release() { p.once.Do(func() { close(p.gate) }) }

// seededProject makes a closed project file named name with the sample.
func seededProject(t *testing.T, dir, name string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	s, err := store.Open(path, store.Options{Annotator: "tester"})
	if err != nil {
		t.Fatal(err)
	}
	if err := assets.Seed(s, true); err != nil {
		t.Fatal(err)
	}
	s.Close()
	return path
}

func windowOpen(w fyne.Window) bool {
	for _, o := range fyne.CurrentApp().Driver().AllWindows() {
		if o == w {
			return true
		}
	}
	return false
}

// labelShown reports whether o holds a label whose text contains text.
func labelShown(o fyne.CanvasObject, text string) bool {
	switch o := o.(type) {
	case *widget.Label:
		return strings.Contains(o.Text, text)
	case *widget.PopUp:
		return labelShown(o.Content, text)
	case *fyne.Container:
		for _, c := range o.Objects {
			if labelShown(c, text) {
				return true
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(o).Objects() {
			if labelShown(c, text) {
				return true
			}
		}
	}
	return false
}

// TestSwitchingProjectClosesInBackground: opening another project shows
// it at once while the project left is still closing (its Close waits, as
// for a backup being written); closing the window then waits for that
// close, saying so, and closes when it is done.
func TestSwitchingProjectClosesInBackground(t *testing.T) {
	a := test.NewTempApp(t)
	dir := t.TempDir()
	first, err := store.Open(seededProject(t, dir, "first.gloss"), store.Options{Annotator: "tester"})
	if err != nil {
		t.Fatal(err)
	}
	old := &slowClose{Project: first, gate: make(chan struct{}), closed: make(chan struct{})}
	g := app.NewProbe(app.New(a, old, openStore))
	t.Cleanup(func() { g.Close() })
	t.Cleanup(old.release) // runs first: g.Close waits for the old project
	second := seededProject(t, dir, "second.gloss")

	switched := make(chan struct{})
	go func() { g.OpenPath(second); close(switched) }()
	select {
	case <-switched:
	case <-time.After(10 * time.Second):
		old.release()
		t.Fatal("opening another project waits until the one left is closed")
	}
	if got := g.Project().Path(); !samePathT(got, second) {
		t.Fatalf("the window shows %s, want %s", got, second)
	}
	if d := g.Document(); d == nil || d.Text == "" {
		t.Fatal("the new project's document is not shown")
	}
	select {
	case <-old.closed:
		t.Fatal("the old project closed before its Close could finish")
	default:
	}

	noticed := g.AwaitCloseNotice()
	closed := g.RequestClose()
	select {
	case <-closed:
		t.Fatal("the window closed while the project left was still closing")
	case <-noticed:
	case <-time.After(10 * time.Second):
		t.Fatal("no notice while waiting for the close")
	}
	const msg = "Finishing the backup of first…"
	if _, state := g.StatusText(); !strings.Contains(state, msg) {
		t.Errorf("status %q, want %q", state, msg)
	}
	if top := g.Overlay(); top == nil || !labelShown(top, msg) {
		t.Errorf("no dialog saying %q", msg)
	}
	g.RequestClose() // a second request while waiting changes nothing
	if !windowOpen(g.Window()) {
		t.Fatal("a second close request closed the window early")
	}
	old.release()
	select {
	case <-closed:
	case <-time.After(10 * time.Second):
		t.Fatal("the window did not close once the old project was closed")
	}
	if windowOpen(g.Window()) {
		t.Error("the window is still open")
	}
	<-old.closed
}

// TestCloseWindowAtOnceWhenNothingPending: with no project still closing,
// closing the window does not wait.
func TestCloseWindowAtOnceWhenNothingPending(t *testing.T) {
	g, _ := newGloss(t)
	select {
	case <-g.RequestClose():
	default:
		t.Fatal("the window stayed open with nothing to wait for")
	}
	if windowOpen(g.Window()) {
		t.Fatal("the window is still open")
	}
}

func samePathT(a, b string) bool {
	aa, _ := filepath.Abs(a)
	bb, _ := filepath.Abs(b)
	return aa == bb
}
