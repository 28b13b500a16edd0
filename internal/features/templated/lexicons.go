package templated

import (
	"fmt"
	"math"

	"github.com/copydesk/copydesk/internal/lexicon"
)

// minVocabFindingWeight is the weight (log machine/human ratio, shrunk for
// thin support) from which an over-used word is reported as a finding;
// every hit still counts in the vocab_weight_per_1k statistic. e^2.5 ≈ 12
// times more frequent in machine text, measured conservatively: below
// that, single words ("significant", "various") are noise to an editor.
const minVocabFindingWeight = 2.5

// measured says, in an editor's words, how the labelled training news
// uses the entry: how many times more often machine-written articles use
// it, and how many articles of each kind do.
func measured(e *lexicon.Entry) string {
	used := fmt.Sprintf("used by %d human and %d machine-written articles in the labelled training data", e.HumanDocs, e.MachineDocs)
	switch ratio := math.Exp(e.Weight); {
	case e.HumanDocs == 0 && e.MachineDocs == 0:
		return fmt.Sprintf("curated stock phrase; no article in the labelled training data uses it (lexicon weight %.2f)", e.Weight)
	case e.MachineDocs == 0:
		return fmt.Sprintf("curated stock phrase; %s (lexicon weight %.2f)", used, e.Weight)
	case ratio >= 1.5:
		// The weight is shrunk for thin support, so the ratio it implies is
		// a conservative one.
		return fmt.Sprintf("%s; at least %.1f× as often per word by machines (lexicon weight %.2f)", used, ratio, e.Weight)
	default:
		return fmt.Sprintf("%s; about as often per word by machines as by reporters (lexicon weight %.2f)", used, e.Weight)
	}
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
