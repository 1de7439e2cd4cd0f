package app

import (
	"net/url"
	"path/filepath"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"gloss/annotate"
)

// A project may live on a server (issue 18): its "path" is then a URL such
// as postgres://user@host:5432/database, which the Opener that cmd/gloss
// passes recognises. The window never keeps a password in its preferences:
// Recent projects, the last project and the title hold the address without
// it, and the server's password comes from PGPASSWORD, ~/.pgpass or the
// address the user typed in this session (kept in memory only).

// serverSchemes are the URL schemes of server projects.
var serverSchemes = []string{"postgres", "postgresql"}

// isServerAddress reports whether path names a project on a server (a
// postgres:// URL) rather than a project file.
func isServerAddress(path string) bool {
	scheme, _, ok := strings.Cut(path, "://")
	if !ok {
		return false
	}
	for _, s := range serverSchemes {
		if strings.EqualFold(scheme, s) {
			return true
		}
	}
	return false
}

// redactedPassword is what a redacted URL shows in place of a password.
const redactedPassword = "xxxxx"

// withoutPassword returns a server address without its password (in the
// user part or a password parameter): what the window shows and remembers.
// Other paths are returned unchanged.
func withoutPassword(path string) string {
	if !isServerAddress(path) {
		return path
	}
	u, err := url.Parse(path)
	if err != nil {
		scheme, _, _ := strings.Cut(path, "://")
		return scheme + "://(an address that cannot be read)"
	}
	if u.User != nil {
		u.User = url.User(u.User.Username())
	}
	if q := u.Query(); q.Has("password") {
		q.Del("password")
		u.RawQuery = q.Encode()
	}
	return u.String()
}

// typedPassword reports whether a server address carries a password of its
// own (not one already redacted).
func typedPassword(path string) bool {
	u, err := url.Parse(path)
	if err != nil {
		return false
	}
	if pw, ok := u.User.Password(); ok && pw != "" && pw != redactedPassword {
		return true
	}
	pw := u.Query().Get("password")
	return pw != "" && pw != redactedPassword
}

// serverPasswords are the server addresses with a password typed in this
// session, by their address without it: reopening the project (Recent
// projects, a new annotator name) uses them. They are never saved.
var serverPasswords = struct {
	sync.Mutex
	full map[string]string
}{full: map[string]string{}}

// withPasswords wraps open so that a server address typed with a password
// is remembered (in memory) and an address without one (or with a redacted
// one) is opened with the password typed earlier, if any, else without a
// password: the server's client then looks in PGPASSWORD and ~/.pgpass.
func withPasswords(open Opener) Opener {
	if open == nil {
		return nil
	}
	return func(path string) (Project, error) {
		return open(serverAddress(path))
	}
}

// serverAddress is the address to connect to for path: a server address
// typed with a password is remembered (in memory) and returned as it is;
// one without (or with a redacted one) gets the password typed earlier in
// this session, if any. Other paths are returned unchanged.
func serverAddress(path string) string {
	if !isServerAddress(path) {
		return path
	}
	key := withoutPassword(path)
	serverPasswords.Lock()
	defer serverPasswords.Unlock()
	if typedPassword(path) {
		serverPasswords.full[key] = path
		return path
	}
	if full, ok := serverPasswords.full[key]; ok {
		return full
	}
	return key
}

// serverDatabase is the name of a server project's database, for names of
// files made from the project's (exports).
func serverDatabase(path string) string {
	u, err := url.Parse(path)
	if err != nil || strings.Trim(u.Path, "/") == "" {
		return "server project"
	}
	return strings.Trim(u.Path, "/")
}

// projectTitle names the project in the title bar: a file's name without
// its extension, a server project's address without its password.
func (s *session) projectTitle() string {
	if isServerAddress(s.p.Path()) {
		return withoutPassword(s.p.Path())
	}
	return s.projectName()
}

// recentLabel is how File ▸ Open recent lists a project: a file's name and
// folder, a server project's address without its password.
func recentLabel(path string) string {
	if isServerAddress(path) {
		return withoutPassword(path)
	}
	return filepath.Base(path) + "  —  " + filepath.Dir(path)
}

// showOpenServer asks for a server project's address and opens it
// (File ▸ Open server project…). Enter opens, Escape cancels.
func (f *projectFiles) showOpenServer() {
	addr := newDialogEntry()
	addr.SetPlaceHolder("postgres://user@host:5432/database")
	hint := widget.NewLabel("The password comes from PGPASSWORD or ~/.pgpass. A password typed in the " +
		"address is used until Gloss quits and is never saved in Recent projects.")
	hint.Wrapping = fyne.TextWrapWord
	items := []*widget.FormItem{widget.NewFormItem("Address", addr), widget.NewFormItem("", hint)}
	d := dialog.NewForm("Open server project", "Open", "Cancel", items, func(ok bool) {
		if ok {
			f.openServer(addr.Text)
		}
	}, f.win)
	addr.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fyne.NewSize(560, 240))
	showDialog(f.win, d, dialogKeys{escape: d.Hide, enter: d.Submit})
	f.win.Canvas().Focus(addr)
}

// openServer opens the server project at addr, refusing what is not one.
func (f *projectFiles) openServer(addr string) {
	addr = strings.TrimSpace(addr)
	if !isServerAddress(addr) {
		showError(f.win, annotate.Errorf(annotate.EINVALID,
			"%q is not a server project's address: it starts with postgres://, as in postgres://user@host:5432/database",
			withoutPassword(addr)))
		return
	}
	f.openProject(addr)
}

// fileProjectOnly tells the user that what they asked for works on project
// files only, when the project shown is on a server, and reports whether it
// did. what names the feature.
func (f *projectFiles) fileProjectOnly(what string) bool {
	if f.s.p == nil || !isServerAddress(f.s.p.Path()) {
		return false
	}
	showInformation(f.win, "Project files only", what+" works on project files (.gloss).\n"+
		"This project is on a server: back it up with pg_dump (see docs/server.md).")
	return true
}
