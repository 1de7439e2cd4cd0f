package app_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"gloss/annotate"
	"gloss/store"
)

// slowKeeper is store.Keeper whose backup on opening is still being
// written until finish is closed, and then failed.
type slowKeeper struct {
	annotate.BackupKeeper
	finish chan struct{}
}

func (k slowKeeper) OpenProblem(annotate.Project) error {
	<-k.finish
	return errors.New("the disk is full")
}

// TestBackupProblemReportedWhenFinished: the window does not wait for the
// backup made on opening (written in the background); when it fails, the
// status bar says so.
func TestBackupProblemReportedWhenFinished(t *testing.T) {
	g, _ := newGloss(t)
	k := slowKeeper{store.Keeper, make(chan struct{})}
	set := make(chan struct{})
	go func() { g.SetBackups(k); close(set) }()
	select {
	case <-set:
	case <-time.After(10 * time.Second):
		close(k.finish)
		t.Fatal("the window waits for the backup made on opening")
	}
	if _, state := g.StatusText(); strings.Contains(state, "No backup") {
		t.Fatalf("status %q before the backup finished", state)
	}
	close(k.finish)
	g.AwaitBackupWarnings()
	if _, state := g.StatusText(); !strings.Contains(state, "No backup was made on opening: the disk is full") {
		t.Fatalf("status %q; want the backup's failure", state)
	}
}
