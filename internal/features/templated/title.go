package templated

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

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

// stemKey is stem(w) packed into an integer (a stem is at most five bytes:
// five byte lanes and its length), so indexing every body word allocates
// nothing. ASCII words are folded in place; others go through stem.
func stemKey(w string) uint64 {
	var b [5]byte
	n := 0
	if asciiOnly(w) {
		l := len(w)
		if l >= 2 && w[l-2] == '\'' && (w[l-1] == 's' || w[l-1] == 'S') {
			l -= 2 // TrimSuffix "'s" after folding
		}
		for n < l && n < len(b) {
			c := w[n]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b[n] = c
			n++
		}
	} else {
		n = copy(b[:], stem(w))
	}
	k := uint64(n) << 40
	for i := 0; i < n; i++ {
		k |= uint64(b[i]) << (8 * i)
	}
	return k
}

// minBodyStems is how many distinct word stems a body needs before its
// headline is judged.
const minBodyStems = 30

// findTitleAbsent reports headline content words the body never uses and
// returns the share of headline content words missing.
func findTitleAbsent(c *collector, doc *document.Document) float64 {
	title := strings.TrimSpace(doc.Title)
	if title == "" {
		return 0
	}
	// The headline's content words first, so one pass over the body can
	// both look for them and count distinct body stems (only up to
	// minBodyStems: more do not change the answer), with no set of every
	// body word.
	type titleWord struct {
		word  string
		stem  uint64
		found bool
	}
	var content []titleWord
	for _, w := range document.WordSpans(title, 0, len(title), nil) {
		word := title[w.Start:w.End]
		lw := wordKey(word)
		if len(lw) < 4 || titleStopwords[lw] || strings.IndexFunc(lw, func(r rune) bool { return r >= '0' && r <= '9' }) >= 0 {
			continue
		}
		content = append(content, titleWord{word: word, stem: stemKey(word)})
	}
	if len(content) == 0 {
		return 0
	}
	mainEnd := doc.MainEnd()
	bodyStart := 0
	// When the text opens with the headline, the body starts after it.
	if strings.HasPrefix(doc.Text, title) {
		bodyStart = len(title)
	}
	// A stem starts with its word's first byte lower-cased when that byte is
	// ASCII: once enough distinct stems are counted, other body words need
	// no stem at all.
	var firstBytes [256]bool
	for _, tw := range content {
		firstBytes[byte(tw.stem)] = true
	}
	var distinct [minBodyStems]uint64
	nDistinct, found := 0, 0
	for _, w := range doc.Words() {
		if nDistinct == minBodyStems && found == len(content) {
			break // nothing left to learn from the rest of the body
		}
		if w.Start < bodyStart || w.Start >= mainEnd {
			continue
		}
		if nDistinct == minBodyStems {
			if c := doc.Text[w.Start]; c < utf8.RuneSelf && !firstBytes[c|asciiLowerBit(c)] {
				continue
			}
		}
		k := stemKey(doc.Text[w.Start:w.End])
		if nDistinct < minBodyStems && !slices.Contains(distinct[:nDistinct], k) {
			distinct[nDistinct] = k
			nDistinct++
		}
		for i := range content {
			if content[i].stem == k && !content[i].found {
				content[i].found = true
				found++
			}
		}
	}
	if nDistinct < minBodyStems {
		return 0 // too short a body to judge
	}
	var missing []string
	for _, tw := range content {
		if !tw.found {
			missing = append(missing, tw.word)
		}
	}
	share := float64(len(missing)) / float64(len(content))
	// Conservative: a headline may summarise in its own words; report only
	// when at least half its content words and two of them are absent.
	if len(missing) >= 2 && share >= 0.5 {
		// Over the headline when the text opens with it, else an empty span at the start.
		c.addAnywhere(ruleTitleAbsent, 0, bodyStart,
			fmt.Sprintf("headline words absent from the body: %s", strings.Join(missing, ", ")),
			fmt.Sprintf("title %q", title))
	}
	return share
}

// asciiLowerBit is the bit that lower-cases an ASCII capital, 0 otherwise.
func asciiLowerBit(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return 'a' - 'A'
	}
	return 0
}
