package app

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"

	"fyne.io/fyne/v2"

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
// default project cannot be opened either. A server project (a postgres://
// address) is opened in the background, as StartWith says.
func Start(a fyne.App, arg string, open Opener, backups Backups) (*Gloss, error) {
	return StartWith(a, arg, StartOptions{Open: open, Backups: backups})
}

// StartOptions are what StartWith needs besides the project to show.
type StartOptions struct {
	Open    Opener    // opens project files (and server projects without Connect)
	Connect Connector // opens server projects and stops when its context ends; may be nil
	Backups Backups   // lists and restores backups; may be nil
}

// StartWith is Start with a Connector for server projects. A server project
// named on the command line or opened last is opened in the background
// behind a "Connecting to …" dialog with Cancel: the window shows the
// default project meanwhile, and keeps it when the server project cannot
// be opened or the user cancels.
func StartWith(a fyne.App, arg string, o StartOptions) (*Gloss, error) {
	if a.Icon() == nil { // a packaged build has it from FyneApp.toml
		a.SetIcon(fyne.NewStaticResource(assets.IconName, assets.Icon()))
	}
	type problem struct {
		path string
		err  error
	}
	var problems []problem
	var p Project
	var server string // a server project to open once the window is there
	open := withPasswords(o.Open)
	if arg != "" && isServerAddress(arg) {
		server = arg
	} else if arg != "" {
		path, err := absProject(arg)
		if err == nil {
			p, err = openSeeded(open, path, false)
		}
		if err != nil {
			problems = append(problems, problem{path, err})
		}
	} else if last := a.Preferences().String(prefLastProject); isServerAddress(last) {
		server = last
	} else if last != "" && fileExists(last) {
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
	g := New(a, p, o.Open)
	g.SetBackups(o.Backups)
	g.files.connect = o.Connect
	for _, pr := range problems {
		g.files.reportOpenError(pr.path, pr.err)
	}
	if server != "" {
		g.files.connectServer(server)
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

// openSeeded opens a project; one that did not exist yet gets the default
// labels and, with sample set, the sample article.
func openSeeded(open Opener, path string, sample bool) (Project, error) {
	existed := fileExists(path) || isServerAddress(path) // a server project is never seeded
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

// absProject is the absolute path of a project file; a server project's
// address is returned as it is.
func absProject(arg string) (string, error) {
	if isServerAddress(arg) {
		return arg, nil
	}
	return filepath.Abs(arg)
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
