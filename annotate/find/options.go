package find

// Options says how text is compared. The zero value is case-insensitive,
// accent-sensitive and matches inside words.
type Options struct {
	CaseSensitive bool // compare exactly instead of by simple case folding
	IgnoreAccents bool // drop nonspacing marks after canonical decomposition
	WholeWord     bool // keep only matches not touching letters, digits or '_'
}

// Hit is one match: the code points [Start, End) of the text it was found
// in, and for a dictionary match the label of the term.
type Hit struct {
	Start, End int
	Label      string
}

// Matcher finds every hit in a text, in text order, without overlaps.
type Matcher interface {
	FindAll(text string) []Hit
}
