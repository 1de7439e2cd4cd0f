package app

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// transfers is import and export: file dialogs, drops on the window, and
// the background jobs with their progress dialogs. Each running job keeps
// the CancelFunc of its context; the dialog's Cancel button calls it.
type transfers struct {
	s       *session
	win     fyne.Window
	dialogs *fileDialogs
	status  *statusBar
	running map[*transferJob]context.CancelFunc

	onImported  func(firstDoc string, newLabels bool) // show what an import added
	afterImport func()                                // for tests: an import is over
}

// transferJob is one running import or export.
type transferJob struct {
	ctx context.Context
	dlg *dialog.CustomDialog
}

func newTransfers(s *session, win fyne.Window, dialogs *fileDialogs, status *statusBar) *transfers {
	return &transfers{s: s, win: win, dialogs: dialogs, status: status, running: map[*transferJob]context.CancelFunc{}}
}

// start registers a job and shows its progress dialog, whose Cancel button
// cancels the job's context and says so in msg.
func (t *transfers) start(title string, body fyne.CanvasObject, msg *widget.Label) *transferJob {
	ctx, cancel := context.WithCancel(context.Background())
	job := &transferJob{ctx: ctx, dlg: dialog.NewCustomWithoutButtons(title, body, t.win)}
	t.running[job] = cancel
	var stop *widget.Button
	stop = widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() {
		t.cancel(job)
		stop.Disable()
		msg.SetText("Cancelling…")
	})
	job.dlg.SetButtons([]fyne.CanvasObject{stop})
	showDialog(t.win, job.dlg, dialogKeys{escape: func() {
		if !stop.Disabled() {
			stop.OnTapped()
		}
	}})
	return job
}

// cancel asks a running job to stop.
func (t *transfers) cancel(job *transferJob) {
	if cancel, ok := t.running[job]; ok {
		cancel()
	}
}

// cancelAll asks every running job to stop, e.g. when the window closes.
func (t *transfers) cancelAll() {
	for job := range t.running {
		t.cancel(job)
	}
}

// finish closes a job's dialog and reports how it ended: true when it
// succeeded, false when it failed (shown) or was cancelled (said in the
// status bar). what names the job, e.g. "Import".
func (t *transfers) finish(job *transferJob, what string, err error) bool {
	if cancel, ok := t.running[job]; ok {
		cancel()
		delete(t.running, job)
	}
	job.dlg.Hide()
	switch {
	case err == nil:
		return true
	case errors.Is(err, context.Canceled):
		t.status.message(what + " cancelled: nothing was changed.")
	default:
		showError(t.win, err)
	}
	return false
}
