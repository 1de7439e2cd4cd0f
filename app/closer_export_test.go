package app

// RequestClose asks to close the window, as its close button does; the
// channel is closed once the window is closed (never when the request is
// ignored, as a second one is while the first waits).
func (g *Probe) RequestClose() <-chan struct{} {
	done := make(chan struct{})
	g.quitAfterCloses(func() {
		g.win.Close()
		close(done)
	})
	return done
}

// AwaitCloseNotice returns a channel closed when closing the window says
// that it waits for projects still being closed.
func (g *Probe) AwaitCloseNotice() <-chan struct{} {
	c := make(chan struct{})
	g.closer.onNotice = func() { close(c) }
	return c
}
