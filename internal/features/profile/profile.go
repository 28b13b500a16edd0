// Package profile reports the scoring model's statistical signals as
// findings of their own: the article's word choice (TP012), its style
// (TP013) and its sourcing (AT007), each placed against the human news the
// model was fitted on, with its strength in plain words. A score moves only
// on evidence the report shows, so these numbers must be shown too; and a
// user who disagrees with one switches it off by its rule ID like any other.
package profile

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/features/attribution"
	"github.com/copydesk/copydesk/internal/features/style"
	"github.com/copydesk/copydesk/internal/features/templated"
	"github.com/copydesk/copydesk/internal/score"
)

// EnvKey is where the run's scoring model is stored in analysis.Env. With
// no model (while a model is being fitted) the analyzer reports nothing:
// the trainer measures the signals out of fold itself.
const EnvKey = "profile.model"

const since = "0.2.0"

var rules = []analysis.Rule{
	{ID: score.RuleVocabularyProfile, Dimension: analysis.Templated, Severity: analysis.Info, Since: since,
		Title: "Word choice compared with human news",
		Doc: "How machine-like the article's word choice is: a model of the words and word pairs that separate machine-written " +
			"from human news (fitted on labelled 2004–25 news, content-farm text and current wire reports), placed against the " +
			"human articles it was fitted on. Reported on every article so the score's word-choice share is visible; a warning " +
			"when the article is past 99 in 100 human articles. The span is the sentence that leans furthest. Word choice alone " +
			"is a weak sign on a short text; read it with the other findings.",
		Example: "Word choice is more machine-like than 99% of human news articles"},
	{ID: score.RuleStyleProfile, Dimension: analysis.Templated, Severity: analysis.Info, Since: since,
		Title: "Writing style compared with human news",
		Doc: "How machine-like the article's style is: sentence-length variation, lexical diversity, punctuation, function words, " +
			"repetition and paraphrase traces, combined by a model fitted on labelled news and placed against human articles. " +
			"The message names the statistics that weigh most. A warning when past 99 in 100 human articles.",
		Example: "Style is more machine-like than 99% of human news articles"},
	{ID: score.RuleSourcingProfile, Dimension: analysis.Attribution, Severity: analysis.Info, Since: since,
		Title: "Sourcing compared with human news",
		Doc: "How the article's sourcing compares with human news: named sources, quotations, vague attributions (\"analysts say\") " +
			"and unnamed organisations per 1,000 words, combined by a model fitted on labelled news. Analysis pieces resting on " +
			"\"observers note\" with no one named sit far outside the human range. A warning when past 99 in 100 human articles.",
		Example: "Sourcing is more machine-like than 99% of human news articles"},
}

