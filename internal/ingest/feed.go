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
func readFeed(name string, data []byte) []Article {
	if i := invalidUTF8At(data); i >= 0 && !declaresLegacyXMLEncoding(data) {
		return []Article{failed(name, "not valid UTF-8 (first bad byte at offset %d) and no other encoding declared", i)}
	}
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return []Article{failed(name, "not a readable RSS or Atom feed: %v", err)}
	}
	if len(feed.Items) == 0 {
		return []Article{failed(name, "feed has no items, no article")}
	}
	out := make([]Article, 0, len(feed.Items))
	for i, it := range feed.Items {
		out = append(out, feedItem(name, fmt.Sprintf("%s#%d", name, i+1), strings.TrimSpace(feed.Title), it))
	}
	return out
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
