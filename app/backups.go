package app

import (
	"errors"
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"gloss/annotate"
)

// Backups lists and restores project backups (annotate.BackupKeeper;
// cmd/gloss passes the project file's). Without it no restore is offered.
type Backups = annotate.BackupKeeper

// warnBackup tells the user when the backup made on opening failed. The
// backup is written in the background after the project opened, so this
// waits for it off the UI goroutine, and says nothing once another project
// is shown.
func (f *projectFiles) warnBackup() {
	if f.backups == nil || f.s.p == nil || f.s.p.ReadOnly() || isServerAddress(f.s.p.Path()) {
		return
	}
	p, backups := f.s.p, f.backups
	f.warning.Add(1)
	go func() {
		defer f.warning.Done()
		if err := backups.OpenProblem(p); err != nil {
			fyne.DoAndWait(func() {
				if f.s.p == p {
					f.status.message("No backup was made on opening: " + err.Error())
				}
			})
		}
	}()
}

// showRestoreCurrent offers the backups of the project shown.
func (f *projectFiles) showRestoreCurrent() {
	if f.s.p == nil || f.fileProjectOnly("Restoring a backup") {
		return
	}
	f.showRestore(f.s.p.Path())
}

// showRestore lists the backups of the project at path and restores the one
// the user picks, then shows the restored project.
func (f *projectFiles) showRestore(path string) {
	if f.backups == nil {
		showError(f.win, errors.New("restoring backups is not available in this build"))
		return
	}
	list, err := f.backups.List(path)
	if err != nil {
		showError(f.win, err)
		return
	}
	if len(list) == 0 {
		showInformation(f.win, "No backups", fmt.Sprintf("There is no backup of %s yet.\n"+
			"Gloss keeps a copy of the last 5 openings of a project that has changed.", filepath.Base(path)))
		return
	}
	chosen := 0
	rows := widget.NewList(func() int { return len(list) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(backupLabel(list[i])) })
	rows.OnSelected = func(i widget.ListItemID) { chosen = i }
	rows.Select(0)
	intro := widget.NewLabel("Replace " + filepath.Base(path) + " by the copy made on:")
	content := container.NewBorder(intro, nil, nil, nil, rows)
	d := dialog.NewCustomConfirm("Restore a backup", "Restore", "Cancel", content, func(ok bool) {
		if ok {
			f.restore(path, list[chosen])
		}
	}, f.win)
	d.Resize(fyne.NewSize(520, 340))
	showConfirmDialog(f.win, d)
}

func backupLabel(b annotate.Backup) string {
	return fmt.Sprintf("%s   (%s)", b.Time.Local().Format("Mon 2 Jan 2006, 15:04:05"), sizeText(b.Size))
}

func sizeText(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f kB", float64(n)/(1<<10))
	}
	return plural(int(n), "byte")
}

// restore closes the project at path if it is shown, restores the backup
// over it and opens the result.
func (f *projectFiles) restore(path string, b annotate.Backup) {
	if f.s.p != nil && samePath(f.s.p.Path(), path) {
		f.beforeOpen()
		if err := f.s.p.Close(); err != nil {
			fyne.LogError("close project", err)
		}
		f.s.p = nil
	}
	f.closer.waitFor(path) // a project left just before may still be closing
	err := f.backups.Restore(path, b.Path)
	p, oerr := f.open(path)
	switch {
	case oerr == nil:
		f.onOpen(p)
	case f.s.p == nil:
		// neither the restored nor the old file opens: fall back to the default project
		if dp, derr := openDefaultProject(f.open); derr == nil {
			f.onOpen(dp)
		}
		err = errors.Join(err, oerr)
	}
	if err != nil {
		showError(f.win, err)
		return
	}
	f.status.saved("restored the backup of " + b.Time.Local().Format("2 Jan 15:04"))
}

// reportOpenError shows why a project could not be opened, offering its
// backups when the file is damaged.
func (f *projectFiles) reportOpenError(path string, err error) {
	if f.backups == nil || !f.backups.Damaged(err) {
		showError(f.win, err)
		return
	}
	fyne.LogError("gloss", err)
	showConfirmDialog(f.win, dialog.NewCustomConfirm("Damaged project", "Restore a backup…", "Close",
		widget.NewLabel(err.Error()), func(ok bool) {
			if ok {
				f.showRestore(path)
			}
		}, f.win))
}
