package app

// A palette over an index (the quick-open palette of a large project)
// asks the index for candidates and ranks them with the fuzzy matcher at
// each keystroke; both grow with what the index returns, so they run off
// the UI goroutine, one query at a time, newest query wins (queryRunner):
// the window keeps drawing the typed character meanwhile.

// paletteFound is what a palette's filter found for a text: the items, their
// titles, and the fuzzy matches among them, best first.
type paletteFound struct {
	items   []paletteItem
	titles  []string
	matches []match
}

// searchOffUI makes source give the palette's items for what is typed,
// asked and ranked off the UI goroutine, and asks it for what is typed now.
// Enter picks the best match of the query typed, once its rows are shown.
func (p *palette) searchOffUI(source func(text string) []paletteItem) {
	p.source = source
	p.found = newQueryRunner(p.show)
	p.entry.OnSubmitted = func(string) {
		p.found.whenIdle(func() { p.choose(p.cur) })
	}
	p.filter(p.entry.Text)
}

// filterOffUI asks the palette's source for text off the UI goroutine;
// the rows shown stay until the newest query's come.
func (p *palette) filterOffUI(text string) {
	source := p.source
	p.found.run(func() paletteFound { return findItems(source, text) })
}

// findItems asks source for the items of text and ranks them.
func findItems(source func(string) []paletteItem, text string) paletteFound {
	f := paletteFound{items: source(text)}
	f.titles = make([]string, len(f.items))
	for i, it := range f.items {
		f.titles[i] = it.title
	}
	f.matches = fuzzyFilter(text, f.titles)
	return f
}
