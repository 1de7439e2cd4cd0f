package app

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"gloss/annotate"
	"gloss/assets"
)

// projectExt is the extension of Gloss project files.
const projectExt = ".gloss"

// defaultProjectName is the file name of the project created on first start.
const defaultProjectName = "My project" + projectExt

// Start builds the window for the project to show at start-up: the file
// named on the command line (created with the default labels when missing),
// else the project opened last, else the default project in the user's data
// folder, created with the default labels and the sample article on first
// use. A named or remembered project that cannot be opened is reported in a
// dialog and the default project is shown instead; Start fails only when the
// default project cannot be opened either.
func Start(a fyne.App, arg string, open Opener, backups Backups) (*Gloss, error) {
	if a.Icon() == nil { // a packaged build has it from FyneApp.toml
		a.SetIcon(fyne.NewStaticResource(assets.IconName, assets.Icon()))
	}
	type problem struct {
		path string
		err  error
	}
	var problems []problem
	var p Project
	if arg != "" {
		path, err := filepath.Abs(arg)
		if err == nil {
			p, err = openSeeded(open, path, false)
		}
		if err != nil {
			problems = append(problems, problem{path, err})
		}
	} else if last := a.Preferences().String(prefLastProject); last != "" && fileExists(last) {
		var err error
		if p, err = openSeeded(open, last, false); err != nil {
			problems = append(problems, problem{last, err})
		}
	}
	if p == nil {
		var err error
		if p, err = openDefaultProject(open); err != nil {
			errs := []error{err}
			for _, pr := range problems {
				errs = append(errs, pr.err)
			}
			return nil, errors.Join(errs...)
		}
	}
	g := New(a, p, open)
	g.SetBackups(backups)
	for _, pr := range problems {
		g.reportOpenError(pr.path, pr.err)
	}
	return g, nil
}

// openDefaultProject opens the default project in the user's data folder,
// creating it with the default labels and the sample article on first use.
func openDefaultProject(open Opener) (Project, error) {
	path, err := defaultProjectPath()
	if err == nil {
		err = os.MkdirAll(filepath.Dir(path), 0o755)
	}
	if err != nil {
		return nil, err
	}
	return openSeeded(open, path, true)
}

// openDefault opens the default project for this window.
func (g *Gloss) openDefault() (Project, error) { return openDefaultProject(g.open) }

// openSeeded opens a project; one that did not exist yet gets the default
// labels and, with sample set, the sample article.
func openSeeded(open Opener, path string, sample bool) (Project, error) {
	existed := fileExists(path)
	p, err := open(path)
	if err != nil {
		return nil, err
	}
	if !existed && !p.ReadOnly() {
		if err := assets.Seed(p, sample); err != nil {
			p.Close()
			return nil, err
		}
	}
	return p, nil
}

