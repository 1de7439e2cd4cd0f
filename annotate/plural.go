package annotate

import "strconv"

// Plural counts things in English: "1 document", "2 documents", "0 spans".
// word is the singular; the plural adds "s" (or "ies" for a consonant + y).
func Plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	if l := len(word); l > 1 && word[l-1] == 'y' && !isVowel(word[l-2]) {
		word = word[:l-1] + "ie"
	}
	return strconv.Itoa(n) + " " + word + "s"
}

func isVowel(b byte) bool {
	switch b {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}
