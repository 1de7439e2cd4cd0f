package app_test

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// textField is what the dialogs' text fields have in common.
type textField interface {
	fyne.Focusable
	SetPlaceHolder(string)
}

// TestEscapeInADialogFieldClosesIt: with the cursor in a text field of a
// dialog, Escape closes the dialog as it does when no field has the focus
// (the field used to keep the key).
func TestEscapeInADialogFieldClosesIt(t *testing.T) {
	for _, tc := range []struct{ menu, item string }{
		{"Edit", "Edit labels…"},
		{"Edit", "Annotator name…"},
		{"Edit", "Find in all documents…"},
		{"Edit", "Label all occurrences…"},
		{"View", "Concordance…"},
		{"View", "Span browser…"},
	} {
		t.Run(tc.item, func(t *testing.T) {
			g, _ := newGloss(t)
			act := g.MenuAction(tc.menu, tc.item)
			if act == nil {
				t.Fatalf("no menu item %s ▸ %s", tc.menu, tc.item)
			}
			act()
			top := g.Overlay()
			if top == nil {
				t.Fatal("no dialog shown")
			}
			var field textField
			for _, o := range test.LaidOutObjects(top) {
				if f, ok := o.(textField); ok && o.Visible() {
					field = f
					break
				}
			}
			if field == nil {
				t.Fatal("the dialog has no text field")
			}
			c := g.Window().Canvas()
			c.Focus(field)
			if c.Focused() != field {
				t.Fatal("the field did not take the focus")
			}
			c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) // as the driver delivers it
			if g.Overlay() != nil {
				t.Error("Escape in the field left the dialog open")
			}
		})
	}
}
