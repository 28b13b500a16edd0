// Package boilerplate finds what a careless content pipeline leaves in an
// article: page chrome and CMS widgets, SEO template sections, reader pitches,
// meta-discourse, chatbot residue and unfilled placeholders (BP001–BP017), and
// short lines repeated across a batch (BP018, a corpus check). Phrase lists
// are data (data/patterns.tsv); a fitted line classifier catches residue no
// list names.
package boilerplate

import (
	"fmt"
	"sync"

	"github.com/copydesk/copydesk/internal/analysis"
)

// Analyzer finds boilerplate evidence in one article.
var Analyzer = &analysis.Analyzer{
	Name: "boilerplate",
	Doc: "boilerplate: page chrome, template sections and chatbot residue left in the copy\n\n" +
		"Reports lines and phrases a careless content pipeline leaves behind (comment and share widgets, " +
		"rating widgets, \"FAQ Section\", \"In this article, we explore\", \"As an AI language model\"), " +
		"including those the HTML extractor moved to page chrome.",
	Rules: rules,
	Run:   run,
}

// resources are the compiled data files, loaded once per process.
type resources struct {
	lex   *lexicon
	vocab *lineVocab
	model *lineModel
}

var (
	resOnce sync.Once
	res     *resources
	resErr  error
)

func loadResources() (*resources, error) {
	resOnce.Do(func() {
		r := &resources{}
		var err error
		if r.lex, err = loadLexicon(); err != nil {
			resErr = fmt.Errorf("boilerplate patterns: %w", err)
			return
		}
		r.vocab = &lineVocab{}
		if r.vocab.widget, r.vocab.weak, err = widgetWords(); err != nil {
			resErr = fmt.Errorf("boilerplate widget words: %w", err)
			return
		}
		if r.vocab.verbs, err = wordSet("data/verb_cues.txt"); err != nil {
			resErr = fmt.Errorf("boilerplate verb cues: %w", err)
			return
		}
		if r.model, err = parseLineModel(dataFS, "data/line_model.tsv"); err != nil {
			resErr = err
			return
		}
		res = r
	})
	return res, resErr
}

func run(pass *analysis.Pass) (any, error) {
	r, err := loadResources()
	if err != nil {
		return nil, err
	}
	scan := scanDocument(pass.Doc, r)
	for _, c := range scan.candidates {
		f := pass.Report(c.rule, c.start, c.end, c.message)
		f.Evidence = c.evidence
	}
	setFeatures(pass, scan)
	return scan, nil
}
