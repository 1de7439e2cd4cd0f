package app

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestScrollMemoryIsBounded: at most maxScrollPositions documents are
// remembered, the oldest forgotten first; a document at the top is not kept.
func TestScrollMemoryIsBounded(t *testing.T) {
	a := test.NewTempApp(t)
	m := &scrollMemory{prefs: a.Preferences()}
	for i := range maxScrollPositions + 10 {
		m.shown("/p/a.gloss", fmt.Sprint("doc", i))
		m.leave(100 + i)
	}
	if n := len(a.Preferences().StringList(prefScrollPositions)); n != maxScrollPositions {
		t.Errorf("%d positions kept, want %d", n, maxScrollPositions)
	}
	if cp := m.shown("/p/a.gloss", "doc0"); cp != 0 {
		t.Errorf("the oldest document is still remembered at %d", cp)
	}
	if cp := m.shown("/p/a.gloss", "doc209"); cp != 309 {
		t.Errorf("the newest document is at %d, want 309", cp)
	}
	if cp := m.shown("/p/other.gloss", "doc209"); cp != 0 {
		t.Errorf("another project's document got %d", cp)
	}
	m.shown("/p/a.gloss", "doc209")
	m.leave(0)
	if cp := m.shown("/p/a.gloss", "doc209"); cp != 0 {
		t.Errorf("a document left at the top is remembered at %d", cp)
	}
}
