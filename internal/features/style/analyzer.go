// Package style measures how an article is written, independent of what it
// says: sentence-length variation (burstiness), lexical diversity, word
// length, punctuation and function-word rates, paragraph-length variation
// and how often sentences open with a connective. It reports no findings;
// it records "style." features for the scoring model (internal/score),
// which learns from labelled news what each is worth.
package style

import "github.com/copydesk/copydesk/internal/analysis"

// Analyzer records the article's style statistics as features.
var Analyzer = &analysis.Analyzer{
	Name: "style",
	Doc: `style statistics for the scoring model

Measures sentence-length variation, lexical diversity, word length,
punctuation, function-word rates and paragraph structure of the main text.
Reports no findings: the numbers are features the scoring model weighs.`,
	Run: run,
}

func run(pass *analysis.Pass) (any, error) {
	st := Measure(pass.Doc)
	fs := st.featureArray()
	for _, f := range fs {
		pass.SetFeature(f.Name, f.Value)
	}
	return st, nil
}
