package score

import (
	"errors"
	"fmt"
	"math"
	"sort"

	"github.com/copydesk/copydesk/internal/analysis"

	"github.com/copydesk/copydesk/internal/score/metrics"
)

// Evaluation is how well scores separate machine from human articles.
type Evaluation struct {
	Articles int `json:"articles"`
	Human    int `json:"human"`
	Machine  int `json:"machine"`
	// Skipped counts articles an analyzer failed on (not scored).
	Skipped          int               `json:"skipped,omitempty"`
	AUROC            float64           `json:"auroc"`
	AveragePrecision float64           `json:"average_precision"`
	At1FPR           metrics.Operating `json:"at_1pct_fpr"`
	At5FPR           metrics.Operating `json:"at_5pct_fpr"`
	// AtWarn and AtFail are what the verdict thresholds in force flag.
	AtWarn metrics.Operating `json:"at_warn_threshold"`
	AtFail metrics.Operating `json:"at_fail_threshold"`
	// Brier is the mean squared error of score/100 as a probability.
	Brier float64 `json:"brier"`
	// Calibration compares scores with outcomes in bands of ten points.
	Calibration []CalibrationBand  `json:"calibration"`
	ByGenerator []GeneratorMetrics `json:"by_generator,omitempty"`
	// BySource is what the verdicts are for each source's articles (with
	// the content-farm style or web class where the data names one): for
	// human sources the false alarms, which differ a lot between
	// publications; for machine ones the detections.
	BySource []SourceRate `json:"by_source,omitempty"`
	// HumanRules are the rules that most often reach warning or above on
	// human articles: where to look when a real report is flagged.
	HumanRules []RuleRate `json:"human_rules,omitempty"`
}

// RuleRate is the share of human articles with a rule at warning or above.
type RuleRate struct {
	Rule     string  `json:"rule"`
	Articles int     `json:"articles"`
	Share    float64 `json:"share"`
}

// SourceRate is the share of one source's articles whose verdict is warn
// (and not fail) or fail, and for machine sources the share detected when
// 1% of all the human articles are flagged.
type SourceRate struct {
	Source   string  `json:"source"`
	Machine  bool    `json:"machine,omitempty"`
	Articles int     `json:"articles"`
	Warn     float64 `json:"warn"`
	Fail     float64 `json:"fail"`
	TPRAt1   float64 `json:"tpr_at_1pct_fpr,omitempty"`
	AUROC    float64 `json:"auroc,omitempty"`
}

// CalibrationBand is the articles scoring in [From, To): how many, their
// mean score, and the share of them that were machine-written. For a
// calibrated score the last two agree.
type CalibrationBand struct {
	From         int     `json:"from"`
	To           int     `json:"to"`
	Articles     int     `json:"articles"`
	MeanScore    float64 `json:"mean_score"`
	MachineShare float64 `json:"machine_share"`
}

// GeneratorMetrics are one generator's articles against every human one.
type GeneratorMetrics struct {
	Generator        string            `json:"generator"`
	Machine          int               `json:"machine"`
	AUROC            float64           `json:"auroc"`
	AveragePrecision float64           `json:"average_precision"`
	At1FPR           metrics.Operating `json:"at_1pct_fpr"`
	At5FPR           metrics.Operating `json:"at_5pct_fpr"`
}

// Scored is one labelled article's overall score (0–100) and verdict as
// copydesk reports them.
type Scored struct {
	Score     float64
	Verdict   analysis.Verdict
	Machine   bool
	Generator string
	Source    string // source, with style or class where the data names one
	// Rules are the rules with a finding at warning or above.
	Rules []string
}

// Evaluate computes AUROC, average precision and the detection rate at 1%
// and 5% false positives, overall and per generator (each generator's
// articles against all human articles), and what the verdicts flag, by
// source too.
func Evaluate(items []Scored) (Evaluation, error) {
	var ev Evaluation
	scores := make([]float64, len(items))
	labels := make([]bool, len(items))
	byGen := map[string][]int{}
	var human []int
	for i, it := range items {
		scores[i], labels[i] = it.Score, it.Machine
		if it.Machine {
			ev.Machine++
			byGen[it.Generator] = append(byGen[it.Generator], i)
		} else {
			ev.Human++
			human = append(human, i)
		}
	}
	ev.Articles = len(items)
	if ev.Human == 0 || ev.Machine == 0 {
		return ev, errors.New("evaluate: need both human and machine articles")
	}
	ev.AUROC = round4(metrics.AUROC(scores, labels))
	ev.AveragePrecision = round4(metrics.AveragePrecision(scores, labels))
	ev.At1FPR = roundOp(metrics.AtFPR(scores, labels, 0.01))
	ev.At5FPR = roundOp(metrics.AtFPR(scores, labels, 0.05))
	ev.Brier, ev.Calibration = calibration(scores, labels)
	// What the verdicts flag comes from the verdicts themselves (held
	// articles, short texts), not from re-applying thresholds.
	ev.AtWarn = atVerdict(items, analysis.VerdictWarn)
	ev.AtFail = atVerdict(items, analysis.VerdictFail)
	ev.BySource = bySource(items, scores, labels)
	ev.HumanRules = humanRules(items)

	gens := make([]string, 0, len(byGen))
	for g := range byGen {
		gens = append(gens, g)
	}
	sort.Strings(gens)
	for _, g := range gens {
		idx := append(append([]int(nil), human...), byGen[g]...)
		s := make([]float64, len(idx))
		l := make([]bool, len(idx))
		for j, i := range idx {
			s[j], l[j] = scores[i], labels[i]
		}
		name := g
		if name == "" {
			name = "(unnamed)"
		}
		ev.ByGenerator = append(ev.ByGenerator, GeneratorMetrics{
			Generator: name, Machine: len(byGen[g]),
			AUROC:            round4(metrics.AUROC(s, l)),
			AveragePrecision: round4(metrics.AveragePrecision(s, l)),
			At1FPR:           roundOp(metrics.AtFPR(s, l, 0.01)),
			At5FPR:           roundOp(metrics.AtFPR(s, l, 0.05)),
		})
	}
	return ev, nil
}

