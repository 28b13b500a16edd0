package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/document"
)

// maxTitleRunes is the longest first line taken as a plain-text title;
// headlines run to about 70–120 characters, a first paragraph far longer.
const maxTitleRunes = 150

// readText reads a plain-text article. Text keeps every byte, title line
// included, so offsets map straight to the input.
func readText(name, text string) Article {
	doc := newDoc(name, text)
	doc.Title = inferTitle(text)
	return Article{ID: name, Path: name, Doc: doc}
}

func newDoc(name, text string) *document.Document {
	doc := document.New(name, text)
	doc.Path = name
	return doc
}

// inferTitle returns the first non-blank line when it reads like a
// headline: short, not ending in a full stop or other mid-sentence
// punctuation, not a list item, and followed by more text. Otherwise "".
func inferTitle(text string) string {
	first, rest := firstLine(text)
	if first == "" || strings.TrimSpace(rest) == "" {
		return ""
	}
	if utf8.RuneCountInString(first) > maxTitleRunes || !strings.ContainsFunc(first, unicode.IsLetter) {
		return ""
	}
	if last, _ := utf8.DecodeLastRuneInString(first); strings.ContainsRune(".,;:", last) && !strings.HasSuffix(first, "...") {
		return ""
	}
	for _, bullet := range []string{"- ", "* ", "+ ", "• "} {
		if strings.HasPrefix(first, bullet) {
			return ""
		}
	}
	return first
}

// firstLine returns the first non-blank line, trimmed, and the text after it.
func firstLine(text string) (line, rest string) {
	for text != "" {
		line, text, _ = strings.Cut(text, "\n")
		if line = strings.TrimSpace(line); line != "" {
			return line, text
		}
	}
	return "", ""
}
