package ingest

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"github.com/copydesk/copydesk/internal/document"
)

// readHTML extracts a page's main text with go-readability and its
// metadata from meta tags and JSON-LD. Text is the main text, one block
// per line; the page chrome the extractor dropped follows it, each block
// after a blank line and marked as a document.RegionChrome region, so
// boilerplate rules still see "Leave a Reply" and share bars.
func readHTML(name string, data []byte) Article {
	a := Article{ID: name, Path: name}
	data, err := decodeHTMLCharset(data)
	if err != nil {
		return failed(name, "%v", err)
	}
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return failed(name, "HTML could not be parsed: %v", err)
	}
	meta := readPageMeta(root)
	pageURL, _ := url.Parse(meta.url)
	if pageURL != nil && !pageURL.IsAbs() {
		pageURL = nil
	}

	page := htmlLines(root)
	var main []textLine
	parser := readability.NewParser()
	ra, rerr := parseReadable(&parser, root, pageURL)
	if rerr == nil && ra.Node != nil {
		main = htmlLines(ra.Node)
	}
	if len(main) == 0 {
		// The extractor found no article: the whole page is the text, with
		// nothing to call chrome.
		main, page = page, nil
	}
	if len(main) == 0 {
		return failed(name, "no text in this HTML (broken or empty page), not an article")
	}

	doc := &document.Document{ID: name, Path: name, BaseLine: 1, BaseColumn: 1}
	doc.Title = firstNonEmpty(ra.Title(), meta.title)
	doc.Byline = firstNonEmpty(meta.byline, ra.Byline())
	doc.URL = meta.url
	doc.Source = firstNonEmpty(meta.source(), ra.SiteName())
	// The page's own metadata first, then what readability found.
	if t, ok := parseDate(meta.date); ok {
		doc.Date = t
	} else if t, err := ra.PublishedTime(); err == nil {
		doc.Date = t
	} else if meta.date != "" {
		a.Notes = append(a.Notes, fmt.Sprintf("publish date %q not understood; the article has no date", meta.date))
	}
	doc.Text, doc.Regions = joinWithChrome(main, chromeBlocks(page, main, doc.Title, doc.Byline))
	doc.Anchors = alignAnchors(doc.Text, markupWords(data, 0, len(data)))
	a.Doc = doc
	return a
}

// parseReadable runs the extractor on a copy of the page (the page's own
// tree is read again for chrome), turning a panic into an error.
func parseReadable(p *readability.Parser, root *html.Node, pageURL *url.URL) (ra readability.Article, err error) {
	defer func() {
		if r := recover(); r != nil {
			ra, err = readability.Article{}, fmt.Errorf("readability failed: %v", r)
		}
	}()
	return p.ParseDocument(root, pageURL)
}

// decodeHTMLCharset converts a page in a declared legacy charset (meta
// charset, BOM) to UTF-8. Invalid UTF-8 with no other charset declared is
// an error naming the byte offset.
func decodeHTMLCharset(data []byte) ([]byte, error) {
	bad := invalidUTF8At(data)
	if bad < 0 {
		return data, nil
	}
	enc, encName, _ := charset.DetermineEncoding(data[:min(len(data), 1024)], "text/html")
	if encName == "utf-8" || enc == nil {
		return nil, fmt.Errorf("not valid UTF-8 (first bad byte at offset %d) and no other charset declared", bad)
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, fmt.Errorf("decode %s: %v", encName, err)
	}
	return bytes.ToValidUTF8(out, []byte("\uFFFD")), nil
}

// joinWithChrome lays out the main lines, then each chrome block after a
// blank line, and returns the text with one region per chrome block.
func joinWithChrome(main []textLine, chrome [][]textLine) (string, []document.Region) {
	var b strings.Builder
	writeLines(&b, main)
	var regions []document.Region
	for _, block := range chrome {
		b.WriteString("\n\n")
		start := b.Len()
		writeLines(&b, block)
		regions = append(regions, document.Region{Start: start, End: b.Len(), Kind: document.RegionChrome})
	}
	return b.String(), regions
}