// Analyzer reports the signals of the model in the run's environment.
var Analyzer = &analysis.Analyzer{
	Name: "profile",
	Doc: `word-choice, style and sourcing profiles against human news

Reports the scoring model's statistical signals as findings (TP012, TP013,
AT007), each with its strength and where the article stands among human
news articles, so that every point of a score comes from evidence shown.`,
	Rules:    rules,
	Requires: []*analysis.Analyzer{templated.Analyzer, attribution.Analyzer, style.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	m, _ := pass.Env.Value(EnvKey).(*score.Model)
	if m == nil || len(m.Signals) == 0 {
		return nil, nil
	}
	doc := pass.Doc
	body, ok := mainSpan(doc)
	if !ok {
		return nil, nil // nothing but furniture: nothing to profile
	}
	prose := doc.Prose()
	for _, s := range m.Signals {
		margin := s.Margin(m.Lexical, prose, pass.Feature)
		sf := score.SignalFinding(s, margin)
		span := body
		var message string
		switch s.Kind {
		case score.SignalLexical:
			span = leaningSentence(doc, m.Lexical, sf.Strength >= 0, body)
			message = lexicalMessage(s, margin)
		default:
			message = linearMessage(s, margin, pass.Feature)
		}
		f := pass.Report(s.Rule, span.Start, span.End, message)
		if !f.OutsideMain {
			f.Severity = sf.Severity
		}
		f.Strength = sf.Strength
		f.Evidence = fmt.Sprintf("profile %+.2f against a human median of %.2f (human 99th percentile %.2f); out-of-fold AUROC %.2f on the training data",
			margin, s.Median(), s.HumanPercentiles[99], s.OOFAUROC)
	}
	return nil, nil
}

// mainSpan is the stretch of main text from its first to its last
// sentence that is not furniture.
func mainSpan(doc *document.Document) (document.Span, bool) {
	var first, last document.Span
	found := false
	for _, s := range doc.Sentences() {
		if !doc.InMain(s.Start) {
			continue
		}
		if !found {
			first, found = s, true
		}
		last = s
	}
	return document.Span{Start: first.Start, End: last.End}, found
}

// leaningSentence is the main-text sentence whose word choice leans
// furthest toward machine (or, for a human-like article, toward human).
func leaningSentence(doc *document.Document, lx *score.Lexical, machine bool, fallback document.Span) document.Span {
	best, bestV := fallback, math.Inf(-1)
	for _, s := range doc.Sentences() {
		if !doc.InMain(s.Start) || s.Len() < 20 {
			continue
		}
		v := lx.Lean(doc.Slice(s)) // a ranking: ProfileText's exact summing order is not needed
		if !machine {
			v = -v
		}
		if v > bestV {
			best, bestV = s, v
		}
	}
	return best
}

func lexicalMessage(s *score.Signal, margin float64) string {
	return fmt.Sprintf("Word choice is %s (vocabulary profile %+.1f)%s", standing(s, margin), s.Strength(margin), leanNote(s, margin))
}

func leanNote(s *score.Signal, margin float64) string {
	if s.Strength(margin) >= 0 {
		return "; this sentence leans furthest that way"
	}
	return "; this sentence reads most like human reporting"
}

// standing says in words where margin stands among human articles.
func standing(s *score.Signal, margin float64) string {
	below := s.HumanShareBelow(margin)
	pct := int(math.Round(100 * below))
	switch {
	case below >= 0.99:
		return "more machine-like than 99% of human news articles"
	case below >= 0.5:
		return fmt.Sprintf("more machine-like than %d%% of human news articles", pct)
	default:
		return fmt.Sprintf("typical of human reporting (more machine-like than only %d%% of human news articles)", pct)
	}
}

func linearMessage(s *score.Signal, margin float64, feature func(string) (float64, bool)) string {
	what := map[string]string{score.RuleStyleProfile: "Style", score.RuleSourcingProfile: "Sourcing"}[s.Rule]
	if what == "" {
		what = "Profile"
	}
	msg := fmt.Sprintf("%s is %s (profile %+.1f)", what, standing(s, margin), s.Strength(margin))
	if reasons := topReasons(s, feature, s.Strength(margin) >= 0, 2); len(reasons) > 0 {
		msg += ": " + strings.Join(reasons, "; ")
	}
	return msg
}

// topReasons names, in plain words, the statistics that pushed the signal
// furthest in the direction it went.
func topReasons(s *score.Signal, feature func(string) (float64, bool), machine bool, n int) []string {
	type push struct {
		i int
		c float64
	}
	var ps []push
	for i, name := range s.Features {
		x, _ := feature(name)
		z := (x - s.Means[i]) / s.Stds[i]
		c := s.Weights[i] * min(max(z, -6), 6)
		if !machine {
			c = -c
		}
		if c > 0.15 {
			ps = append(ps, push{i, c})
		}
	}
	sort.Slice(ps, func(a, b int) bool { return ps[a].c > ps[b].c })
	var out []string
	for _, p := range ps {
		if len(out) == n {
			break
		}
		name := s.Features[p.i]
		x, _ := feature(name)
		high := x > s.Means[p.i]
		out = append(out, describe(name, high, x))
	}
	return out
}
