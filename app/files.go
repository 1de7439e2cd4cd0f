package app

import (
	"os"
	"path/filepath"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"

	"gloss/annotate"
)

// projectFiles is the project file itself: open, new, recent projects,
// backups and their restore. It opens project files; wire.go shows them.
type projectFiles struct {
	s       *session
	win     fyne.Window
	prefs   fyne.Preferences
	dialogs *fileDialogs
	status  *statusBar
	open    Opener
	backups Backups // nil: no restore offered

	connect    Connector      // opens server projects (server_open.go); nil: open on a goroutine
	connecting *connection    // the server project being opened, if any
	closer     *closer        // closes the projects the window left (closer.go)
	warning    sync.WaitGroup // warnBackup's waits for the backup made on opening

	beforeOpen func()          // another project is about to be opened
	onOpen     func(p Project) // show p, closing the project shown
	onRecent   func()          // the recent projects changed
}

// openProject switches the window to the project at path.
func (f *projectFiles) openProject(path string) {
	if f.s.p != nil && samePath(f.s.p.Path(), path) || f.stillConnecting(path) {
		return
	}
	if isServerAddress(path) {
		f.connectServer(path) // in the background (server_open.go)
		return
	}
	if !fileExists(path) {
		showError(f.win, annotate.Errorf(annotate.ENOTFOUND, "%s no longer exists", path))
		f.forgetRecent(path)
		return
	}
	f.beforeOpen()
	p, err := openSeeded(f.open, path, false)
	if err != nil {
		f.reportOpenError(path, err)
		return
	}
	f.onOpen(p)
	f.status.message("Opened " + filepath.Base(path))
}

// createProject makes a new project file at path with the default labels.
// The save dialog has already created path (or emptied it, after asking):
// an empty file is not a project yet and is replaced, and an old journal
// beside it must not be replayed into the new file.
func (f *projectFiles) createProject(path string) {
	if info, err := os.Stat(path); err == nil && info.Size() == 0 {
		os.Remove(path)
	}
	if !strings.EqualFold(filepath.Ext(path), projectExt) {
		path += projectExt
	}
	if f.s.p != nil && samePath(f.s.p.Path(), path) {
		showError(f.win, annotate.Errorf(annotate.ECONFLICT, "%s is the project open now: choose another name", filepath.Base(path)))
		return
	}
	if fileExists(path) {
		showError(f.win, annotate.Errorf(annotate.ECONFLICT, "%s already exists: open it with File → Open project, or choose another name", filepath.Base(path)))
		return
	}
	os.Remove(path + "-wal")
	os.Remove(path + "-shm")
	p, err := openSeeded(f.open, path, false)
	if err != nil {
		showError(f.win, err)
		return
	}
	f.onOpen(p)
	f.status.message("Created " + filepath.Base(path))
}

func (f *projectFiles) forgetRecent(path string) {
	prefs := f.prefs
	var keep []string
	for _, p := range prefs.StringListWithFallback(prefRecent, nil) {
		if p != path {
			keep = append(keep, p)
		}
	}
	prefs.SetStringList(prefRecent, keep)
	f.onRecent()
}

func samePath(a, b string) bool {
	if isServerAddress(a) || isServerAddress(b) {
		return withoutPassword(a) == withoutPassword(b)
	}
	aa, err1 := filepath.Abs(a)
	bb, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && aa == bb
}

// showNewProject asks for a file name and creates a project there.
func (f *projectFiles) showNewProject() {
	d := f.dialogs.save(f.createProject)
	d.SetTitleText("New project")
	d.SetConfirmText("Create")
	d.SetFileName("Untitled" + projectExt)
	d.SetFilter(storage.NewExtensionFileFilter([]string{projectExt}))
	f.dialogs.show(d)
}

// showOpenProject asks for a project file and opens it.
func (f *projectFiles) showOpenProject() {
	d := f.dialogs.open(f.openProject)
	d.SetTitleText("Open project")
	d.SetFilter(storage.NewExtensionFileFilter([]string{projectExt}))
	f.dialogs.show(d)
}

// recentProjects returns the recent project paths, most recent first.
func (f *projectFiles) recentProjects() []string {
	return f.prefs.StringListWithFallback(prefRecent, nil)
}

// rememberProject records path as the last opened project and moves it to
// the front of the recent list.
func (f *projectFiles) rememberProject(path string) {
	path = withoutPassword(path) // a server project's password is never saved
	f.prefs.SetString(prefLastProject, path)
	list := []string{path}
	for _, p := range f.prefs.StringListWithFallback(prefRecent, nil) {
		if p != path && len(list) < maxRecent {
			list = append(list, p)
		}
	}
	f.prefs.SetStringList(prefRecent, list)
}
