package app

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// fileDialogs makes the window's open, save and folder dialogs, which open
// in the project's folder at a comfortable size.
type fileDialogs struct {
	s     *session
	win   fyne.Window
	prefs fyne.Preferences // remembers the last folder used (nil: the project's folder)
}

// projectDir is a listable URI of the current project's folder, for dialogs.
func (f *fileDialogs) projectDir() fyne.ListableURI {
	if f.s.p == nil {
		return nil
	}
	l, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(f.s.p.Path())))
	if err != nil {
		return nil
	}
	return l
}

// openFileDialog returns a dialog that picks an existing file and passes its
// path to chosen; a failure is shown, a cancel does nothing.
func (f *fileDialogs) open(chosen func(path string)) *dialog.FileDialog {
	return dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			showError(f.win, err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		f.remember(filepath.Dir(path))
		chosen(path)
	}, f.win)
}

// saveFileDialog returns a dialog that picks a file to write (the dialog
// creates it) and passes its path to chosen.
func (f *fileDialogs) save(chosen func(path string)) *dialog.FileDialog {
	return dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			showError(f.win, err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		f.remember(filepath.Dir(path))
		chosen(path)
	}, f.win)
}

// folderDialog returns a dialog that picks a folder and passes its path to chosen.
func (f *fileDialogs) folder(chosen func(path string)) *dialog.FileDialog {
	return dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil {
			showError(f.win, err)
			return
		}
		if u != nil {
			f.remember(u.Path())
			chosen(u.Path())
		}
	}, f.win)
}

// showFileDialog shows a file or folder dialog in the project's folder, at a
// comfortable size for this window.
func (f *fileDialogs) show(d *dialog.FileDialog) {
	if dir := f.startDir(); dir != nil {
		d.SetLocation(dir)
	}
	d.Resize(dialogSize(f.win))
	showDialog(f.win, d, dialogKeys{escape: d.Dismiss}) // Enter stays with the dialog's own fields
	installFileDialogKeys(f.win, d)                     // Escape and Enter wherever the focus is in it
}

// dialogSize is a comfortable size for file dialogs in this window.
func dialogSize(w fyne.Window) fyne.Size {
	s := w.Canvas().Size()
	return fyne.NewSize(max(600, s.Width*0.8), max(420, s.Height*0.8))
}
