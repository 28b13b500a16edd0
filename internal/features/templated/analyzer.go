// Package templated finds templated writing: stock LLM and content-farm
// phrasing, over-used vocabulary, paraphrase-tool artifacts (fixed idioms,
// collocation swaps, garbled names), repetition
// within an article and across a batch, and headlines the body never backs.
package templated

import (
	"fmt"
	"sort"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/lexicon"
	"github.com/copydesk/copydesk/internal/lexicon/colloc"
)

// Analyzer finds templated evidence in one article.
var Analyzer = &analysis.Analyzer{
	Name: "templated",
	Doc: "templated writing: stock phrases, over-used vocabulary, paraphrase-tool artifacts, repetition\n\n" +
		"Reports set phrases and vocabulary measured to be far more frequent in generated than in human " +
		"news, synonym-swap idioms and punctuation slips left by article spinners, common news phrases " +
		"with one word swapped for a synonym, names garbled beside their correct spelling, sentences and long " +
		"word runs repeated within the article, and headline words the body never mentions.",
	Rules: rules,
	Run:   run,
}

// candidate is a finding before overlapping ones are merged.
type candidate struct {
	rule       string
	start, end int
	msg        string
	evidence   string
	// A lexicon hit carries its entry and leaves msg and evidence to
	// describe(): merging drops many hits, and formatting them was a tenth
	// of the analyzer's time.
	entry *lexicon.Entry
	list  hitList
}

// collector gathers candidates from every check of one article.
type collector struct {
	doc    *document.Document
	cands  []candidate
	quotes *quoteIndex // made on first use
}

// insideQuote reports whether off lies between quotation marks in its
// paragraph, from the collector's quote index.
func (c *collector) insideQuote(off int) bool {
	if c.quotes == nil {
		c.quotes = newQuoteIndex(c.doc)
	}
	return c.quotes.inside(off)
}

func (c *collector) add(rule string, start, end int, msg, evidence string) {
	if !c.doc.InMain(start) {
		return // page chrome and furniture are boilerplate's business
	}
	c.addAnywhere(rule, start, end, msg, evidence)
}

// addAnywhere records a finding wherever it falls: for findings about the
// article as a whole (its headline), whose span may open on a furniture
// line.
func (c *collector) addAnywhere(rule string, start, end int, msg, evidence string) {
	c.cands = append(c.cands, candidate{rule: rule, start: start, end: end, msg: msg, evidence: evidence})
}

func run(pass *analysis.Pass) (any, error) {
	doc := pass.Doc
	text := doc.Text[:doc.MainEnd()]
	c := &collector{doc: doc}

	hits, err := lexicon.FindAllLists(text)
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	stock := reportStock(c, hits.Stock)
	vocabWeight := reportVocab(c, hits.Vocab)
	idioms := reportParaphrase(c, hits.Paraphrase)
	glued := findMissingSpaces(c, text)
	lower := findLowerCaseStarts(c, text)
	articles := findWrongArticles(c, text)
	rep := findRepetition(c, doc)
	titleMissing := findTitleAbsent(c, doc)
	swapSet, err := colloc.Swaps()
	if err != nil {
		return nil, fmt.Errorf("collocation swaps: %w", err)
	}
	swaps := findCollocationSwaps(c, swapSet, len(text), nonZero(idioms, glued, lower, articles))
	garbled := findGarbledNames(c, len(text))

	for _, f := range merge(c.cands) {
		f.describe()
		out := pass.Report(f.rule, f.start, f.end, f.msg)
		out.Evidence = f.evidence
	}

	per1k := func(n float64) float64 {
		w := doc.WordCount()
		if w == 0 {
			return 0
		}
		return n * 1000 / float64(w)
	}
	pass.SetFeature("templated.stock_per_1k", per1k(float64(stock)))
	pass.SetFeature("templated.vocab_weight_per_1k", per1k(vocabWeight))
	pass.SetFeature("templated.paraphrase_idioms_per_1k", per1k(float64(idioms)))
	pass.SetFeature("templated.paraphrase_artifacts_per_1k", per1k(float64(idioms+glued+lower+articles)))
	pass.SetFeature("templated.missing_space_per_1k", per1k(float64(glued)))
	pass.SetFeature("templated.lower_case_starts", float64(lower))
	pass.SetFeature("templated.wrong_articles", float64(articles))
	pass.SetFeature("templated.repeated_sentences", float64(rep.sentences))
	pass.SetFeature("templated.repeated_ngrams", float64(rep.ngrams))
	pass.SetFeature("templated.repeated_word_share", rep.wordShare)
	pass.SetFeature("templated.title_missing_share", titleMissing)
	pass.SetFeature("templated.collocation_swaps_per_1k", per1k(float64(swaps)))
	pass.SetFeature("templated.garbled_names", float64(garbled))
	return nil, nil
}

// nonZero counts the arguments above zero.
func nonZero(ns ...int) int {
	k := 0
	for _, n := range ns {
		if n > 0 {
			k++
		}
	}
	return k
}

// merge sorts candidates and collapses overlapping ones into a single
// finding over their union, carrying the rule of the strongest (highest
// severity, then longest) so an editor sees one highlight per stretch.
func merge(cs []candidate) []candidate {
	sort.SliceStable(cs, func(i, j int) bool {
		if cs[i].start != cs[j].start {
			return cs[i].start < cs[j].start
		}
		return cs[i].end > cs[j].end
	})
	var out []candidate
	for _, f := range cs {
		n := len(out)
		if n == 0 || f.start >= out[n-1].end {
			out = append(out, f)
			continue
		}
		last := &out[n-1]
		start, end := last.start, max(last.end, f.end)
		sf, sl := severityOf(f.rule), severityOf(last.rule)
		if sf > sl || sf == sl && f.end-f.start > last.end-last.start {
			*last = f
		}
		last.start, last.end = start, end
	}
	return out
}
