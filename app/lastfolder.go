package app

import (
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
)

// prefLastFolder is the folder of the last file or folder chosen in a file
// dialog: the next dialog opens there.
const prefLastFolder = "dialogs.lastFolder"

// remember keeps dir as the folder the next file dialog opens in.
func (f *fileDialogs) remember(dir string) {
	if f.prefs != nil && dir != "" {
		f.prefs.SetString(prefLastFolder, dir)
	}
}

// startDir is where a file dialog opens: the last folder used while it
// still exists, else the project's folder.
func (f *fileDialogs) startDir() fyne.ListableURI {
	if f.prefs != nil {
		if dir := f.prefs.String(prefLastFolder); dir != "" {
			if st, err := os.Stat(dir); err == nil && st.IsDir() {
				if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
					return l
				}
			}
		}
	}
	return f.projectDir()
}
