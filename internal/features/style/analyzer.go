// Package style measures how an article is written, independent of what it
// says: sentence-length variation (burstiness), lexical diversity, word
// length, punctuation and function-word rates, paragraph-length variation
// and how often sentences open with a connective. It reports no findings;
// it records "style." features that the style profile (TP013, reported by
// the profile analyzer) summarises for the scoring model.
package style

import (
	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/document"
)

// Analyzer records the article's style statistics as features.
var Analyzer = &analysis.Analyzer{
	Name: "style",
	Doc: `style statistics for the scoring model

Measures sentence-length variation, lexical diversity, word length,
punctuation, function-word rates and paragraph structure of the main text.
Reports no findings: the style profile (TP013) summarises the numbers.
Furniture lines (timestamps, bylines, captions) are left out, and so are
the short lines a page opens and closes with (document.BodyText): they are
the site's print, not the article's writing. Subheads between paragraphs
stay: how a text is structured is part of its style.`,
	Run: run,
}

func run(pass *analysis.Pass) (any, error) {
	doc := pass.Doc
	var st Stats
	if start, end, inPlace := doc.BodySpan(); inPlace {
		st = MeasureSpan(doc, start, end) // the common case: no copy, no second segmentation
	} else {
		st = Measure(document.New(doc.ID, doc.BodyText()))
	}
	fs := st.featureArray()
	for _, f := range fs {
		pass.SetFeature(f.Name, f.Value)
	}
	return st, nil
}
