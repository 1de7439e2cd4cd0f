package app

import (
	"fyne.io/fyne/v2"
)

// installKeys routes keys that no focused widget takes: label hotkeys,
// Delete, Escape and F1 reach the window both from the text view (which
// forwards the keys it does not use) and from the canvas when nothing has focus.
func (g *Gloss) installKeys() {
	c := g.win.Canvas()
	c.SetOnTypedRune(g.typedRune)
	c.SetOnTypedKey(g.typedKey)
}

// typedRune applies the label whose hotkey was pressed.
func (g *Gloss) typedRune(r rune) {
	if l := g.hotkeyLabel(r); l != nil {
		g.applyLabel(l)
	}
}

// typedKey handles Delete/Backspace (delete the selected span), Escape
// (clear the selection) and F1 (shortcut help).
func (g *Gloss) typedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyDelete, fyne.KeyBackspace:
		if g.selected != "" {
			g.deleteSpan(g.selected)
		}
	case fyne.KeyEscape:
		g.selectSpan("")
		if s, _ := g.view.Selection(); s >= 0 {
			g.view.SetSelection(s, s)
		}
	case fyne.KeyF1:
		g.showShortcuts()
	}
}

// undoer is a text field with its own undo history (widget.Entry).
type undoer interface {
	Undo()
	Redo()
}

// shortcutOr gives an undo or redo shortcut to a focused text field, which
// undoes its own typing; anywhere else it runs the window's action.
func (g *Gloss) shortcutOr(sc fyne.Shortcut, action func()) {
	if f := g.win.Canvas().Focused(); f != nil && f != fyne.Focusable(g.view) {
		if u, ok := f.(undoer); ok {
			if _, redo := sc.(*fyne.ShortcutRedo); redo {
				u.Redo()
			} else {
				u.Undo()
			}
			return
		}
	}
	action()
}

// stepDocument opens the next (1) or previous (-1) document of the list.
func (g *Gloss) stepDocument(delta int) {
	if !g.docsP.step(delta) {
		if delta > 0 {
			g.status.message("This is the last document.")
		} else {
			g.status.message("This is the first document.")
		}
	}
}

// focusSearch puts the cursor in the documents search box.
func (g *Gloss) focusSearch() { g.win.Canvas().Focus(g.docsP.search) }

// quit closes the window, which ends the app; cmd/gloss closes the project.
func (g *Gloss) quit() {
	g.editor.flushNote()
	g.app.Quit()
}

// initView applies the remembered view preferences.
func (g *Gloss) initView() {
	prefs := g.app.Preferences()
	g.view.SetSnapToWords(prefs.BoolWithFallback(prefSnapWords, true))
	g.setZoom(float32(prefs.FloatWithFallback(prefTextScale, defaultTextScale)))
}

// toggleSnap switches snapping of selections to word boundaries.
func (g *Gloss) toggleSnap() {
	prefs := g.app.Preferences()
	on := !prefs.BoolWithFallback(prefSnapWords, true)
	prefs.SetBool(prefSnapWords, on)
	g.view.SetSnapToWords(on)
	g.menu.refresh()
	if on {
		g.status.message("Selections snap to whole words.")
	} else {
		g.status.message("Selections are exact, character by character.")
	}
}

// zoom changes the text size by step.
func (g *Gloss) zoom(step float32) { g.setZoom(g.scale + step) }

// setZoom sets and remembers the text size.
func (g *Gloss) setZoom(s float32) {
	s = max(minTextScale, min(maxTextScale, s))
	s = float32(int(s*10+0.5)) / 10
	g.scale = s
	g.view.SetTextScale(s)
	g.app.Preferences().SetFloat(prefTextScale, float64(s))
	g.status.setZoom(s)
}
