package colloc

// The generator and the analyzer must cut and fold words identically, or
// a pattern counted in the reference would never match an article: both go
// through the functions here.

// HashStart is the FNV-1a offset basis: the hash of no words.
const HashStart uint64 = 14695981039346656037

const fnvPrime uint64 = 1099511628211

// HashWord extends h, the hash of the words before, by one word folded to
// ASCII lower case with a curly apostrophe read as a straight one. It
// allocates nothing: the analyzer calls it for every word of every article.
func HashWord(h uint64, w string) uint64 {
	if h != HashStart {
		h = (h ^ ' ') * fnvPrime // separator, so "ab c" differs from "a bc"
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c == 0xE2 && i+2 < len(w) && w[i+1] == 0x80 && w[i+2] == 0x99: // ’
			c = '\''
			i += 2
		}
		h = (h ^ uint64(c)) * fnvPrime
	}
	return h
}

// KeyStart is the window key of no words (see Key).
const KeyStart uint64 = 0

// Key extends h, the key of a window's words so far, by one word given by
// its hash: document.WordHash of its lower-case form, which the document's
// token view holds for every word, so the analyzer hashes no word itself.
// The key depends on the words' order.
func Key(h, word uint64) uint64 {
	h += 0x9E3779B97F4A7C15 // splitmix64 of h, then the word
	h = (h ^ h>>30) * 0xBF58476D1CE4E5B9
	h = (h ^ h>>27) * 0x94D049BB133111EB
	return h ^ h>>31 ^ word
}

// Matchable reports whether w can be a pattern's word: ASCII apart from
// curly apostrophes. Every pattern is ASCII (Fold), and such a word's
// document.WordHash is that of its Fold; any other word matches no
// pattern, and no window through it does.
func Matchable(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 0x80 {
			if c != 0xE2 || i+2 >= len(w) || w[i+1] != 0x80 || w[i+2] != 0x99 {
				return false
			}
			i += 2
		}
	}
	return true
}

// Fold returns w as HashWord reads it, for the generator's counts.
func Fold(w string) string {
	b := make([]byte, 0, len(w))
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c == 0xE2 && i+2 < len(w) && w[i+1] == 0x80 && w[i+2] == 0x99:
			c = '\''
			i += 2
		}
		b = append(b, c)
	}
	return string(b)
}

// Breaks reports whether the text between two words separates them: a
// sentence or clause mark, a line break or a quotation mark, across which
// two words are no collocation.
func Breaks(gap string) bool {
	for i := 0; i < len(gap); i++ {
		switch gap[i] {
		case '.', '!', '?', ';', ':', ',', '\n', '"', '(', ')':
			return true
		}
	}
	return false
}
