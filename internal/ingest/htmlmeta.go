package ingest

import (
	"encoding/json"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageMeta is what a page says about itself in <meta>, <link>, <time>,
// <title> and JSON-LD, independently of the main-text extractor.
type pageMeta struct {
	title, byline, date, siteName, url, publisher string
}

// metaDateKeys are <meta> names and properties that carry a publication
// date, most specific first.
var metaDateKeys = []string{
	"article:published_time", "og:published_time", "datepublished",
	"publishdate", "publish-date", "pubdate", "date", "dc.date.issued",
	"dc.date", "dcterms.created", "dcterms.date", "sailthru.date",
	"parsely-pub-date", "article.published", "og:updated_time",
	"article:modified_time",
}

var metaBylineKeys = []string{"author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl"}

// readPageMeta collects metadata from the whole parsed page.
func readPageMeta(root *html.Node) pageMeta {
	metas := map[string]string{}
	var ld pageMeta
	var titleText, canonical, timeDate string
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				content := strings.TrimSpace(attr(n, "content"))
				for _, k := range []string{"property", "name", "itemprop"} {
					if key := strings.ToLower(attr(n, k)); key != "" && content != "" {
						if _, seen := metas[key]; !seen {
							metas[key] = content
						}
					}
				}
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && canonical == "" {
					canonical = strings.TrimSpace(attr(n, "href"))
				}
			case atom.Title:
				if titleText == "" {
					titleText = strings.TrimSpace(nodeText(n))
				}
			case atom.Time:
				if timeDate == "" {
					timeDate = strings.TrimSpace(attr(n, "datetime"))
				}
			case atom.Script:
				if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
					mergeJSONLD(&ld, nodeText(n))
				}
			}
			if key := strings.ToLower(attr(n, "itemprop")); key == "datepublished" && n.DataAtom != atom.Meta {
				if v := firstNonEmpty(attr(n, "datetime"), attr(n, "content")); v != "" {
					if _, seen := metas[key]; !seen {
						metas[key] = v
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(root)

	var m pageMeta
	m.title = firstNonEmpty(ld.title, metas["og:title"], metas["twitter:title"], titleText)
	m.date = ld.date
	for _, k := range metaDateKeys {
		m.date = firstNonEmpty(m.date, metas[k])
	}
	m.date = firstNonEmpty(m.date, timeDate)
	m.byline = ld.byline
	for _, k := range metaBylineKeys {
		if v := metas[k]; !strings.HasPrefix(v, "http") {
			m.byline = firstNonEmpty(m.byline, v)
		}
	}
	m.url = firstNonEmpty(canonical, metas["og:url"], ld.url)
	m.siteName = firstNonEmpty(metas["og:site_name"], ld.publisher, metas["application-name"])
	return m
}

// source names the publisher: the site name, else the URL's host.
func (m pageMeta) source() string {
	if m.siteName != "" {
		return m.siteName
	}
	if u, err := url.Parse(m.url); err == nil && u.Host != "" {
		return strings.TrimPrefix(u.Host, "www.")
	}
	return ""
}

// mergeJSONLD fills empty fields of m from a JSON-LD script: an object, an
// array, or an @graph, preferring the first item that looks like an
// article.
func mergeJSONLD(m *pageMeta, script string) {
	var v any
	if json.Unmarshal([]byte(strings.TrimSpace(script)), &v) != nil {
		return
	}
	var items []map[string]any
	var collect func(any)
	collect = func(v any) {
		switch v := v.(type) {
		case []any:
			for _, x := range v {
				collect(x)
			}
		case map[string]any:
			items = append(items, v)
			if g, ok := v["@graph"]; ok {
				collect(g)
			}
		}
	}
	collect(v)
	// Article-typed items first, then anything carrying a date.
	for pass := 0; pass < 2; pass++ {
		for _, it := range items {
			if pass == 0 && !isArticleType(it["@type"]) {
				continue
			}
			if pass == 1 && it["datePublished"] == nil {
				continue
			}
			m.title = firstNonEmpty(m.title, ldString(it["headline"]))
			m.date = firstNonEmpty(m.date, ldString(it["datePublished"]))
			m.byline = firstNonEmpty(m.byline, personNames(ldPeople(it["author"])))
			m.url = firstNonEmpty(m.url, ldString(it["url"]))
			if p, ok := it["publisher"].(map[string]any); ok {
				m.publisher = firstNonEmpty(m.publisher, ldString(p["name"]))
			}
		}
	}
}

func isArticleType(t any) bool {
	switch t := t.(type) {
	case string:
		return strings.HasSuffix(t, "Article") || t == "BlogPosting" || t == "Report" || strings.HasSuffix(t, "NewsArticle")
	case []any:
		for _, x := range t {
			if isArticleType(x) {
				return true
			}
		}
	}
	return false
}

func ldString(v any) string {
	if s, ok := v.(string); ok {
		return strings.TrimSpace(s)
	}
	return ""
}

// ldPeople normalises a JSON-LD author to what personNames reads.
func ldPeople(v any) any {
	switch v := v.(type) {
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = ldPeople(x)
		}
		return out
	case string:
		if strings.HasPrefix(v, "http") {
			return nil
		}
	}
	return v
}

func nodeText(n *html.Node) string {
	var b strings.Builder
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(n)
	return b.String()
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}