// defaultProjectPath is where the default project lives: the user's data
// folder ($XDG_DATA_HOME or ~/.local/share on Linux, the application data
// folder elsewhere).
func defaultProjectPath() (string, error) {
	var dir string
	switch runtime.GOOS {
	case "windows", "darwin":
		d, err := os.UserConfigDir()
		if err != nil {
			return "", err
		}
		dir = d
	default:
		dir = os.Getenv("XDG_DATA_HOME")
		if dir == "" {
			home, err := os.UserHomeDir()
			if err != nil {
				return "", err
			}
			dir = filepath.Join(home, ".local", "share")
		}
	}
	return filepath.Join(dir, "Gloss", defaultProjectName), nil
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// openProject switches the window to the project at path.
func (g *Gloss) openProject(path string) {
	if g.p != nil && samePath(g.p.Path(), path) {
		return
	}
	if !fileExists(path) {
		g.showError(annotate.Errorf(annotate.ENOTFOUND, "%s no longer exists", path))
		g.forgetRecent(path)
		return
	}
	g.editor.flushNote()
	p, err := openSeeded(g.open, path, false)
	if err != nil {
		g.reportOpenError(path, err)
		return
	}
	g.setProject(p)
	g.status.message("Opened " + filepath.Base(path))
}

// createProject makes a new project file at path with the default labels.
// The save dialog has already created path (or emptied it, after asking):
// an empty file is not a project yet and is replaced, and an old journal
// beside it must not be replayed into the new file.
func (g *Gloss) createProject(path string) {
	if info, err := os.Stat(path); err == nil && info.Size() == 0 {
		os.Remove(path)
	}
	if !strings.EqualFold(filepath.Ext(path), projectExt) {
		path += projectExt
	}
	if g.p != nil && samePath(g.p.Path(), path) {
		g.showError(annotate.Errorf(annotate.ECONFLICT, "%s is the project open now: choose another name", filepath.Base(path)))
		return
	}
	if fileExists(path) {
		g.showError(annotate.Errorf(annotate.ECONFLICT, "%s already exists: open it with File → Open project, or choose another name", filepath.Base(path)))
		return
	}
	os.Remove(path + "-wal")
	os.Remove(path + "-shm")
	p, err := openSeeded(g.open, path, false)
	if err != nil {
		g.showError(err)
		return
	}
	g.setProject(p)
	g.status.message("Created " + filepath.Base(path))
}

func (g *Gloss) forgetRecent(path string) {
	prefs := g.app.Preferences()
	var keep []string
	for _, p := range prefs.StringListWithFallback(prefRecent, nil) {
		if p != path {
			keep = append(keep, p)
		}
	}
	prefs.SetStringList(prefRecent, keep)
	g.menu.refresh()
}

func samePath(a, b string) bool {
	aa, err1 := filepath.Abs(a)
	bb, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && aa == bb
}

// projectDir is a listable URI of the current project's folder, for dialogs.
func (g *Gloss) projectDir() fyne.ListableURI {
	if g.p == nil {
		return nil
	}
	l, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(g.p.Path())))
	if err != nil {
		return nil
	}
	return l
}

// showNewProject asks for a file name and creates a project there.
func (g *Gloss) showNewProject() {
	d := g.saveFileDialog(g.createProject)
	d.SetTitleText("New project")
	d.SetConfirmText("Create")
	d.SetFileName("Untitled" + projectExt)
	d.SetFilter(storage.NewExtensionFileFilter([]string{projectExt}))
	g.showFileDialog(d)
}

// showOpenProject asks for a project file and opens it.
func (g *Gloss) showOpenProject() {
	d := g.openFileDialog(g.openProject)
	d.SetTitleText("Open project")
	d.SetFilter(storage.NewExtensionFileFilter([]string{projectExt}))
	g.showFileDialog(d)
}

// openFileDialog returns a dialog that picks an existing file and passes its
// path to chosen; a failure is shown, a cancel does nothing.
func (g *Gloss) openFileDialog(chosen func(path string)) *dialog.FileDialog {
	return dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			g.showError(err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		chosen(path)
	}, g.win)
}

// saveFileDialog returns a dialog that picks a file to write (the dialog
// creates it) and passes its path to chosen.
func (g *Gloss) saveFileDialog(chosen func(path string)) *dialog.FileDialog {
	return dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			g.showError(err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		chosen(path)
	}, g.win)
}

// folderDialog returns a dialog that picks a folder and passes its path to chosen.
func (g *Gloss) folderDialog(chosen func(path string)) *dialog.FileDialog {
	return dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil {
			g.showError(err)
			return
		}
		if u != nil {
			chosen(u.Path())
		}
	}, g.win)
}

// showFileDialog shows a file or folder dialog in the project's folder, at a
// comfortable size for this window.
func (g *Gloss) showFileDialog(d *dialog.FileDialog) {
	if dir := g.projectDir(); dir != nil {
		d.SetLocation(dir)
	}
	d.Resize(dialogSize(g.win))
	d.Show()
}

// dialogSize is a comfortable size for file dialogs in this window.
func dialogSize(w fyne.Window) fyne.Size {
	s := w.Canvas().Size()
	return fyne.NewSize(max(600, s.Width*0.8), max(420, s.Height*0.8))
}
