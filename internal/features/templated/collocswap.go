package templated

import (
	"fmt"

	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/lexicon/colloc"
)

// minSpinEvidence is how many independent signs of a spinner an article
// must carry before a swap is reported: different swap patterns, plus one
// for each other kind of spinner artifact found (TP003 idioms, TP004
// glued punctuation, TP005 lower-case starts, TP006 wrong articles). One
// zero-count word pair alone is weak evidence against a 594,000-word
// reference ("in keeping with" is good English) and flagged 3.6% of human
// test articles when we tried it on train; spun text carries several signs.
const minSpinEvidence = 2

// swapHit is one swap pattern found in the article.
type swapHit struct {
	start, end int
	swap       *colloc.Swap
}

// findCollocationSwaps reports the word sequences of the swap list
// (internal/lexicon/colloc): a frequent news collocation with one word
// replaced by a spinner's synonym. It walks the document's words once,
// keying windows of up to colloc's longest pattern by the words' shared
// hashes, and reports only when the swaps and otherKinds (how many other
// kinds of spinner artifact the article has) reach minSpinEvidence. It
// returns the number of hits.
func findCollocationSwaps(c *collector, set *colloc.Set, end, otherKinds int) int {
	doc := c.doc
	words, tokens := doc.Words(), doc.Tokens()
	var hits []swapHit
	for i := 0; i < len(words) && words[i].Start < end; i++ {
		h := colloc.KeyStart
		for n := 0; n < set.MaxWords && i+n < len(words); n++ {
			w := words[i+n]
			if w.End > end || n > 0 && colloc.Breaks(doc.Text[words[i+n-1].End:w.Start]) {
				break
			}
			if !colloc.Matchable(doc.Text[w.Start:w.End]) {
				break // no pattern has this word, so no longer window matches
			}
			h = colloc.Key(h, tokens.Hash(i+n))
			if n == 0 {
				if !set.MayStart(h) {
					break
				}
				continue
			}
			if s, ok := set.Lookup(h); ok {
				hits = append(hits, swapHit{words[i].Start, w.End, s})
			}
		}
	}
	if len(hits) == 0 || distinctSwaps(hits)+otherKinds < minSpinEvidence {
		return len(hits)
	}
	for _, h := range hits {
		c.add(ruleCollocationSwap, h.start, h.end,
			fmt.Sprintf("%q looks like a spinner's synonym swap for %q", doc.Slice(document.Span{Start: h.start, End: h.end}), h.swap.Usual),
			fmt.Sprintf("human news writes %q %d times in the reference and this almost never (swap: %s)", h.swap.Usual, h.swap.UsualCount, h.swap.Source))
	}
	return len(hits)
}

// distinctSwaps counts the different patterns among hits; an article has
// few hits, so a quadratic scan beats allocating a set.
func distinctSwaps(hits []swapHit) int {
	n := 0
	for i, h := range hits {
		seen := false
		for _, g := range hits[:i] {
			if g.swap == h.swap {
				seen = true
				break
			}
		}
		if !seen {
			n++
		}
	}
	return n
}
