package app

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// fileDialogSetup opens a window with the keyboard installed, a folder
// holding a.txt as the folder dialogs open in, and queues the work the key
// holders leave for after an event.
func fileDialogSetup(t *testing.T) (win fyne.Window, k *keyboard, dir string, f *fileDialogs, runQueued func()) {
	t.Helper()
	win, k = modalWindow(t)
	dir = t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("a"), 0o644); err != nil {
		t.Fatal(err)
	}
	prefs := fyne.CurrentApp().Preferences()
	prefs.SetString(prefLastFolder, dir)
	var queue []func()
	old := afterEvent
	afterEvent = func(fn func()) { queue = append(queue, fn) }
	t.Cleanup(func() { afterEvent = old })
	runQueued = func() {
		for len(queue) > 0 {
			fn := queue[0]
			queue = queue[1:]
			fn()
		}
	}
	return win, k, dir, &fileDialogs{s: &session{}, win: win, prefs: prefs}, runQueued
}

// typeKey sends a key as the driver does: to the focused object, else the canvas.
func typeKey(win fyne.Window, name fyne.KeyName) {
	if fo := win.Canvas().Focused(); fo != nil {
		fo.TypedKey(&fyne.KeyEvent{Name: name})
		return
	}
	pressKey(win, name)
}

// typeText types s as the driver does: to the focused object, else the canvas.
func typeText(win fyne.Window, s string) {
	for _, r := range s {
		if fo := win.Canvas().Focused(); fo != nil {
			fo.TypedRune(r)
		} else {
			win.Canvas().OnTypedRune()(r)
		}
	}
}

// clickFirstFile does what a click on the first file of the dialog's grid
// does: the grid takes the focus and selects it (item 0 is "..").
func clickFirstFile(t *testing.T, win fyne.Window) {
	t.Helper()
	var grid *widget.GridWrap
	walkContainers(win.Canvas().Overlays().Top().(*widget.PopUp).Content, func(o fyne.CanvasObject) {
		if g, ok := o.(*widget.GridWrap); ok {
			grid = g
		}
	})
	if grid == nil {
		t.Fatal("no files grid in the dialog")
	}
	win.Canvas().Focus(grid)
	grid.Select(1) // 0 is the parent folder
}

func TestSaveDialogEscapeInNameField(t *testing.T) {
	win, k, _, f, _ := fileDialogSetup(t)
	var hotkeys []rune
	k.onRune = func(r rune) { hotkeys = append(hotkeys, r) }
	result := "none"
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if w == nil && err == nil {
			result = "cancel"
		} else {
			result = "saved"
		}
	}, win)
	f.show(d)
	name, ok := win.Canvas().Focused().(*fileNameEntry)
	if !ok {
		t.Fatalf("focus in the save dialog: %T, want the name field", win.Canvas().Focused())
	}
	typeText(win, "1x")
	if name.Text != "1x" || len(hotkeys) > 0 {
		t.Fatalf("typed 1x: name %q, hotkeys %q", name.Text, string(hotkeys))
	}
	typeKey(win, fyne.KeyEscape)
	if result != "cancel" || win.Canvas().Overlays().Top() != nil {
		t.Errorf("Escape in the name field: result %s, dialog open %v", result, win.Canvas().Overlays().Top() != nil)
	}
}

func TestSaveDialogEnterSaves(t *testing.T) {
	win, _, dir, f, _ := fileDialogSetup(t)
	var saved string
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			t.Fatalf("save callback: %v, %v", w, err)
		}
		saved = w.URI().Path()
		w.Close()
	}, win)
	f.show(d)
	typeKey(win, fyne.KeyReturn) // no name yet: nothing happens
	if saved != "" || win.Canvas().Overlays().Top() == nil {
		t.Fatalf("Enter with no name: saved %q, dialog closed %v", saved, win.Canvas().Overlays().Top() == nil)
	}
	typeText(win, "out.txt")
	typeKey(win, fyne.KeyReturn)
	if saved != filepath.Join(dir, "out.txt") || win.Canvas().Overlays().Top() != nil {
		t.Errorf("Enter: saved %q, dialog open %v", saved, win.Canvas().Overlays().Top() != nil)
	}
}

// TestSaveDialogKeysAfterClickingAFile: a click on a file fills in its name
// and gives the focus back to the name field, where Escape cancels.
func TestSaveDialogKeysAfterClickingAFile(t *testing.T) {
	win, _, _, f, runQueued := fileDialogSetup(t)
	result := "none"
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		result = map[bool]string{true: "cancel", false: "saved"}[w == nil && err == nil]
	}, win)
	f.show(d)
	clickFirstFile(t, win)
	runQueued()
	name, ok := win.Canvas().Focused().(*fileNameEntry)
	if !ok {
		t.Fatalf("after clicking a.txt: focus %T, want the name field", win.Canvas().Focused())
	}
	if name.Text != "a.txt" {
		t.Fatalf("after clicking a.txt: name %q", name.Text)
	}
	typeKey(win, fyne.KeyEscape)
	if result != "cancel" || win.Canvas().Overlays().Top() != nil {
		t.Errorf("Escape after a click: result %s, dialog open %v", result, win.Canvas().Overlays().Top() != nil)
	}
}

