package app

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// Opening a server project takes a round trip or several to a machine that
// may be slow, far or gone, so it runs on a goroutine of its own behind a
// "Connecting to …" dialog with Cancel: the window stays usable, and the
// project shown before stays open until the new one has opened.

// connectTimeout bounds connecting to a server project: a server that does
// not answer is reported after it.
var connectTimeout = 15 * time.Second

// Connector opens the project on a server at addr (a postgres:// URL),
// giving up when ctx ends: Cancel in the window's "Connecting" dialog ends
// it, and so does connectTimeout. cmd/gloss passes one that calls
// pgstore.Open. Without one, a server project is opened through the
// Opener on a goroutine, and Cancel leaves it to finish and closes what it
// opens.
type Connector func(ctx context.Context, addr string) (Project, error)

// connectPost runs a function on the window's goroutine when a connection
// attempt has ended: fyne.Do (the tests run it on their own goroutine).
var connectPost = fyne.Do

// connection is a server project being opened.
type connection struct {
	addr   string // the address without its password
	ctx    context.Context
	cancel context.CancelFunc
	dlg    dialog.Dialog
	// around, when set, switches to the opened project: it is given the
	// switch (beforeOpen, then onOpen) to call (a reopen as a new
	// annotator keeps the document shown).
	around func(open func())
}

// connectServer opens the server project at path in the background: the
// project shown stays open, and usable, until the new one has opened. An
// open while another is under way is refused (the same address is ignored).
func (f *projectFiles) connectServer(path string) { f.connectAround(path, nil) }

// connectAround is connectServer with a function around the switch to the
// opened project (see connection.around); nil switches plainly.
func (f *projectFiles) connectAround(path string, around func(open func())) {
	if f.stillConnecting(path) {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), connectTimeout)
	c := &connection{addr: withoutPassword(path), ctx: ctx, cancel: cancel, around: around}
	f.connecting = c
	c.dlg = f.connectingDialog(c)
	connect, full := f.connector(), serverAddress(path)
	go func() {
		p, err := connect(ctx, full)
		connectPost(func() { f.connected(c, p, err) })
	}()
}

// stillConnecting reports whether a server project is being opened, telling
// the user when they asked for another project meanwhile.
func (f *projectFiles) stillConnecting(path string) bool {
	c := f.connecting
	if c == nil {
		return false
	}
	if withoutPassword(path) != c.addr {
		showInformation(f.win, "Still connecting", "Gloss is still connecting to "+c.addr+
			".\nWait until it has opened, or press Cancel, before opening another project.")
	}
	return true
}

// connector is how the window connects: the Connector given, else the
// Opener on the goroutine.
func (f *projectFiles) connector() Connector {
	if f.connect != nil {
		return f.connect
	}
	open := f.open
	return func(_ context.Context, addr string) (Project, error) {
		p, err := open(addr)
		if err != nil {
			return nil, err
		}
		return p, nil
	}
}

// connectingDialog shows that Gloss is connecting to c, with Cancel.
func (f *projectFiles) connectingDialog(c *connection) dialog.Dialog {
	what := widget.NewLabel("Connecting to " + serverPlace(c.addr) + "…")
	what.Wrapping = fyne.TextWrapWord
	detail := widget.NewLabel(c.addr + "\nThe project open now stays open until the server project has opened.")
	detail.Wrapping = fyne.TextWrapWord
	bar := widget.NewProgressBarInfinite()
	d := dialog.NewCustom("Open server project", "Cancel", container.NewVBox(what, bar, detail), f.win)
	d.SetOnClosed(func() { f.cancelConnect(c) })
	d.Resize(fyne.NewSize(520, 200))
	showDialog(f.win, d, dialogKeys{escape: d.Hide})
	return d
}

// serverPlace is where a server project is, as "user@host:port/database".
func serverPlace(addr string) string {
	u, err := url.Parse(addr)
	if err != nil {
		return addr
	}
	place := u.Host + u.Path
	if u.User != nil && u.User.Username() != "" {
		place = u.User.Username() + "@" + place
	}
	return place
}

// cancelConnect stops opening c, if it is still being opened: the project
// shown stays, and what the attempt opens after all is closed.
func (f *projectFiles) cancelConnect(c *connection) {
	if c == nil || f.connecting != c {
		return
	}
	f.connecting = nil
	c.cancel()
	c.dlg.Hide()
	f.status.message("Stopped connecting to " + c.addr)
}

// connected shows the project an attempt opened, or why it could not.
func (f *projectFiles) connected(c *connection, p Project, err error) {
	if f.connecting != c { // cancelled, or the window closed
		if p != nil {
			if cerr := p.Close(); cerr != nil {
				fyne.LogError("close a server project opened after Cancel", cerr)
			}
		}
		return
	}
	f.connecting = nil
	c.cancel()
	c.dlg.Hide()
	if err != nil {
		showError(f.win, connectError(c, err))
		return
	}
	open := func() {
		f.beforeOpen()
		f.onOpen(p)
	}
	if c.around != nil {
		c.around(open)
		return
	}
	open()
}

// connectError says why c could not be opened, with the address (never
// its password) and what to check.
func connectError(c *connection, err error) error {
	reason := err.Error()
	if rest, ok := strings.CutPrefix(reason, "open "); ok && isServerAddress(rest) { // "open URL: why"
		if _, why, ok := strings.Cut(rest, ": "); ok {
			reason = why
		}
	}
	for _, a := range []string{c.addr, redactedAddress(c.addr)} { // named once, above
		if strings.HasPrefix(reason, a+" ") {
			reason = "It" + strings.TrimPrefix(reason, a)
		}
	}
	var state interface{ SQLState() string }
	switch {
	case errors.Is(err, context.DeadlineExceeded) || errors.Is(c.ctx.Err(), context.DeadlineExceeded):
		reason = fmt.Sprintf("The server did not answer within %v.\nIs it running, and are the host and port right?", connectTimeout)
	case errors.Is(err, syscall.ECONNREFUSED):
		reason = "Nothing is listening at that host and port: is the server running, and is the port right?\n(" + reason + ")"
	case errors.As(err, &state) && (state.SQLState() == "28P01" || state.SQLState() == "28000"):
		reason = "The server refused the user name or password. The password comes from the address, PGPASSWORD or ~/.pgpass.\n(" + reason + ")"
	}
	return &openError{msg: "Could not open the server project " + c.addr + "\n\n" + reason, err: err}
}

// redactedAddress is addr with the password shown as xxxxx, as the
// server's client names it in its errors.
func redactedAddress(addr string) string {
	u, err := url.Parse(addr)
	if err != nil || u.User == nil {
		return addr
	}
	u.User = url.UserPassword(u.User.Username(), redactedPassword)
	return u.String()
}

// openError is why a server project could not be opened, for the user,
// wrapping the error that said so.
type openError struct {
	msg string
	err error
}

func (e *openError) Error() string { return e.msg }
func (e *openError) Unwrap() error { return e.err }
