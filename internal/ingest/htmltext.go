package ingest

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// textLine is one line of text extracted from HTML: a paragraph, heading,
// list item or table row. landmarks are its enclosing landmarks (nav,
// footer, a "share" or "comments" box…), outermost first, used to cut page
// chrome into blocks.
type textLine struct {
	text      string
	landmarks []*html.Node
}

// htmlToText renders a parsed HTML tree as text, one block per line.
func htmlToText(n *html.Node) string {
	var b strings.Builder
	writeLines(&b, htmlLines(n))
	return b.String()
}

// writeLines writes the lines' text to b, one a line.
func writeLines(b *strings.Builder, lines []textLine) {
	for i, l := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l.text)
	}
}

// htmlLines walks n and returns its visible text as lines: every block
// element, <br>, list item and heading starts a new line; runs of
// whitespace inside a line collapse to one space, except in <pre>.
func htmlLines(n *html.Node) []textLine {
	w := &lineWriter{}
	w.walk(n, nil)
	w.flush()
	return w.lines
}

type lineWriter struct {
	lines    []textLine
	cur      strings.Builder
	curMarks []*html.Node
	space    bool // a space is owed before the next visible character
	bullet   bool // a list item has started and has no text yet
	pre      int  // depth of <pre> elements
}

// skipped elements hold no reader-visible text.
var skipped = map[atom.Atom]bool{
	atom.Head: true, atom.Script: true, atom.Style: true, atom.Noscript: true,
	atom.Template: true, atom.Svg: true, atom.Math: true, atom.Iframe: true,
	atom.Object: true, atom.Embed: true, atom.Canvas: true, atom.Select: true,
	atom.Textarea: true, atom.Datalist: true, atom.Audio: true, atom.Video: true,
	atom.Title: true, atom.Meta: true, atom.Link: true,
}

// blocks start and end a line.
var blocks = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Body: true, atom.Caption: true, atom.Dd: true, atom.Details: true,
	atom.Dialog: true, atom.Div: true, atom.Dl: true, atom.Dt: true,
	atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true, atom.Footer: true,
	atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Header: true, atom.Hgroup: true, atom.Hr: true,
	atom.Legend: true, atom.Li: true, atom.Main: true, atom.Menu: true, atom.Nav: true,
	atom.Ol: true, atom.P: true, atom.Pre: true, atom.Section: true, atom.Summary: true,
	atom.Table: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true, atom.Tr: true,
	atom.Ul: true, atom.Html: true, atom.Center: true, atom.Option: true,
}

func (w *lineWriter) walk(n *html.Node, landmarks []*html.Node) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data, landmarks)
		return
	case html.ElementNode:
		if skipped[n.DataAtom] || hasAttr(n, "hidden") {
			return
		}
		if isLandmark(n) {
			landmarks = append(landmarks[:len(landmarks):len(landmarks)], n)
		}
		switch n.DataAtom {
		case atom.Br:
			w.flush()
			return
		case atom.Input:
			if t := strings.ToLower(attr(n, "type")); t == "submit" || t == "button" {
				w.flush()
				w.text(attr(n, "value"), landmarks)
				w.flush()
			}
			return
		case atom.Td, atom.Th:
			w.space = true
			w.walkChildren(n, landmarks)
			w.space = true
			return
		}
		if blocks[n.DataAtom] {
			w.flush()
			if n.DataAtom == atom.Li {
				w.bullet = true
			}
			if n.DataAtom == atom.Pre {
				w.pre++
			}
			w.walkChildren(n, landmarks)
			if n.DataAtom == atom.Pre {
				w.pre--
			}
			w.flush()
			return
		}
	}
	w.walkChildren(n, landmarks)
}

func (w *lineWriter) walkChildren(n *html.Node, landmarks []*html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, landmarks)
	}
}

// text appends a text node's content to the current line.
func (w *lineWriter) text(s string, landmarks []*html.Node) {
	if w.pre > 0 {
		for i, part := range strings.Split(s, "\n") {
			if i > 0 {
				w.flush()
			}
			w.write(strings.TrimRight(part, " \t\r"), landmarks)
		}
		return
	}
	start := -1
	for i, r := range s {
		if unicode.IsSpace(r) || r == '\u00a0' {
			if start >= 0 {
				w.write(s[start:i], landmarks)
				start = -1
			}
			w.space = true
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		w.write(s[start:], landmarks)
	}
}

// write adds a run of visible text, preceded by an owed space or bullet.
func (w *lineWriter) write(s string, landmarks []*html.Node) {
	if s == "" {
		return
	}
	if w.cur.Len() == 0 {
		w.curMarks = landmarks
		if w.bullet {
			w.cur.WriteString("- ")
			w.bullet = false
		}
	} else if w.space {
		w.cur.WriteByte(' ')
	}
	w.space = false
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	w.cur.WriteString(s)
}

// flush ends the current line.
func (w *lineWriter) flush() {
	w.space = false
	if w.cur.Len() == 0 {
		return
	}
	t := strings.TrimSpace(w.cur.String())
	w.cur.Reset()
	if t != "" && t != "-" {
		w.lines = append(w.lines, textLine{text: t, landmarks: w.curMarks})
	}
}

// chromeName matches class and id values sites give page furniture.
var chromeName = regexp.MustCompile(`(?i)\b(nav|navbar|menu|breadcrumbs?|header|footer|sidebar|widget|share|sharing|social|related|recommended|popular|trending|comments?|respond|reply|newsletter|subscribe|signup|cookie|consent|gdpr|banner|promo|advert|ads?|sponsor|tags|author-box|bio)\b`)

// landmarkRoles are ARIA roles of page furniture.
var landmarkRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "complementary": true,
	"dialog": true, "alertdialog": true, "form": true, "search": true, "main": true,
	"article": true, "region": true,
}

// isLandmark reports whether n delimits a block of page chrome: a
// sectioning element, an ARIA landmark, or a box whose class or id names
// furniture.
func isLandmark(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Nav, atom.Header, atom.Footer, atom.Aside, atom.Form, atom.Section,
		atom.Article, atom.Main, atom.Dialog, atom.Body:
		return true
	}
	if landmarkRoles[strings.ToLower(attr(n, "role"))] {
		return true
	}
	return chromeName.MatchString(strings.ReplaceAll(attr(n, "class")+" "+attr(n, "id"), "_", "-"))
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}
