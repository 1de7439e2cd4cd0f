package app_test

import (
	"strings"
	"testing"
)

// TestLongStatusMessageKeepsWindowWidth: a 500-character message in the
// status bar does not make the window's content any wider.
func TestLongStatusMessageKeepsWindowWidth(t *testing.T) {
	g, _ := newGloss(t)
	content := g.Window().Content()
	before := content.MinSize().Width
	g.StatusMessage(strings.Repeat("x", 250) + " " + strings.Repeat("é", 249))
	if after := content.MinSize().Width; after != before {
		t.Errorf("the window's minimum width went from %v to %v", before, after)
	}
}
