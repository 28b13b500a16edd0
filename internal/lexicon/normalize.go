package lexicon

// Normalized is a copy of a text prepared for phrase matching, with a map
// from every normalised byte back to the byte of the original it came from.
//
// Normalisation folds what should not stop a phrase from matching:
// ASCII case ("In Conclusion"), curly and straight apostrophes ("it’s" =
// "it's"), and every run of spaces, line breaks, hyphens, dashes and other
// punctuation (collapsed to one space, so "fast-paced" = "fast paced" and a
// phrase broken across lines still matches). Sentence punctuation (. ! ? ; :)
// becomes '|' so a phrase never matches across a sentence break.
type Normalized struct {
	Text []byte
	// Offset[i] is the byte offset in the original of Text[i].
	Offset []int32
}

// asciiFold says what a single ASCII byte becomes.
var asciiFold [128]byte

func init() {
	for c := 0; c < 128; c++ {
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			asciiFold[c] = byte(c)
		case c >= 'A' && c <= 'Z':
			asciiFold[c] = byte(c) + 'a' - 'A'
		case c == '\'':
			asciiFold[c] = '\''
		case c == '.' || c == '!' || c == '?' || c == ';' || c == ':':
			asciiFold[c] = '|'
		default:
			asciiFold[c] = ' '
		}
	}
}

// Normalize prepares text for matching, reusing n's buffers.
func (n *Normalized) Normalize(text string) {
	if cap(n.Text) < len(text) {
		n.Text = make([]byte, len(text))
		n.Offset = make([]int32, len(text))
	}
	// The output is never longer than the input: write by index, no appends.
	out := n.Text[:len(text)]
	offs := n.Offset[:len(text)]
	j := 0
	last := byte(' ') // last byte written, or 0 after raw non-ASCII
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c < 0x80 {
			f := asciiFold[c]
			if f != ' ' && f != '|' { // the common case: a word byte
				out[j], offs[j] = f, int32(i)
				j++
				last = f
				continue
			}
			j, last = foldSeparator(out, offs, j, last, f, i)
			continue
		}
		start := i
		var f byte
		f, i = foldMultibyte(text, i)
		switch f {
		case 0: // copy the sequence raw
			for k := start; k <= i && k < len(text); k++ {
				out[j], offs[j] = text[k], int32(k)
				j++
			}
			last = 0
		case '\'':
			out[j], offs[j] = f, int32(start)
			j++
			last = f
		default:
			j, last = foldSeparator(out, offs, j, last, f, start)
		}
	}
	n.Text, n.Offset = out[:j], offs[:j]
}

// foldSeparator writes a space or sentence stop, collapsing runs (a stop
// wins over a space) and returns the new length and last byte.
func foldSeparator(out []byte, offs []int32, j int, last, f byte, at int) (int, byte) {
	if last == ' ' || last == '|' {
		if f == '|' && last == ' ' && j > 0 {
			out[j-1] = '|'
			return j, '|'
		}
		return j, last
	}
	out[j], offs[j] = f, int32(at)
	return j + 1, f
}

// foldMultibyte handles a byte >= 0x80 at text[i]. Typographic quotes,
// dashes and spaces become their ASCII equivalents; anything else returns 0
// (copy raw). The second result is the index of the sequence's last byte.
func foldMultibyte(text string, i int) (byte, int) {
	c := text[i]
	if c == 0xE2 && i+2 < len(text) && text[i+1] == 0x80 {
		switch text[i+2] {
		case 0x98, 0x99: // ‘ ’
			return '\'', i + 2
		case 0x9C, 0x9D, 0x93, 0x94, 0x90, 0x91, 0x92, 0x95, 0x8B, 0x89, 0x8A, 0xAF: // “ ” – — hyphens, thin/zero-width spaces
			return ' ', i + 2
		case 0xA6: // …
			return '|', i + 2
		}
	}
	if c == 0xC2 && i+1 < len(text) && text[i+1] == 0xA0 { // no-break space
		return ' ', i + 1
	}
	n := 1
	switch {
	case c >= 0xF0:
		n = 4
	case c >= 0xE0:
		n = 3
	case c >= 0xC0:
		n = 2
	}
	return 0, min(i+n, len(text)) - 1
}

// NormalizeString returns the normalised form of s without offsets, as
// patterns are stored.
func NormalizeString(s string) string {
	var n Normalized
	n.Normalize(s)
	b := n.Text
	for len(b) > 0 && (b[0] == ' ' || b[0] == '|') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '|') {
		b = b[:len(b)-1]
	}
	return string(b)
}

// isWordByte reports whether a normalised byte belongs to a word; raw
// non-ASCII bytes count as letters.
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '\'' || c >= 0x80
}
