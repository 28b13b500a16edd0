package ingest

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
)

// readFeed reads an RSS, Atom (or JSON Feed) document with gofeed; each
// item is an article with ID path#N, N counting items from 1. The item's
// content, else its description, is HTML turned into text the same way as
// a page's main text. Source is the feed's title.
//
// A feed that does not parse whole (one invalid byte in an item, a
// truncated tail) is read item by item: each item is parsed inside the
// feed's own header, so only the bad items are errors (path#N).
func readFeed(name string, data []byte) []Article {
	bad := invalidUTF8At(data)
	if bad >= 0 && declaresLegacyXMLEncoding(data) {
		bad = -1
	}
	var feed *gofeed.Feed
	var err error
	if bad < 0 {
		feed, err = parseFeed(data)
	}
	if bad >= 0 || err != nil {
		if out := readFeedItems(name, data); out != nil {
			return out
		}
		if bad >= 0 {
			return []Article{failed(name, "not valid UTF-8 (first bad byte at offset %d) and no other encoding declared", bad)}
		}
		return []Article{failed(name, "not a readable RSS or Atom feed: %v", err)}
	}
	if len(feed.Items) == 0 {
		return []Article{failed(name, "feed has no items, no article")}
	}
	// The raw items, for positions, when the scan agrees with the parser.
	l := scanFeed(data)
	out := make([]Article, 0, len(feed.Items))
	for i, it := range feed.Items {
		a := feedItem(name, fmt.Sprintf("%s#%d", name, i+1), strings.TrimSpace(feed.Title), it)
		if len(l.items) == len(feed.Items) {
			anchorItem(a, data, l.items[i])
		}
		out = append(out, a)
	}
	return out
}

// parseFeed parses a feed with gofeed, turning a panic into an error.
func parseFeed(data []byte) (feed *gofeed.Feed, err error) {
	defer func() {
		if r := recover(); r != nil {
			feed, err = nil, fmt.Errorf("feed parser failed (%v)", r)
		}
	}()
	return gofeed.NewParser().Parse(bytes.NewReader(data))
}

// readFeedItems reads a feed that did not parse whole, one item at a
// time; nil when it holds no item at all.
func readFeedItems(name string, data []byte) []Article {
	l := scanFeed(data)
	if len(l.items) == 0 {
		return nil
	}
	legacy := declaresLegacyXMLEncoding(data)
	out := make([]Article, 0, len(l.items))
	read := false
	for i, it := range l.items {
		id := fmt.Sprintf("%s#%d", name, i+1)
		item := data[it.start:it.end]
		var a Article
		switch bad := invalidUTF8At(item); {
		case !it.complete:
			a = failed(id, "feed item is cut off: the feed ends inside it (at byte %d)", len(data))
		case bad >= 0 && !legacy:
			a = failed(id, "feed item is not valid UTF-8 (first bad byte at offset %d of the feed)", it.start+bad)
		default:
			doc := make([]byte, 0, len(l.header)+len(item)+len(l.closing))
			doc = append(append(append(doc, l.header...), item...), l.closing...)
			feed, err := parseFeed(doc)
			switch {
			case err != nil:
				a = failed(id, "feed item could not be read: %v", err)
			case len(feed.Items) != 1:
				a = failed(id, "feed item could not be read (%d items parsed)", len(feed.Items))
			default:
				a = feedItem(name, id, strings.TrimSpace(feed.Title), feed.Items[0])
				anchorItem(a, data, it)
			}
		}
		a.Path = name
		out = append(out, a)
		read = read || a.Err == nil
	}
	if !read {
		return nil // nothing to keep: one error for the feed says it best
	}
	return out
}

// anchorItem maps a feed item's text to the item's lines in the feed file.
func anchorItem(a Article, data []byte, it feedItemSpan) {
	if a.Doc != nil {
		a.Doc.Anchors = alignAnchors(a.Doc.Text, markupWords(data, it.start, it.end))
	}
}

func feedItem(name, id, source string, it *gofeed.Item) Article {
	body := it.Content
	if strings.TrimSpace(body) == "" {
		body = it.Description
	}
	text := fragmentToText(body)
	if text == "" {
		a := failed(id, "feed item has no content or description text, no article")
		a.Path = name
		return a
	}
	a := Article{ID: id, Path: name}
	doc := newDoc(id, text)
	doc.Path = name
	doc.Title = strings.Join(strings.Fields(fragmentToText(it.Title)), " ")
	doc.URL = strings.TrimSpace(it.Link)
	doc.Source = source
	doc.Byline = feedAuthors(it)
	switch {
	case it.PublishedParsed != nil:
		doc.Date = *it.PublishedParsed
	case it.UpdatedParsed != nil:
		doc.Date = *it.UpdatedParsed
	default:
		raw := firstNonEmpty(it.Published, it.Updated)
		if t, ok := parseDate(raw); ok {
			doc.Date = t
		} else if raw != "" {
			a.Notes = append(a.Notes, fmt.Sprintf("item date %q not understood; the article has no date", raw))
		}
	}
	if it.GUID != "" {
		doc.Extra = map[string]any{"guid": it.GUID}
	}
	a.Doc = doc
	return a
}

func feedAuthors(it *gofeed.Item) string {
	var names []string
	for _, p := range it.Authors {
		if p != nil && strings.TrimSpace(p.Name) != "" {
			names = append(names, strings.TrimSpace(p.Name))
		}
	}
	if len(names) == 0 && it.Author != nil {
		names = append(names, strings.TrimSpace(it.Author.Name))
	}
	if len(names) == 0 && it.DublinCoreExt != nil {
		names = append(names, it.DublinCoreExt.Creator...)
	}
	return strings.TrimSpace(strings.Join(names, ", "))
}

// markupTag finds an HTML tag or entity, telling HTML from plain text.
var markupTag = regexp.MustCompile(`</?[a-zA-Z][^>]*>|&[a-zA-Z#0-9]+;`)

// fragmentToText turns an HTML fragment into text, one block per line. A
// fragment with no markup is plain text: its line breaks are kept and
// blank lines dropped.
func fragmentToText(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	if !markupTag.MatchString(s) {
		var lines []string
		for _, l := range strings.Split(s, "\n") {
			if l = strings.Join(strings.Fields(l), " "); l != "" {
				lines = append(lines, l)
			}
		}
		return strings.ToValidUTF8(strings.Join(lines, "\n"), "\uFFFD")
	}
	root, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return ""
	}
	return htmlToText(root)
}

// xmlLegacyEncoding matches an XML declaration naming a non-UTF-8
// encoding, which gofeed decodes itself.
var xmlLegacyEncoding = regexp.MustCompile(`(?i)^\s*<\?xml[^>]*encoding=["']([^"']+)["']`)

func declaresLegacyXMLEncoding(data []byte) bool {
	m := xmlLegacyEncoding.FindSubmatch(data[:min(len(data), 512)])
	return m != nil && !strings.EqualFold(string(m[1]), "utf-8")
}