func TestOpenDialogKeysAfterClickingAFile(t *testing.T) {
	for key, want := range map[fyne.KeyName]string{fyne.KeyEscape: "cancel", fyne.KeyReturn: "a.txt"} {
		win, k, _, f, runQueued := fileDialogSetup(t)
		var hotkeys []rune
		k.onRune = func(r rune) { hotkeys = append(hotkeys, r) }
		result := "none"
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			result = "cancel"
			if r != nil {
				result = r.URI().Name()
				r.Close()
			}
		}, win)
		f.show(d)
		clickFirstFile(t, win)
		runQueued()
		if _, ok := win.Canvas().Focused().(*widget.GridWrap); ok {
			t.Fatalf("%s: the files grid kept the focus", key)
		}
		typeText(win, "1")
		typeKey(win, key)
		if result != want || win.Canvas().Overlays().Top() != nil || len(hotkeys) > 0 {
			t.Errorf("%s after a click: result %s (want %s), dialog open %v, hotkeys %q",
				key, result, want, win.Canvas().Overlays().Top() != nil, string(hotkeys))
		}
	}
}

func TestFolderDialogEscape(t *testing.T) {
	win, _, _, f, _ := fileDialogSetup(t)
	result := "none"
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		result = map[bool]string{true: "cancel", false: "chosen"}[u == nil && err == nil]
	}, win)
	f.show(d)
	typeKey(win, fyne.KeyEscape)
	if result != "cancel" || win.Canvas().Overlays().Top() != nil {
		t.Errorf("Escape: result %s, dialog open %v", result, win.Canvas().Overlays().Top() != nil)
	}
}

// TestOpenDialogTabKeepsEscape: Tab moves through the dialog's buttons and
// lists (as the driver does: AcceptsTab, then FocusNext) and Escape still
// cancels wherever it got to.
func TestOpenDialogTabKeepsEscape(t *testing.T) {
	win, _, _, f, runQueued := fileDialogSetup(t)
	result := "none"
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		result = map[bool]string{true: "cancel", false: "opened"}[r == nil && err == nil]
	}, win)
	f.show(d)
	c := win.Canvas()
	seen := map[fyne.Focusable]bool{}
	for range 4 {
		if tb, ok := c.Focused().(fyne.Tabbable); !ok || !tb.AcceptsTab() {
			test.FocusNext(c)
		}
		runQueued()
		catcher, ok := c.Focused().(*keyCatcher)
		if !ok || catcher.keys.target == nil {
			t.Fatalf("after Tab: focus %T, want the key catcher standing in for a widget", c.Focused())
		}
		seen[catcher.keys.target] = true
	}
	if len(seen) < 3 {
		t.Errorf("4 Tabs reached %d widgets, want a new one each time (of the 3+ in the dialog)", len(seen))
	}
	typeKey(win, fyne.KeyEscape)
	if result != "cancel" || c.Overlays().Top() != nil {
		t.Errorf("Escape after Tabs: result %s, dialog open %v", result, c.Overlays().Top() != nil)
	}
}

// TestSaveDialogTabKeepsEscape: Tab from the name field moves on to the
// buttons (the catcher stands in for them, and is no Tab stop itself);
// Escape still cancels there, and Tab comes round to the name field again.
func TestSaveDialogTabKeepsEscape(t *testing.T) {
	win, _, _, f, runQueued := fileDialogSetup(t)
	result := "none"
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		result = map[bool]string{true: "cancel", false: "saved"}[w == nil && err == nil]
	}, win)
	f.show(d)
	c := win.Canvas()
	tab := func() {
		if tb, ok := c.Focused().(fyne.Tabbable); !ok || !tb.AcceptsTab() {
			test.FocusNext(c)
		}
		runQueued()
	}
	tab()
	catcher, ok := c.Focused().(*keyCatcher)
	if !ok {
		t.Fatalf("after Tab from the name field: focus %T, want the key catcher", c.Focused())
	}
	if b, ok := catcher.keys.target.(*widget.Button); !ok || b.Text != "Cancel" {
		t.Fatalf("after Tab from the name field: the catcher stands in for %T %v, want the Cancel button", catcher.keys.target, catcher.keys.target)
	}
	backToName := false
	for range 12 {
		tab()
		if _, ok := c.Focused().(*fileNameEntry); ok {
			backToName = true
			break
		}
	}
	if !backToName {
		t.Fatal("Tab never came back to the name field")
	}
	tab()
	typeKey(win, fyne.KeyEscape)
	if result != "cancel" || c.Overlays().Top() != nil {
		t.Errorf("Escape on a button reached with Tab: result %s, dialog open %v", result, c.Overlays().Top() != nil)
	}
}
