package score

import (
	"errors"
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
	// HumanBySource is what the verdict thresholds flag of each source's
	// human articles: false alarms differ a lot between publications.
	HumanBySource []SourceRate `json:"human_by_source,omitempty"`
}

// SourceRate is the share of one source's human articles that warn or fail.
type SourceRate struct {
	Source   string  `json:"source"`
	Articles int     `json:"articles"`
	Warn     float64 `json:"warn"`
	Fail     float64 `json:"fail"`
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

// Scored is one labelled article's overall score (0–100, unrounded so
// ranks are not lost to ties).
type Scored struct {
	Score     float64
	Machine   bool
	Generator string
	Source    string
}

// Evaluate computes AUROC, average precision and the detection rate at 1%
// and 5% false positives, overall and per generator (each generator's
// articles against all human articles), and what thresholds t flag.
func Evaluate(items []Scored, t Thresholds) (Evaluation, error) {
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
	// Verdicts compare the rounded score, so these do too.
	rounded := make([]float64, len(scores))
	for i, s := range scores {
		rounded[i] = math.Round(s)
	}
	ev.AtWarn = roundOp(metrics.At(rounded, labels, float64(t.Warn)))
	ev.AtFail = roundOp(metrics.At(rounded, labels, float64(t.Fail)))
	ev.HumanBySource = humanBySource(items, rounded, t)

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

// ContinuousScore is res's overall score on the 0–100 scale without
// rounding when the scorer can give it (a fitted Model), else res.Score.
// res must have been analysed; it is scored in place either way.
func ContinuousScore(s Scorer, res *analysis.Result, t Thresholds) float64 {
	s.Score(res, t)
	if m, ok := s.(*Model); ok {
		return 100 * m.Assess(res, t.Fail).Overall
	}
	return float64(res.Score)
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

func humanBySource(items []Scored, rounded []float64, t Thresholds) []SourceRate {
	by := map[string]*SourceRate{}
	for i, it := range items {
		if it.Machine || it.Source == "" {
			continue
		}
		r := by[it.Source]
		if r == nil {
			r = &SourceRate{Source: it.Source}
			by[it.Source] = r
		}
		r.Articles++
		if rounded[i] >= float64(t.Warn) {
			r.Warn++
		}
		if rounded[i] >= float64(t.Fail) {
			r.Fail++
		}
	}
	out := make([]SourceRate, 0, len(by))
	for _, r := range by {
		r.Warn = round4(r.Warn / float64(r.Articles))
		r.Fail = round4(r.Fail / float64(r.Articles))
		out = append(out, *r)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Source < out[b].Source })
	return out
}
