package store

import (
	"errors"

	"gloss/annotate"
)

// Keeper gives the user interface the project file's backups.
var Keeper annotate.BackupKeeper = keeper{}

type keeper struct{}

func (keeper) List(project string) ([]annotate.Backup, error) { return Backups(project) }

func (keeper) Restore(project, backup string) error { return Restore(project, backup) }

func (keeper) Damaged(err error) bool { return errors.Is(err, ErrDamaged) }

// OpenProblem waits until the backup Open started is written (see
// Store.OpenBackup) and returns the error if it could not be made.
func (keeper) OpenProblem(p annotate.Project) error {
	if s, ok := p.(*Store); ok {
		<-s.OpenBackupDone() // without hurrying it
		_, err := s.OpenBackup()
		return err
	}
	return nil
}
