package app

import (
	"errors"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// pressKey sends a key to win as the driver does when nothing has focus.
func pressKey(win fyne.Window, name fyne.KeyName) {
	win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: name})
}

func modalWindow(t *testing.T) (fyne.Window, *keyboard) {
	t.Helper()
	test.NewTempApp(t)
	win := test.NewTempWindow(t, widget.NewLabel("under"))
	win.Resize(fyne.NewSize(800, 600))
	k := &keyboard{win: win, onRune: func(rune) {}, onDelete: func() {}, onEscape: func() {}, onHelp: func() {}}
	k.install()
	return win, k
}

func TestDialogsCloseWithEscapeAndEnter(t *testing.T) {
	for _, tc := range []struct {
		name string
		show func(win fyne.Window)
	}{
		{"help", func(win fyne.Window) { showShortcuts(win) }},
		{"information", func(win fyne.Window) { showInformation(win, "Export finished", "1 document") }},
		{"error", func(win fyne.Window) { showError(win, errors.New("disk full")) }},
		{"custom", func(win fyne.Window) {
			showCustom(win, dialog.NewCustom("Labels", "Close", container.NewVBox(widget.NewEntry()), win))
		}},
	} {
		for _, key := range []fyne.KeyName{fyne.KeyEscape, fyne.KeyReturn, fyne.KeyEnter} {
			win, _ := modalWindow(t)
			tc.show(win)
			if win.Canvas().Overlays().Top() == nil {
				t.Fatalf("%s: no dialog shown", tc.name)
			}
			pressKey(win, key)
			if top := win.Canvas().Overlays().Top(); top != nil {
				t.Errorf("%s: %s left the dialog open", tc.name, key)
			}
		}
	}
}

func TestConfirmDialogKeys(t *testing.T) {
	for key, want := range map[fyne.KeyName]string{fyne.KeyReturn: "yes", fyne.KeyEscape: "no"} {
		win, _ := modalWindow(t)
		got := "none"
		showConfirm(win, "Delete label", "Delete the label?", func(ok bool) {
			got = map[bool]string{true: "yes", false: "no"}[ok]
		})
		pressKey(win, key)
		if got != want || win.Canvas().Overlays().Top() != nil {
			t.Errorf("%s: answer %s (want %s), dialog still open: %v", key, got, want, win.Canvas().Overlays().Top() != nil)
		}
	}
}

// TestNothingUnderADialogReacts: while a dialog is open, hotkeys, Delete,
// Escape, F1 and the window's shortcuts do not act on the window.
func TestNothingUnderADialogReacts(t *testing.T) {
	win, k := modalWindow(t)
	var acted []string
	k.onRune = func(r rune) { acted = append(acted, "hotkey "+string(r)) }
	k.onDelete = func() { acted = append(acted, "delete") }
	k.onEscape = func() { acted = append(acted, "escape") }
	k.onHelp = func() { acted = append(acted, "help") }
	redone := 0
	k.addAltShortcuts(func() { redone++ }, func() {})
	menu := &mainMenu{act: menuActions{redo: func() { redone++ }}, blocked: func() bool { return dialogOpen(win) }}
	redo := fyne.NewMenuItem("Redo", menu.act.redo)
	guardMenus([]*fyne.Menu{fyne.NewMenu("Edit", redo)}, menu.blocked)

	showError(win, errors.New("cannot undo"))
	win.Canvas().OnTypedRune()('1')
	pressKey(win, fyne.KeyDelete)
	pressKey(win, fyne.KeyF1)
	redo.Action()
	win.Canvas().(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutRedo{})
	if len(acted) > 0 || redone > 0 {
		t.Fatalf("under an open dialog: %v, %d redos", acted, redone)
	}
	pressKey(win, fyne.KeyEscape) // closes the dialog, does not clear the selection
	if len(acted) > 0 || win.Canvas().Overlays().Top() != nil {
		t.Fatalf("Escape: %v, dialog open %v", acted, win.Canvas().Overlays().Top() != nil)
	}
	redo.Action()
	win.Canvas().OnTypedRune()('1')
	pressKey(win, fyne.KeyEscape)
	if redone != 1 || len(acted) != 2 {
		t.Errorf("after the dialog closed: %v, %d redos; want a hotkey, an escape and 1 redo", acted, redone)
	}
}
