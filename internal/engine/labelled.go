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
// their titles.
func Examples(ctx context.Context, as []evalset.Article) ([]score.Example, error) {
	env, err := NewEnv()
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
	results, err := Analyze(ctx, untitled, env)
	if err != nil {
		return nil, err
	}
	exs := make([]score.Example, len(as))
	for i, a := range as {
		exs[i] = score.Example{ID: a.ID, Machine: a.Machine(), Generator: a.Generator, Source: a.Source, Result: results[i]}
	}
	return exs, nil
}

// TrainFile fits a model on one split of a labelled file.
func TrainFile(ctx context.Context, path, split string, opts score.TrainOptions) (*score.Model, error) {
	as, sum, err := LoadSplit(path, split)
	if err != nil {
		return nil, err
	}
	exs, err := Examples(ctx, as)
	if err != nil {
		return nil, err
	}
	layout, err := layoutSensitive(ctx, as, exs)
	if err != nil {
		return nil, err
	}
	opts.Exclude = append(opts.Exclude, layout...)
	opts.Provenance.Data = filepath.Base(path)
	opts.Provenance.DataSHA256 = sum
	opts.Provenance.Split = split
	opts.Provenance.Analyzers = AnalyzerNames()
	return score.Train(exs, opts)
}

// EvalFile scores one split of a labelled file with scorer at thresholds t
// (the scorer's defaults when t is zero) and measures the separation.
// humans, if given, are more labelled files whose human articles (of the
// same split) join the evaluation: a file of machine text alone, such as
// base_models.jsonl, needs human articles to be measured against.
// With sourcePrefix set, only articles whose source field starts with it
// are kept (to compare machine text with the human text it was made from).
func EvalFile(ctx context.Context, path, split string, humans []string, sourcePrefix string, scorer score.Scorer, t score.Thresholds) (score.Evaluation, error) {
	as, _, err := LoadSplit(path, split)
	if err != nil {
		return score.Evaluation{}, err
	}
	for _, h := range humans {
		more, _, err := LoadSplit(h, split)
		if err != nil {
			return score.Evaluation{}, err
		}
		as = append(as, evalset.Filter(more, "", "human")...)
	}
	if sourcePrefix != "" {
		var kept []evalset.Article
		for _, a := range as {
			if strings.HasPrefix(a.Source, sourcePrefix) {
				kept = append(kept, a)
			}
		}
		as = kept
	}
	exs, err := Examples(ctx, as)
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
		items = append(items, score.Scored{Score: score.ContinuousScore(scorer, e.Result, t), Machine: e.Machine, Generator: e.Generator, Source: e.Source})
	}
	ev, err := score.Evaluate(items, t)
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
	reformatted, err := Examples(ctx, flat)
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
