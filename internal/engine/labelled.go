package engine

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/evalset"
	"github.com/copydesk/copydesk/internal/score"
)

// LoadSplit reads a labelled JSON Lines file and keeps one split ("" all).
// It also returns the file's SHA-256 for provenance.
func LoadSplit(path, split string) ([]evalset.Article, string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, "", fmt.Errorf("read labelled file: %w", err)
	}
	sum := sha256.Sum256(b)
	as, err := evalset.Load(path)
	if err != nil {
		return nil, "", err
	}
	as = evalset.Filter(as, split, "")
	if len(as) == 0 {
		return nil, "", fmt.Errorf("%s: no articles in split %q", path, split)
	}
	return as, hex.EncodeToString(sum[:]), nil
}

// Examples analyses labelled articles for fitting or evaluation, without
// their titles; model's signals are reported (nil while fitting).
func Examples(ctx context.Context, as []evalset.Article, model *score.Model) ([]score.Example, error) {
	setup, err := setupFor(model)
	if err != nil {
		return nil, fmt.Errorf("load analyzer resources: %w", err)
	}
	// Titles are withheld: in news.jsonl only human (BBC) articles carry
	// one, so any title-derived feature would learn "has a title, so
	// human", which is false of the world.
	untitled := make([]evalset.Article, len(as))
	for i, a := range as {
		a.Title = ""
		untitled[i] = a
	}
	results, err := Run(ctx, untitled, setup)
	if err != nil {
		return nil, err
	}
	exs := make([]score.Example, len(as))
	for i, a := range as {
		style := a.Style
		if a.Class != "" {
			style = a.Class
		}
		exs[i] = score.Example{ID: a.ID, Machine: a.Machine(), Generator: a.Generator, Source: a.Source, Style: style, Result: results[i]}
	}
	return exs, nil
}

// TrainFiles fits a model on one split of labelled files together.
func TrainFiles(ctx context.Context, paths []string, split string, opts score.TrainOptions) (*score.Model, error) {
	var as []evalset.Article
	var names, sums []string
	for _, path := range paths {
		more, sum, err := LoadSplit(path, split)
		if err != nil {
			return nil, err
		}
		as = append(as, more...)
		names, sums = append(names, filepath.Base(path)), append(sums, sum)
	}
	exs, err := Examples(ctx, as, nil)
	if err != nil {
		return nil, err
	}
	layout, err := layoutSensitive(ctx, as, exs)
	if err != nil {
		return nil, err
	}
	opts.Exclude = append(opts.Exclude, layout...)
	opts.Exclude = append(opts.Exclude, notStyle...)
	opts.Provenance.Data = strings.Join(names, ",")
	opts.Provenance.DataSHA256 = strings.Join(sums, ",")
	opts.Provenance.Split = split
	opts.Provenance.Analyzers = AnalyzerNames()
	return score.Train(exs, opts)
}

// notStyle are analyzer statistics that describe what an article is, not
// how it is written, and follow how each labelled set was cut: its length
// (wild-dev pages are 300-word excerpts, news.jsonl continuations shorter
// still) and its title (withheld while fitting, see Examples).
var notStyle = []string{"style.log_words", "style.log_sentences", "templated.title_missing_share"}

// EvalSpec says what to evaluate: one split of labelled files, optionally
// with the human articles of more files (a file of machine text alone, such
// as base_models.jsonl, needs human articles to be measured against).
type EvalSpec struct {
	Files  []string
	Split  string
	Humans []string
	// Source keeps only articles whose source starts with it; HumanSource
	// only human articles whose source starts with it (to compare machine
	// text with the human text it was made from).
	Source, HumanSource string
}

// EvalFiles scores the articles of spec with scorer at thresholds t (the
// scorer's defaults when t is zero) and measures the separation.
func EvalFiles(ctx context.Context, spec EvalSpec, scorer score.Scorer, t score.Thresholds) (score.Evaluation, error) {
	var as []evalset.Article
	for _, path := range spec.Files {
		more, _, err := LoadSplit(path, spec.Split)
		if err != nil {
			return score.Evaluation{}, err
		}
		as = append(as, more...)
	}
	for _, h := range spec.Humans {
		more, _, err := LoadSplit(h, spec.Split)
		if err != nil {
			return score.Evaluation{}, err
		}
		as = append(as, evalset.Filter(more, "", "human")...)
	}
	var kept []evalset.Article
	for _, a := range as {
		if strings.HasPrefix(a.Source, spec.Source) && (a.Machine() || strings.HasPrefix(a.Source, spec.HumanSource)) {
			kept = append(kept, a)
		}
	}
	m, _ := scorer.(*score.Model)
	exs, err := Examples(ctx, kept, m)
	if err != nil {
		return score.Evaluation{}, err
	}
	return EvalExamples(exs, scorer, t)
}

// EvalExamples scores analysed examples and measures the separation.
func EvalExamples(exs []score.Example, scorer score.Scorer, t score.Thresholds) (score.Evaluation, error) {
	if t == (score.Thresholds{}) {
		t = scorer.DefaultThresholds()
	}
	var items []score.Scored
	skipped := 0
	for _, e := range exs {
		if e.Result.Failed() {
			skipped++
			continue
		}
		// Results from Examples with a model were scored on the run path
		// already, configuration and all; others are scored here.
		it := score.Observed(e.Result)
		if e.Result.Verdict == "" {
			it = score.Measure(scorer, e.Result, t)
		}
		it.Machine, it.Generator, it.Source = e.Machine, e.Generator, e.Source
		if e.Style != "" {
			it.Source += ":" + e.Style
		}
		items = append(items, it)
	}
	ev, err := score.Evaluate(items)
	ev.Skipped = skipped
	return ev, err
}

// layoutSensitive analyses the articles again reformatted — paragraphs run
// together, curly quotes straightened — and returns the features that
// follow the formatting rather than the writing (score.LayoutSensitive).
//
// Only human articles that kept their formatting are compared: the question
// is how far a human article's features move when it is stored the way the
// rest of the human text was.
func layoutSensitive(ctx context.Context, as []evalset.Article, exs []score.Example) ([]string, error) {
	var flat []evalset.Article
	var orig []*analysis.Result
	for i, a := range as {
		if a.Machine() {
			continue
		}
		if r := Reformat(a.Text); r != a.Text {
			a.Text = r
			flat = append(flat, a)
			orig = append(orig, exs[i].Result)
		}
	}
	if len(flat) == 0 {
		return nil, nil
	}
	reformatted, err := Examples(ctx, flat, nil)
	if err != nil {
		return nil, err
	}
	re := make([]*analysis.Result, len(reformatted))
	for i := range reformatted {
		re[i] = reformatted[i].Result
	}
	return score.LayoutSensitive(orig, re), nil
}

var lineBreaks = regexp.MustCompile(`[ \t]*\r?\n\s*`)

// Reformat runs an article's paragraphs together and straightens its
// quotation marks, as the human texts of the labelled news were stored.
func Reformat(text string) string {
	text = lineBreaks.ReplaceAllString(strings.TrimSpace(text), " ")
	return quoteFolder.Replace(text)
}

var quoteFolder = strings.NewReplacer("“", `"`, "”", `"`, "„", `"`, "‘", "'", "’", "'", "‚", "'")
