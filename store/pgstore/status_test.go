package pgstore

import (
	"fmt"
	"sync"
	"testing"

	"gloss/annotate"
)

// Twenty annotators setting their status of the same document at once:
// every one is kept (each annotator's own), none is refused.
func TestConcurrentStatuses(t *testing.T) {
	s, url := newProject(t, "setup")
	_, d := seed(t, s)
	statuses := []annotate.Status{annotate.StatusInProgress, annotate.StatusDone}
	var wg sync.WaitGroup
	stores := make([]*Store, 20)
	for i := range stores {
		stores[i] = openAs(t, url, fmt.Sprintf("coder%02d", i))
	}
	errs := make(chan error, len(stores))
	for i, st := range stores {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 0; n < 10; n++ {
				if err := st.SetStatus(d.ID, statuses[(i+n)%2]); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	for i, st := range stores {
		got, err := st.Document(d.ID)
		if err != nil {
			t.Fatal(err)
		}
		if want := statuses[(i+9)%2]; got.Status != want {
			t.Errorf("coder%02d's status is %s, want their last, %s", i, got.Status, want)
		}
	}
	if got, _ := s.Document(d.ID); got.Status != annotate.StatusTodo {
		t.Errorf("the setup annotator's status is %s, want todo (they set none)", got.Status)
	}
}
