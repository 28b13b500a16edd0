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

// hitList says which lexicon a candidate's entry comes from.
type hitList uint8

const (
	noList hitList = iota
	stockList
	vocabList
	paraphraseList
)

// addHit adds a lexicon hit whose message is written only if it survives
// merging.
func (c *collector) addHit(rule string, h lexicon.Hit, list hitList) {
	if !c.doc.InMain(h.Start) {
		return // page chrome is boilerplate's business
	}
	c.cands = append(c.cands, candidate{rule: rule, start: h.Start, end: h.End, entry: h.Entry, list: list})
}

// describe writes a lexicon hit's message and evidence.
func (f *candidate) describe() {
	e := f.entry
	switch f.list {
	case stockList:
		f.msg = fmt.Sprintf("stock phrase %q (%s)", e.Phrase, e.Note)
	case vocabList:
		f.msg = fmt.Sprintf("%q is over-used by language models", e.Phrase)
	case paraphraseList:
		f.msg = fmt.Sprintf("%q looks like a paraphrase tool's swap for %q", e.Phrase, e.Note)
	default:
		return
	}
	f.evidence = measured(e)
}

// reportStock reports stock phrases outside quotations and returns how
// many it found.
func reportStock(c *collector, hits []lexicon.Hit) int {
	count := 0
	for _, h := range hits {
		if c.insideQuote(h.Start) {
			continue // a speaker's words, not the writer's
		}
		count++
		id := ruleStockPhrase
		if h.Entry.HumanDocs > 0 {
			id = ruleStockCommon
		}
		c.addHit(id, h, stockList)
	}
	return count
}

// reportVocab reports strongly over-used words and returns the summed weight
// of every hit.
func reportVocab(c *collector, hits []lexicon.Hit) float64 {
	var sum float64
	for _, h := range hits {
		if c.insideQuote(h.Start) {
			continue
		}
		sum += h.Entry.Weight
		if h.Entry.Weight >= minVocabFindingWeight {
			c.addHit(ruleOverusedVocab, h, vocabList)
		}
	}
	return sum
}

// reportParaphrase reports synonym-swap idioms and returns how many it found.
func reportParaphrase(c *collector, hits []lexicon.Hit) int {
	for _, h := range hits {
		c.addHit(ruleParaphraseIdiom, h, paraphraseList)
	}
	return len(hits)
}
