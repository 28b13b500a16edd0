package ingest

import (
	"bytes"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
)

// sniffLen is how much of an input format detection and the binary check
// look at before reading the rest.
const sniffLen = 8 << 10

// formatByExt maps a lower-case extension to its format; "" means sniff
// (.xml may be a feed or XHTML).
var formatByExt = map[string]string{
	".txt":      FormatText,
	".text":     FormatText,
	".md":       FormatMarkdown,
	".markdown": FormatMarkdown,
	".html":     FormatHTML,
	".htm":      FormatHTML,
	".xhtml":    FormatHTML,
	".jsonl":    FormatJSONL,
	".ndjson":   FormatJSONL,
	".rss":      FormatFeed,
	".atom":     FormatFeed,
	".xml":      "",
}

func knownExtList() string {
	exts := make([]string, 0, len(formatByExt))
	for e := range formatByExt {
		exts = append(exts, e)
	}
	sort.Strings(exts)
	return strings.Join(exts, " ")
}

// ParseFormat normalises a user's --input-format value ("md", "ndjson",
// "rss", "atom", "txt" are accepted as aliases); "" means detect.
func ParseFormat(s string) (string, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "auto":
		return "", nil
	case "text", "txt", "plain":
		return FormatText, nil
	case "markdown", "md":
		return FormatMarkdown, nil
	case "html", "htm", "xhtml":
		return FormatHTML, nil
	case "jsonl", "ndjson", "json-lines", "jsonlines":
		return FormatJSONL, nil
	case "feed", "rss", "atom":
		return FormatFeed, nil
	}
	return "", fmt.Errorf("unknown input format %q (want one of %s)", s, strings.Join(Formats, ", "))
}

// detectFormat picks the reader for an input: the forced format, else the
// extension, else the content.
func detectFormat(name, forced string, head []byte) string {
	if forced != "" {
		return forced
	}
	if f := formatByExt[strings.ToLower(filepath.Ext(name))]; f != "" {
		return f
	}
	return sniffFormat(head)
}

// sniffFormat guesses the format from the start of the content.
func sniffFormat(head []byte) string {
	b := bytes.TrimLeft(bytes.TrimPrefix(head, utf8BOM), " \t\r\n")
	lower := bytes.ToLower(b)
	switch {
	case len(b) == 0:
		return FormatText
	case b[0] == '{':
		return FormatJSONL
	case bytes.HasPrefix(b, []byte("---")) && startsFrontMatter(b):
		return FormatMarkdown
	case b[0] == '<':
		if isFeedXML(lower) || bytes.HasPrefix(lower, []byte("<?xml")) && !bytes.Contains(lower, []byte("<html")) {
			// XML that is not XHTML goes to the feed reader, which says
			// plainly when it is not a feed.
			return FormatFeed
		}
		return FormatHTML
	case bytes.HasPrefix(b, []byte("# ")):
		return FormatMarkdown
	}
	return FormatText
}

func startsFrontMatter(b []byte) bool {
	line, _, _ := bytes.Cut(b, []byte("\n"))
	return string(bytes.TrimRight(line, " \t\r")) == "---"
}

// isFeedXML reports whether lower-cased markup has an RSS, Atom or RDF root
// before any HTML element.
func isFeedXML(lower []byte) bool {
	feed := -1
	for _, tag := range []string{"<rss", "<feed", "<rdf:rdf"} {
		if i := bytes.Index(lower, []byte(tag)); i >= 0 && (feed < 0 || i < feed) {
			feed = i
		}
	}
	if feed < 0 {
		return false
	}
	html := bytes.Index(lower, []byte("<html"))
	return html < 0 || feed < html
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// binaryReason says why the start of an input is not text, or "" when it
// looks like text.
func binaryReason(head []byte) string {
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		return "UTF-16 encoded; convert it to UTF-8"
	}
	if i := bytes.IndexByte(head, 0); i >= 0 {
		return fmt.Sprintf("binary file (NUL byte at offset %d), not an article", i)
	}
	control := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' || c == 0x7f {
			control++
		}
	}
	if len(head) > 0 && control*10 > len(head) {
		return fmt.Sprintf("binary file (%d of its first %d bytes are control characters), not an article", control, len(head))
	}
	return ""
}
