package app

import "fyne.io/fyne/v2"

// atLeast is a layout that stacks its objects and asks for at least w × h,
// e.g. an offset field wide enough for seven digits, or a text column that
// side panels may not squeeze away.
type atLeast struct{ w, h float32 }

// MinSize is the objects' largest minimum size, at least w × h.
func (l atLeast) MinSize(objects []fyne.CanvasObject) fyne.Size {
	s := fyne.NewSize(l.w, l.h)
	for _, o := range objects {
		if o.Visible() {
			s = s.Max(o.MinSize())
		}
	}
	return s
}

// Layout gives every object the whole size.
func (l atLeast) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}
