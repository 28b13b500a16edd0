package ingest

import (
	"bytes"
	"html"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/document"
)

// HTML and feed text is extracted, so its offsets are not the input's. To
// give findings the input file's line and column, the extracted text's
// words are matched, in order, to the visible words of the markup, and
// each matched word that does not simply continue the previous one on the
// same input line becomes a document.Anchor.

// srcWord is a visible word of markup and where it starts in the file.
type srcWord struct {
	text      string
	line, col int32
}

// markupWords lists the visible words of data[from:to] (tags, comments,
// scripts and styles left out; entities decoded; CDATA read as markup, so
// a feed's HTML inside CDATA or escaped with entities gives its words).
// Lines and columns (code points) count from the start of data.
func markupWords(data []byte, from, to int) []srcWord {
	line := int32(bytes.Count(data[:from], []byte("\n")) + 1)
	col := int32(utf8.RuneCount(data[bytes.LastIndexByte(data[:from], '\n')+1:from]) + 1)
	var words []srcWord
	var cur strings.Builder
	var curLine, curCol int32
	flush := func() {
		if cur.Len() > 0 {
			words = append(words, srcWord{cur.String(), curLine, curCol})
			cur.Reset()
		}
	}
	addRune := func(r rune, l, c int32) {
		if unicode.IsSpace(r) || r == '\u00a0' {
			flush()
			return
		}
		if cur.Len() == 0 {
			curLine, curCol = l, c
		}
		cur.WriteRune(r)
	}
	// advance moves the position over data[i:j].
	advance := func(i, j int) {
		for _, b := range data[i:j] {
			switch {
			case b == '\n':
				line, col = line+1, 1
			case utf8.RuneStart(b):
				col++
			}
		}
	}
	escapedTag := false // inside markup written with entities (&lt;p&gt;)
	for i := from; i < to; {
		c := data[i]
		switch {
		case c == '<':
			flush()
			j := skipTag(data, i, to)
			advance(i, j)
			i = j
		case c == '&':
			j := i + 1
			for j < to && j-i < 40 && (isAlnum(data[j]) || data[j] == '#') {
				j++
			}
			if j < to && data[j] == ';' {
				j++
			}
			dec := html.UnescapeString(string(data[i:j]))
			l, cc := line, col
			advance(i, j)
			i = j
			switch {
			case dec == "<":
				flush()
				escapedTag = true
			case dec == ">" && escapedTag:
				escapedTag = false
			case !escapedTag:
				for _, r := range dec {
					addRune(r, l, cc)
				}
			}
		case c == ']' && bytes.HasPrefix(data[i:to], []byte("]]>")):
			flush() // the end of a CDATA section
			advance(i, i+3)
			i += 3
		default:
			r, n := utf8.DecodeRune(data[i:])
			if escapedTag {
				if r == '>' {
					escapedTag = false
				}
			} else {
				if r == utf8.RuneError && n == 1 {
					r = '\uFFFD'
				}
				addRune(r, line, col)
			}
			advance(i, i+n)
			i += n
		}
	}
	flush()
	return words
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// skipTag returns the offset after the markup starting at data[i] ('<'):
// a comment, a processing instruction, a tag (script and style with their
// content), or just the CDATA opener, whose content is read as markup.
func skipTag(data []byte, i, to int) int {
	rest := data[i:to]
	switch {
	case bytes.HasPrefix(rest, []byte("<![CDATA[")):
		return i + len("<![CDATA[")
	case bytes.HasPrefix(rest, []byte("<!--")):
		if e := bytes.Index(rest[4:], []byte("-->")); e >= 0 {
			return i + 4 + e + 3
		}
		return to
	}
	// A tag: to its '>' outside quoted attribute values.
	j := i + 1
	var quote byte
	for ; j < to; j++ {
		c := data[j]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			j++
			name := strings.ToLower(string(data[i+1 : min(i+10, j)]))
			for _, raw := range []string{"script", "style", "title", "noscript", "template"} {
				if strings.HasPrefix(name, raw) && (len(name) == len(raw) || !isAlnum(name[len(raw)])) {
					if e := bytes.Index(bytes.ToLower(data[j:to]), []byte("</"+raw)); e >= 0 {
						return j + e
					}
					return to
				}
			}
			return j
		}
	}
	return to
}

// alignAnchors matches the words of text (extracted, one block a line) to
// the input's words and returns anchors for Document.Anchors. Words are
// matched in order near the previous match; a word found nowhere near is
// looked up anywhere (page chrome follows the main text in text but may
// precede it in the page) and taken where the next two words follow it.
// Unmatched words take their position from the previous anchor.
func alignAnchors(text string, src []srcWord) []document.Anchor {
	const near = 64
	index := make(map[string][]int32, len(src))
	for i, w := range src {
		index[w.text] = append(index[w.text], int32(i))
	}
	words := textWords(text)
	var anchors []document.Anchor
	var last document.Anchor
	cursor := 0
	for k, w := range words {
		occ := index[text[w.Start:w.End]]
		j := -1
		// In order, near the cursor.
		if p := sort.Search(len(occ), func(i int) bool { return int(occ[i]) >= cursor }); p < len(occ) && int(occ[p])-cursor < near {
			j = int(occ[p])
		}
		// Anywhere, where the following words follow too.
		for p := 0; j < 0 && p < len(occ) && p < 256; p++ {
			if followedBy(text, words[k+1:min(k+3, len(words))], src, int(occ[p])+1) {
				j = int(occ[p])
			}
		}
		if j < 0 {
			continue
		}
		cursor = j + 1
		s := src[j]
		a := document.Anchor{Offset: int32(w.Start), Line: s.line, Column: s.col}
		if len(anchors) > 0 && predicted(text, last, a) {
			continue
		}
		if len(anchors) == 0 && w.Start > 0 {
			anchors = append(anchors, document.Anchor{Offset: 0, Line: s.line, Column: s.col})
		}
		anchors = append(anchors, a)
		last = a
	}
	return anchors
}

// predicted reports whether Position would already give a's line and
// column from the anchor before it: the same input line, the text between
// them verbatim.
func predicted(text string, prev, a document.Anchor) bool {
	between := text[prev.Offset:a.Offset]
	return prev.Line == a.Line && !strings.Contains(between, "\n") &&
		prev.Column+int32(utf8.RuneCountInString(between)) == a.Column
}

// followedBy reports whether src from j holds the words ws next.
func followedBy(text string, ws []document.Span, src []srcWord, j int) bool {
	for i, w := range ws {
		if j+i >= len(src) || src[j+i].text != text[w.Start:w.End] {
			return false
		}
	}
	return true
}

// textWords splits extracted text on spaces and newlines.
func textWords(text string) []document.Span {
	var out []document.Span
	start := -1
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == ' ' || text[i] == '\n' {
			if start >= 0 {
				out = append(out, document.Span{Start: start, End: i})
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	return out
}
