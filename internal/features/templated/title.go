package templated

import (
	"fmt"
	"strings"

	"github.com/copydesk/copydesk/internal/document"
)

// titleStopwords are headline words that carry no topic.
var titleStopwords = map[string]bool{
	"the": true, "and": true, "for": true, "with": true, "from": true, "into": true, "over": true,
	"after": true, "amid": true, "says": true, "said": true, "say": true, "will": true, "what": true,
	"when": true, "why": true, "how": true, "who": true, "new": true, "this": true, "that": true,
	"than": true, "more": true, "about": true, "their": true, "they": true, "your": true, "have": true,
	"has": true, "its": true, "not": true, "but": true, "are": true, "was": true, "were": true,
	"been": true, "could": true, "would": true, "should": true, "may": true, "might": true,
	"analysis": true, "opinion": true, "update": true, "live": true, "news": true, "latest": true,
	"report": true, "exclusive": true, "watch": true, "video": true, "breaking": true,
}

// stem folds a word to its first five letters, enough to let "talks" find
// "talk" and "negotiations" find "negotiators" without a stemmer.
func stem(w string) string {
	w = wordKey(w)
	w = strings.TrimSuffix(w, "'s")
	if len(w) > 5 {
		return w[:5]
	}
	return w
}

// findTitleAbsent reports headline content words the body never uses and
// returns the share of headline content words missing.
func findTitleAbsent(c *collector, doc *document.Document) float64 {
	title := strings.TrimSpace(doc.Title)
	if title == "" {
		return 0
	}
	body := map[string]bool{}
	mainEnd := doc.MainEnd()
	bodyStart := 0
	// When the text opens with the headline, the body starts after it.
	if strings.HasPrefix(doc.Text, title) {
		bodyStart = len(title)
	}
	for _, w := range doc.Words() {
		if w.Start >= bodyStart && w.Start < mainEnd {
			body[stem(doc.Text[w.Start:w.End])] = true
		}
	}
	if len(body) < 30 {
		return 0 // too short a body to judge
	}
	var missing []string
	content := 0
	for _, w := range document.WordSpans(title, 0, len(title), nil) {
		word := title[w.Start:w.End]
		lw := wordKey(word)
		if len(lw) < 4 || titleStopwords[lw] || strings.IndexFunc(lw, func(r rune) bool { return r >= '0' && r <= '9' }) >= 0 {
			continue
		}
		content++
		if !body[stem(word)] {
			missing = append(missing, word)
		}
	}
	if content == 0 {
		return 0
	}
	share := float64(len(missing)) / float64(content)
	// Conservative: a headline may summarise in its own words; report only
	// when at least half its content words and two of them are absent.
	if len(missing) >= 2 && share >= 0.5 {
		start, end := 0, 0
		if bodyStart > 0 {
			end = bodyStart
		}
		c.add(ruleTitleAbsent, start, end,
			fmt.Sprintf("headline words absent from the body: %s", strings.Join(missing, ", ")),
			fmt.Sprintf("title %q", title))
	}
	return share
}
