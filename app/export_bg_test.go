package app

// SearchClock holds the searches over all documents (corpus find, the
// concordance, label all) until the test lets them go: a search typed
// waits for Fire, then waits in the job list for RunJob.
type SearchClock struct{ c *fakeClock }

// FakeSearchClock makes the window's searches over all documents wait for
// the test (NewProbe makes them run at once).
func (g *Probe) FakeSearchClock() *SearchClock {
	c := &fakeClock{}
	for _, b := range g.backgrounds() {
		c.install(b)
	}
	return &SearchClock{c}
}

func (g *Probe) backgrounds() []*background { return []*background{g.corpus.bg, g.kwic.bg, g.bulk.bg} }

// Pending returns how many pauses are running.
func (s *SearchClock) Pending() int { return len(s.c.live()) }

// Fire ends the running pauses.
func (s *SearchClock) Fire() { s.c.fire() }

// Jobs returns how many searches have started.
func (s *SearchClock) Jobs() int { return len(s.c.jobs) }

// RunJob runs search i (in start order) to its end.
func (s *SearchClock) RunJob(i int) { s.c.jobs[i]() }
