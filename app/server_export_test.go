package app

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Hooks for the tests of opening a server project in the background
// (server_open.go): the end of each connection attempt waits for
// AwaitOpen and runs on the test's goroutine, so that nothing touches the
// window behind the test's back.

// connectEnds holds the ends of connection attempts not shown yet.
var connectEnds = make(chan func(), 256)

func init() {
	connectPost = func(f func()) { connectEnds <- f }
}

// AwaitOpen shows the end of the next connection attempt (the project it
// opened, or why not); it reports false when none ended within timeout.
func (g *Probe) AwaitOpen(timeout time.Duration) bool {
	select {
	case f := <-connectEnds:
		f()
		return true
	case <-time.After(timeout):
		return false
	}
}

// Connecting returns the address (without password) of the server project
// being opened, "" when none is.
func (g *Probe) Connecting() string {
	if g.files.connecting == nil {
		return ""
	}
	return g.files.connecting.addr
}

// SetConnectTimeout sets how long connecting to a server may take; it
// returns a function that restores it.
func SetConnectTimeout(d time.Duration) (restore func()) {
	old := connectTimeout
	connectTimeout = d
	return func() { connectTimeout = old }
}

// OverlayText returns the text of every label in the top dialog.
func (g *Probe) OverlayText() string {
	top := g.Overlay()
	if top == nil {
		return ""
	}
	var out []string
	walkOverlay(top, func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			out = append(out, w.Text)
		case *widget.RichText:
			out = append(out, w.String())
		}
	})
	return strings.Join(out, "\n")
}

// TapOverlayButton taps the top dialog's button with this text, and
// reports whether there was one.
func (g *Probe) TapOverlayButton(text string) bool {
	top := g.Overlay()
	if top == nil {
		return false
	}
	var b *widget.Button
	walkOverlay(top, func(o fyne.CanvasObject) {
		if w, ok := o.(*widget.Button); ok && w.Text == text && b == nil {
			b = w
		}
	})
	if b == nil {
		return false
	}
	test.Tap(b)
	return true
}

// walkOverlay calls f on o and everything o contains, widgets' renderers included.
func walkOverlay(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	f(o)
	switch c := o.(type) {
	case *fyne.Container:
		for _, k := range c.Objects {
			walkOverlay(k, f)
		}
	case fyne.Widget:
		for _, k := range test.WidgetRenderer(c).Objects() {
			walkOverlay(k, f)
		}
	}
}
