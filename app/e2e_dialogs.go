//go:build e2e

package app

import (
	"fmt"
	"os"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// e2eDialogs reports, for the real-window test, each dialog that opens (the
// top overlay of the canvas) with the centre of its buttons in window
// pixels, once its layout has settled, and when it closes.
func (g *Gloss) e2eDialogs() {
	var shown fyne.CanvasObject
	n, last, printed := 0, "", false
	for {
		time.Sleep(100 * time.Millisecond)
		var top fyne.CanvasObject
		var buttons string
		fyne.DoAndWait(func() {
			top = g.win.Canvas().Overlays().Top()
			if top != nil {
				buttons = g.e2eButtons(top)
			}
		})
		if top != shown {
			if printed {
				fmt.Printf("gloss-e2e: dialog %d closed\n", n)
				os.Stdout.Sync()
			}
			shown, last, printed = top, buttons, false
			continue
		}
		if top == nil || printed || buttons == "" || buttons != last { // wait until the layout settles
			last = buttons
			continue
		}
		n++
		for _, b := range strings.Split(buttons, "\n") {
			fmt.Printf("gloss-e2e: dialog %d %s\n", n, b)
		}
		os.Stdout.Sync()
		printed = true
	}
}

// e2eButtons lists the visible buttons under o as "button LABEL X Y" lines.
func (g *Gloss) e2eButtons(o fyne.CanvasObject) string {
	scale := g.win.Canvas().Scale()
	d := fyne.CurrentApp().Driver()
	var lines []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if !o.Visible() {
			return
		}
		if b, ok := o.(*widget.Button); ok && b.Text != "" {
			p := d.AbsolutePositionForObject(b).Add(fyne.NewPos(b.Size().Width/2, b.Size().Height/2))
			lines = append(lines, fmt.Sprintf("button %s %d %d", strings.ReplaceAll(b.Text, " ", "_"),
				int(p.X*scale+0.5), int(p.Y*scale+0.5)))
			return
		}
		switch c := o.(type) {
		case *fyne.Container:
			for _, k := range c.Objects {
				walk(k)
			}
		case *widget.PopUp:
			walk(c.Content)
		case *container.Scroll:
			walk(c.Content)
		case *container.Split:
			walk(c.Leading)
			walk(c.Trailing)
		}
	}
	walk(o)
	return strings.Join(lines, "\n")
}
