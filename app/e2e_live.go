//go:build e2e

package app

import (
	"fmt"
	"os"
	"time"

	"fyne.io/fyne/v2"
)

// For the real-window test of server projects (.ci/e2e-server.sh), the e2e
// build also prints how many spans the shown document has, whenever that
// changes, and whether live updates run:
//
//	gloss-e2e-live: spans N live true|false
//
// so that the script sees a span saved by another window arrive here (a
// prefix of its own, which .ci/e2e-gui.sh does not read).

// init runs after e2e.go's (files initialise in name order) and adds the
// span report to its start hook.
func init() {
	prev := startHook
	startHook = func(g *Gloss) {
		if prev != nil {
			prev(g)
		}
		go g.e2eSpans()
	}
}

// e2eSpans prints the shown document's span count when it changes.
func (g *Gloss) e2eSpans() {
	last := ""
	for {
		time.Sleep(200 * time.Millisecond)
		var line string
		fyne.DoAndWait(func() {
			if g.s.p != nil && g.s.doc != nil {
				line = fmt.Sprintf("gloss-e2e-live: spans %d live %v", len(g.s.spans), g.live.listening())
			}
		})
		if line != "" && line != last {
			fmt.Println(line)
			os.Stdout.Sync()
			last = line
		}
	}
}
