package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"gloss/store"
)

func init() {
	register("backup", "back up a project now (backup --list: the rolling backups)", cmdBackup)
	register("restore", "replace a project with one of its backups", cmdRestore)
}

func cmdBackup(e *env, args []string) error {
	fs := newFlags(e, "backup", "PROJECT DEST | --list PROJECT",
		"Write a complete copy of the project to DEST, a new file or an existing folder (the copy is then\n"+
			"named PROJECT-YYYYMMDD-HHMMSS.gloss). With --list, list the backups Gloss keeps of the project\n"+
			"(the last 5 opens, next to it in .PROJECT.backups/), newest first: path, time, size.")
	list := fs.Bool("list", false, "list the project's backups")
	pos, err := parse(fs, args, 1, 2)
	if err != nil {
		return err
	}
	if *list {
		if len(pos) != 1 {
			return errUsage{"backup --list takes only the project"}
		}
		return listBackups(e, pos[0])
	}
	if len(pos) != 2 {
		return errUsage{"say where the backup goes: gloss-cli backup PROJECT DEST"}
	}
	return withProject(pos[0], existing, func(p *store.Store) error {
		dest := pos[1]
		if info, err := os.Stat(dest); err == nil && info.IsDir() {
			base := strings.TrimSuffix(filepath.Base(p.Path()), filepath.Ext(p.Path()))
			dest = filepath.Join(dest, base+"-"+time.Now().UTC().Format("20060102-150405")+".gloss")
		}
		if err := p.Backup(dest); err != nil {
			return err
		}
		info, err := os.Stat(dest)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "backed up %s to %s (%s)\n", pos[0], dest, humanSize(info.Size()))
		return nil
	})
}

func listBackups(e *env, project string) error {
	list, err := store.Backups(project)
	if err != nil {
		return err
	}
	if len(list) == 0 {
		fmt.Fprintf(e.stderr, "no backups of %s yet\n", project)
	}
	for _, b := range list {
		fmt.Fprintf(e.stdout, "%s\t%s\t%s\n", b.Path, b.Time.Local().Format("2006-01-02 15:04:05 MST"), humanSize(b.Size))
	}
	return nil
}

func cmdRestore(e *env, args []string) error {
	fs := newFlags(e, "restore", "PROJECT BACKUP",
		"Replace PROJECT with BACKUP (see gloss-cli backup --list PROJECT). The backup is checked first;\n"+
			"the version it replaces is itself backed up. Close Gloss windows on the project first.")
	pos, err := parse(fs, args, 2, 2)
	if err != nil {
		return err
	}
	if err := store.Restore(pos[0], pos[1]); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "restored %s from %s; the version it replaced was saved first (gloss-cli backup --list %s)\n", pos[0], pos[1], pos[0])
	return nil
}

// humanSize formats a byte count for people.
func humanSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
