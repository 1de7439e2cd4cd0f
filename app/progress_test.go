package app

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"gloss/annotate"
	"gloss/annotate/formats"
)

// fakeSource yields n empty documents.
type fakeSource struct{ n int }

func (f fakeSource) Labels() ([]*annotate.Label, error) { return nil, nil }

func (f fakeSource) EachDocument(fn func(*annotate.Document, []*annotate.Span) error) error {
	for i := 0; i < f.n; i++ {
		if err := fn(annotate.NewDocument("d", "x", ""), nil); err != nil {
			return err
		}
	}
	return nil
}

func TestProgressSourceCountsDocuments(t *testing.T) {
	var seen []int
	src := progressSource{Source: fakeSource{n: 10}, ctx: context.Background(), every: 3, done: func(n int) { seen = append(seen, n) }}
	read := 0
	if err := src.EachDocument(func(*annotate.Document, []*annotate.Span) error { read++; return nil }); err != nil {
		t.Fatal(err)
	}
	if read != 10 || len(seen) != 3 || seen[0] != 3 || seen[2] != 9 {
		t.Errorf("read %d, progress reported at %v; want 10 read and 3, 6, 9", read, seen)
	}
}

func TestProgressSourceStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	read := 0
	src := progressSource{Source: fakeSource{n: 10}, ctx: ctx, every: 1, done: func(n int) {
		if n == 2 {
			cancel()
		}
	}}
	err := src.EachDocument(func(*annotate.Document, []*annotate.Span) error { read++; return nil })
	if !errors.Is(err, context.Canceled) || read != 2 {
		t.Errorf("cancelled after the 2nd document: read %d, error %v; want 2 and context.Canceled", read, err)
	}
}

// TestImportReadStopsWhenCancelled: the window's import reads its plan with
// formats.Load, which stops at the next file once the job is cancelled.
func TestImportReadStopsWhenCancelled(t *testing.T) {
	dir := t.TempDir()
	var units []string
	for _, name := range []string{"a.txt", "b.txt", "c.txt"} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("Text of "+name), 0o644); err != nil {
			t.Fatal(err)
		}
		units = append(units, p)
	}
	plan, err := importPlan(units)
	if err != nil {
		t.Fatal(err)
	}
	var seen []string
	b, err := formats.Load(context.Background(), plan, func(i, n int, path string) { seen = append(seen, filepath.Base(path)) })
	if err != nil || len(b.Documents) != 3 || strings.Join(seen, " ") != "a.txt b.txt c.txt" {
		t.Fatalf("read %v, progress %q, error %v; want 3 documents", b, seen, err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	seen = nil
	b, err = formats.Load(ctx, plan, func(i, n int, path string) {
		seen = append(seen, filepath.Base(path))
		cancel() // the Cancel button, pressed while the first file is read
	})
	if !errors.Is(err, context.Canceled) || b != nil || len(seen) != 1 {
		t.Errorf("cancelled during the first file: batch %v, progress %q, error %v; want nothing read further and context.Canceled", b, seen, err)
	}
}

// TestProgressDialogCancel: the progress dialog's Cancel button cancels the
// job's context, and the job then ends with a status message, not an error.
func TestProgressDialogCancel(t *testing.T) {
	a := test.NewTempApp(t)
	w := a.NewWindow("Gloss")
	w.Resize(fyne.NewSize(800, 600))
	status := newStatusBar()
	tr := newTransfers(&session{}, w, nil, status)
	msg := widget.NewLabel("Reading…")
	job := tr.start("Importing 3 files", msg, msg)
	dlg := w.Canvas().Overlays().Top()
	if dlg == nil {
		t.Fatal("no progress dialog")
	}
	var stop *widget.Button
	for _, o := range test.LaidOutObjects(dlg) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Cancel" {
			stop = b
		}
	}
	if stop == nil {
		t.Fatal("the progress dialog has no Cancel button")
	}
	if job.ctx.Err() != nil {
		t.Fatal("the job is cancelled before Cancel is pressed")
	}
	test.Tap(stop)
	if !errors.Is(job.ctx.Err(), context.Canceled) || msg.Text != "Cancelling…" || !stop.Disabled() {
		t.Fatalf("after Cancel: context %v, message %q, button disabled %v", job.ctx.Err(), msg.Text, stop.Disabled())
	}
	if ok := tr.finish(job, "Import", job.ctx.Err()); ok {
		t.Error("a cancelled job reported success")
	}
	if len(tr.running) != 0 || w.Canvas().Overlays().Top() != nil {
		t.Errorf("after finishing: %d jobs running, overlay %v", len(tr.running), w.Canvas().Overlays().Top())
	}
	if !strings.Contains(status.state.Text, "Import cancelled") {
		t.Errorf("status says %q", status.state.Text)
	}
}
