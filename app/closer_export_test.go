package app

// RequestClose asks to close the window, as its close button does.
func (g *Probe) RequestClose() { g.closeRequested() }
