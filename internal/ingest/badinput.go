package ingest

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// checkText refuses input that is not an article whatever its format:
// binary content, invalid UTF-8, nothing but whitespace, and (for text and
// Markdown) a line longer than MaxLineBytes. bad is false when data passes.
func checkText(name, format string, data []byte) (a Article, bad bool) {
	if reason := binaryReason(data[:min(len(data), sniffLen)]); reason != "" {
		return failed(name, "%s", reason), true
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return failed(name, "binary file (NUL byte at offset %d), not an article", i), true
	}
	if i := invalidUTF8At(data); i >= 0 {
		if format == FormatHTML || format == FormatFeed {
			// Markup may declare another charset; its reader decodes it.
			return Article{}, false
		}
		return failed(name, "not valid UTF-8 (first bad byte at offset %d); convert it to UTF-8", i), true
	}
	if len(bytes.TrimFunc(data, unicode.IsSpace)) == 0 {
		if len(data) == 0 {
			return failed(name, "empty file, no article"), true
		}
		return failed(name, "only whitespace, no article"), true
	}
	switch format {
	case FormatText, FormatMarkdown:
		if n, line := longestLine(data); n > MaxLineBytes {
			return failed(name, "line %d is %d bytes, over the %s line limit: not an article", line, n, byteSize(MaxLineBytes)), true
		}
	case FormatHTML, FormatFeed:
		// Minified markup is one long line, legitimately; a megabyte of
		// text between two tags is not an article.
		if n, at := longestRun(data, '<'); n > MaxLineBytes {
			return failed(name, "%d bytes of text with no markup from offset %d, over the %s limit: not an article", n, at, byteSize(MaxLineBytes)), true
		}
	}
	return Article{}, false
}

// invalidUTF8At returns the offset of the first byte that is not valid
// UTF-8, or -1.
func invalidUTF8At(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// longestRun returns the length and offset of the longest stretch of b
// without sep.
func longestRun(b []byte, sep byte) (n, at int) {
	for off := 0; off <= len(b); {
		i := bytes.IndexByte(b[off:], sep)
		if i < 0 {
			i = len(b) - off
		}
		if i > n {
			n, at = i, off
		}
		off += i + 1
	}
	return n, at
}

// longestLine returns the length and 1-based number of the longest line.
func longestLine(b []byte) (n, line int) {
	for ln := 1; len(b) > 0; ln++ {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			i = len(b)
		}
		if i > n {
			n, line = i, ln
		}
		if i == len(b) {
			break
		}
		b = b[i+1:]
	}
	return n, line
}

func trimBOM(b []byte) []byte { return bytes.TrimPrefix(b, utf8BOM) }
