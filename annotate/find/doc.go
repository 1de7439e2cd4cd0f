// Package find finds text in documents: literal strings, regular expressions
// and dictionaries of terms, with the hits as [Start, End) offsets in Unicode
// code points of the original text. It also builds keyword-in-context
// concordances and plans bulk annotation (which hits are new, which are
// already labelled). It is pure: no files, no database, no UI.
//
// # Matching rules
//
// Case: unless Options.CaseSensitive, two characters match when they are
// equal under Unicode simple case folding (the orbits of unicode.SimpleFold,
// as strings.EqualFold and regexp's (?i) use): "ΣΟΦΊΑ" matches "σοφία",
// "ẞ" matches "ß", "K" (Kelvin sign) matches "k". Simple folding maps one
// character to one character, so "ß" does not match "ss", and Turkish "İ"
// (dotted capital I) matches only itself; with IgnoreAccents it loses its
// dot and matches "i" and "I".
//
// Accents: with Options.IgnoreAccents every character is decomposed (NFD) and
// its nonspacing marks (category Mn) are dropped, so "é", "e\u0301" and "e"
// all match "e". A character whose decomposition has more than one base
// character (a Hangul syllable) is kept whole. A hit never starts or ends
// inside a character, and a hit that ends on a base letter takes in the
// marks that follow it ("cafe" in "cafe\u0301!" is "cafe\u0301").
//
// Whole words: with Options.WholeWord a match counts only when the
// character before it and the character after it are not word characters:
// letters (L), digits (N) or '_'. This is not ASCII \b: "é" and "я" are
// letters, "🤝" is not, so "Lavrov" is a whole word in "Lavrov🤝".
// Combining marks (M) belong to the character they follow: looking left, the
// marks before a match are skipped and the character they sit on decides;
// looking right, a match followed by a mark is never a whole word, since it
// would cut a letter from its accent ("cafe" is not a whole word in
// "cafe\u0301").
//
// Overlaps: the hits of one matcher never overlap. Candidates are taken left
// to right; a candidate that passes the whole-word rule is kept and the
// search goes on at its end; one that fails is dropped and the search goes on
// one character after its start. Empty matches are never hits.
package find