func roundOp(o metrics.Operating) metrics.Operating {
	o.TPR, o.FPR = round4(o.TPR), round4(o.FPR)
	o.Threshold = round4(o.Threshold)
	return o
}

// Measure scores res in place and returns it as an evaluation item: the
// score and verdict copydesk reports, and the rules at warning or above.
func Measure(s Scorer, res *analysis.Result, t Thresholds) Scored {
	s.Score(res, t)
	return Observed(res)
}

// Observed is a scored result as an evaluation item: the score and verdict
// it reports, and the rules at warning or above.
func Observed(res *analysis.Result) Scored {
	it := Scored{Score: float64(res.Score), Verdict: res.Verdict}
	for _, f := range res.Findings {
		if f.Severity >= analysis.Warning && !f.OutsideMain {
			it.Rules = append(it.Rules, f.Rule)
		}
	}
	return it
}

func calibration(scores []float64, machine []bool) (float64, []CalibrationBand) {
	bands := make([]CalibrationBand, 10)
	for i := range bands {
		bands[i].From, bands[i].To = 10*i, 10*i+10
	}
	bands[9].To = 101
	var brier float64
	for i, s := range scores {
		y := 0.0
		if machine[i] {
			y = 1
		}
		brier += (s/100 - y) * (s/100 - y)
		b := &bands[min(max(int(s/10), 0), 9)]
		b.Articles++
		b.MeanScore += s
		b.MachineShare += y
	}
	for i := range bands {
		if n := float64(bands[i].Articles); n > 0 {
			bands[i].MeanScore = math.Round(10*bands[i].MeanScore/n) / 10
			bands[i].MachineShare = round4(bands[i].MachineShare / n)
		}
	}
	return round4(brier / float64(max(len(scores), 1))), bands
}

// atVerdict is the share of machine (TPR) and human (FPR) articles whose
// verdict is v or worse.
func atVerdict(items []Scored, v analysis.Verdict) metrics.Operating {
	worse := func(got analysis.Verdict) bool {
		return got == analysis.VerdictFail || v == analysis.VerdictWarn && got == analysis.VerdictWarn
	}
	var tp, fp, m, h float64
	for _, it := range items {
		if it.Machine {
			m++
			if worse(it.Verdict) {
				tp++
			}
		} else {
			h++
			if worse(it.Verdict) {
				fp++
			}
		}
	}
	return metrics.Operating{TPR: round4(tp / max(m, 1)), FPR: round4(fp / max(h, 1))}
}

func bySource(items []Scored, scores []float64, labels []bool) []SourceRate {
	type group struct {
		rate SourceRate
		idx  []int
	}
	by := map[string]*group{}
	var human []int
	for i, it := range items {
		key := it.Source
		if key == "" {
			key = "(unnamed)"
		}
		g := by[key+fmt.Sprint(it.Machine)]
		if g == nil {
			g = &group{rate: SourceRate{Source: key, Machine: it.Machine}}
			by[key+fmt.Sprint(it.Machine)] = g
		}
		g.rate.Articles++
		g.idx = append(g.idx, i)
		switch it.Verdict {
		case analysis.VerdictWarn:
			g.rate.Warn++
		case analysis.VerdictFail:
			g.rate.Fail++
		}
		if !it.Machine {
			human = append(human, i)
		}
	}
	out := make([]SourceRate, 0, len(by))
	for _, g := range by {
		r := g.rate
		r.Warn = round4(r.Warn / float64(r.Articles))
		r.Fail = round4(r.Fail / float64(r.Articles))
		if r.Machine && len(human) > 0 {
			idx := append(append([]int(nil), human...), g.idx...)
			s := make([]float64, len(idx))
			l := make([]bool, len(idx))
			for j, i := range idx {
				s[j], l[j] = scores[i], labels[i]
			}
			r.AUROC = round4(metrics.AUROC(s, l))
			r.TPRAt1 = round4(metrics.AtFPR(s, l, 0.01).TPR)
		}
		out = append(out, r)
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a].Machine != out[b].Machine {
			return !out[a].Machine
		}
		return out[a].Source < out[b].Source
	})
	return out
}

// humanRules counts, per rule, the human articles where it reaches warning
// or above, most frequent first (at most ten).
func humanRules(items []Scored) []RuleRate {
	count := map[string]int{}
	human := 0
	for _, it := range items {
		if it.Machine {
			continue
		}
		human++
		seen := map[string]bool{}
		for _, r := range it.Rules {
			if !seen[r] {
				seen[r] = true
				count[r]++
			}
		}
	}
	out := make([]RuleRate, 0, len(count))
	for r, n := range count {
		out = append(out, RuleRate{Rule: r, Articles: n, Share: round4(float64(n) / float64(max(human, 1)))})
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a].Articles != out[b].Articles {
			return out[a].Articles > out[b].Articles
		}
		return out[a].Rule < out[b].Rule
	})
	return out[:min(len(out), 10)]
}
