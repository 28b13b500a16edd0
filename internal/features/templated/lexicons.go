package templated

import (
	"fmt"
	"math"

	"github.com/copydesk/copydesk/internal/lexicon"
)

// minVocabFindingWeight is the weight (log machine/human ratio) from which
// an over-used word is reported as a finding; every hit still counts in the
// vocab_weight_per_1k feature. e^3 ≈ 20 times more frequent in machine
// news: below that, single words ("significant", "various") are noise to an
// editor.
const minVocabFindingWeight = 3.0

// measured says, in an editor's words, how the labelled training news
// uses the entry: how many times more often machine-written articles use
// it, and how many articles of each kind do.
func measured(e *lexicon.Entry) string {
	if e.HumanDocs == 0 && e.MachineDocs == 0 {
		return fmt.Sprintf("curated stock phrase; no article in the labelled training news uses it (lexicon weight %.2f)", e.Weight)
	}
	return fmt.Sprintf("used by %d human and %d machine-written articles in the labelled training news; about %.0f× more often by machines (lexicon weight %.2f)",
		e.HumanDocs, e.MachineDocs, math.Exp(e.Weight), e.Weight)
}

// reportStock reports stock phrases outside quotations and returns how
// many it found.
func reportStock(c *collector, hits []lexicon.Hit) int {
	count := 0
	for _, h := range hits {
		if insideQuote(c.doc, h.Start) {
			continue // a speaker's words, not the writer's
		}
		count++
		id := ruleStockPhrase
		if h.Entry.HumanDocs > 0 {
			id = ruleStockCommon
		}
		c.add(id, h.Start, h.End,
			fmt.Sprintf("stock phrase %q (%s)", h.Entry.Phrase, h.Entry.Note), measured(h.Entry))
	}
	return count
}

// reportVocab reports strongly over-used words and returns the summed weight
// of every hit.
func reportVocab(c *collector, hits []lexicon.Hit) float64 {
	var sum float64
	for _, h := range hits {
		if insideQuote(c.doc, h.Start) {
			continue
		}
		sum += h.Entry.Weight
		if h.Entry.Weight >= minVocabFindingWeight {
			c.add(ruleOverusedVocab, h.Start, h.End,
				fmt.Sprintf("%q is over-used by language models", h.Entry.Phrase), measured(h.Entry))
		}
	}
	return sum
}

// reportParaphrase reports synonym-swap idioms and returns how many it found.
func reportParaphrase(c *collector, hits []lexicon.Hit) int {
	for _, h := range hits {
		c.add(ruleParaphraseIdiom, h.Start, h.End,
			fmt.Sprintf("%q looks like a paraphrase tool's swap for %q", h.Entry.Phrase, h.Entry.Note), measured(h.Entry))
	}
	return len(hits)
}
