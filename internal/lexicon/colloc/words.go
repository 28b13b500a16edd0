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
