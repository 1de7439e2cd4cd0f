package app

import "fyne.io/fyne/v2"

// wrapLayout lays objects out in rows at their minimum size, starting a new
// row where the next one does not fit: the label bar's chips wrap instead of
// being clipped in a narrow window. Its minimum height is that of the rows
// at the width it was last laid out at; when that changes, onRows runs so
// the container above can lay the window out again.
type wrapLayout struct {
	gap    float32
	width  float32 // the width of the last layout, 0 before the first
	onRows func()
}

// rows places objects in rows no wider than width (one object per row at
// least) and returns their positions and the height of all rows.
func (l *wrapLayout) rows(objects []fyne.CanvasObject, width float32) ([]fyne.Position, float32) {
	pos := make([]fyne.Position, len(objects))
	var x, y, rowH float32
	first := true
	for i, o := range objects {
		if !o.Visible() {
			continue
		}
		s := o.MinSize()
		if !first && width > 0 && x+s.Width > width {
			x, y = 0, y+rowH+l.gap
			rowH = 0
		}
		first = false
		pos[i] = fyne.NewPos(x, y)
		x += s.Width + l.gap
		rowH = max(rowH, s.Height)
	}
	return pos, y + rowH
}

// MinSize is the widest object's width and the height of the rows at the
// last laid out width (one row before the first layout).
func (l *wrapLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var w float32
	for _, o := range objects {
		if o.Visible() {
			w = max(w, o.MinSize().Width)
		}
	}
	width := l.width
	if width == 0 {
		width = 1 << 20
	}
	_, h := l.rows(objects, width)
	return fyne.NewSize(w, h)
}

// Layout places the rows for size.Width.
func (l *wrapLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	pos, h := l.rows(objects, size.Width)
	for i, o := range objects {
		o.Move(pos[i])
		o.Resize(o.MinSize())
	}
	old := l.MinSize(objects).Height
	l.width = size.Width
	if h != old && l.onRows != nil {
		l.onRows()
	}
}
