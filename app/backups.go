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

// SetBackups lets the window list and restore backups (File ▸ Restore backup).
func (g *Gloss) SetBackups(b Backups) {
	g.backups = b
	if g.p != nil {
		g.warnBackup()
	}
}

// warnBackup tells the user when the backup made on opening failed.
func (g *Gloss) warnBackup() {
	if g.backups == nil || g.p == nil || g.p.ReadOnly() {
		return
	}
	if err := g.backups.OpenProblem(g.p); err != nil {
		g.status.message("No backup was made on opening: " + err.Error())
	}
}

// showRestoreCurrent offers the backups of the project shown.
func (g *Gloss) showRestoreCurrent() {
	if g.p == nil {
		return
	}
	g.showRestore(g.p.Path())
}

// showRestore lists the backups of the project at path and restores the one
// the user picks, then shows the restored project.
func (g *Gloss) showRestore(path string) {
	if g.backups == nil {
		g.showError(errors.New("restoring backups is not available in this build"))
		return
	}
	list, err := g.backups.List(path)
	if err != nil {
		g.showError(err)
		return
	}
	if len(list) == 0 {
		dialog.ShowInformation("No backups", fmt.Sprintf("There is no backup of %s yet.\n"+
			"Gloss keeps a copy of the last 5 openings of a project that has changed.", filepath.Base(path)), g.win)
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
			g.restore(path, list[chosen])
		}
	}, g.win)
	d.Resize(fyne.NewSize(520, 340))
	d.Show()
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
	return fmt.Sprintf("%d bytes", n)
}

// restore closes the project at path if it is shown, restores the backup
// over it and opens the result.
func (g *Gloss) restore(path string, b annotate.Backup) {
	if g.p != nil && samePath(g.p.Path(), path) {
		g.editor.flushNote()
		if err := g.p.Close(); err != nil {
			fyne.LogError("close project", err)
		}
		g.p = nil
	}
	err := g.backups.Restore(path, b.Path)
	p, oerr := g.open(path)
	switch {
	case oerr == nil:
		g.setProject(p)
	case g.p == nil:
		// neither the restored nor the old file opens: fall back to the default project
		if dp, derr := g.openDefault(); derr == nil {
			g.setProject(dp)
		}
		err = errors.Join(err, oerr)
	}
	if err != nil {
		g.showError(err)
		return
	}
	g.status.saved("restored the backup of " + b.Time.Local().Format("2 Jan 15:04"))
}

// reportOpenError shows why a project could not be opened, offering its
// backups when the file is damaged.
func (g *Gloss) reportOpenError(path string, err error) {
	if g.backups == nil || !g.backups.Damaged(err) {
		g.showError(err)
		return
	}
	fyne.LogError("gloss", err)
	dialog.ShowCustomConfirm("Damaged project", "Restore a backup…", "Close",
		widget.NewLabel(err.Error()), func(ok bool) {
			if ok {
				g.showRestore(path)
			}
		}, g.win)
}
