package score

import (
	"fmt"
	"math"
	"sort"

	"github.com/copydesk/copydesk/internal/analysis"
)

// Model is the fitted scorer. Its JSON form is internal/score/data/model.json
// (or a file given with --model). Every score it gives comes from evidence
// the report shows:
//
//   - Signals are statistical profiles (word choice, style, sourcing) that a
//     profile analyzer reports as findings of their own, each with its
//     strength against the human training articles;
//   - each dimension's score is a calibrated logistic model over that
//     dimension's findings (densities per rule, signal strengths) with
//     non-negative weights and no centring: an article with no finding for
//     a dimension scores exactly the dimension's base, and a finding can
//     only raise a score;
//   - the overall score is a calibrated logistic model over the four
//     dimensions' margins above their bases, and how far each is past the
//     human range, again with non-negative weights: it rises whenever any
//     dimension does;
//   - decisive findings (error severity) lift their dimension and the
//     overall score into the fail band, and no article fails without a
//     finding at warning or above.
type Model struct {
	// Format is the file format version; Load refuses others.
	Format     int                        `json:"format"`
	Provenance Provenance                 `json:"provenance"`
	Signals    []*Signal                  `json:"signals"`
	Lexical    *Lexical                   `json:"lexical"`
	Dimensions map[string]*DimensionModel `json:"dimensions"`
	Overall    OverallModel               `json:"overall"`
	// Thresholds are where at most 5% (warn) and 1% (fail) of the human
	// training articles score at or above, measured out of fold.
	Thresholds ModelThresholds `json:"thresholds"`
	Floors     Floors          `json:"floors"`
	// Excluded lists analyzer statistics the signals were not allowed to
	// read (they follow a data set's formatting, see LayoutSensitive).
	Excluded []string     `json:"excluded_features,omitempty"`
	Metrics  TrainMetrics `json:"train_metrics"`

	signalRules map[string]bool
}

// modelFormat is the current model file format (3: the word-choice profile
// reads names inside a sentence as one token).
const modelFormat = 3

// Provenance records what a model was fitted on.
type Provenance struct {
	Data       string `json:"data"`        // input file names
	DataSHA256 string `json:"data_sha256"` // of the input files, in order
	Split      string `json:"split"`       // split used ("" = all rows)
	Articles   int    `json:"articles"`
	Human      int    `json:"human"`
	Machine    int    `json:"machine"`
	// Skipped counts articles left out because an analyzer failed on them.
	Skipped   int      `json:"skipped,omitempty"`
	Folds     int      `json:"folds"`
	Command   string   `json:"command"`   // how to reproduce it
	Analyzers []string `json:"analyzers"` // analyzers that produced the evidence
}

// DimensionModel is one dimension's score: p = σ(A·margin + C) with
// margin = Intercept + Σ Weights[i]·evidence(Rules[i]). The evidence is
// never centred, so an article without any of the dimension's findings has
// margin Intercept and scores Base.
type DimensionModel struct {
	Rules     []string  `json:"rules"`
	Weights   []float64 `json:"weights"`
	Intercept float64   `json:"intercept"`
	PlattA    float64   `json:"platt_a"`
	PlattC    float64   `json:"platt_c"`
	Lambda    float64   `json:"lambda"`
	// Human99 is the 99th percentile of the human training articles'
	// out-of-fold margins: past it, the dimension is outside the human
	// range.
	Human99 float64 `json:"human_99th_margin"`
	// OOFAUROC is the dimension's out-of-fold AUROC on the training split.
	OOFAUROC float64 `json:"oof_auroc"`
}

// OverallModel combines the dimensions: p = σ(A·m + C) with
// m = Intercept + Σ_d Weights[d]·(margin_d − intercept_d) +
// Σ_d Beyond[d]·max(0, margin_d − Human99_d).
type OverallModel struct {
	Dimensions []string  `json:"dimensions"`
	Weights    []float64 `json:"weights"`
	Beyond     []float64 `json:"beyond_human_weights"`
	Intercept  float64   `json:"intercept"`
	PlattA     float64   `json:"platt_a"`
	PlattC     float64   `json:"platt_c"`
	Lambda     float64   `json:"lambda"`
	OOFAUROC   float64   `json:"oof_auroc"`
}

// ModelThresholds are the default verdict thresholds on the overall score.
type ModelThresholds struct {
	Warn int `json:"warn"`
	Fail int `json:"fail"`
}

// Floors are explicit evidence rules applied after the fitted models:
// decisive evidence the labelled data rarely contains (chatbot residue, a
// person the knowledge base contradicts) must still count.
type Floors struct {
	// ErrorFinding is the least score a dimension gets when it has an
	// error-severity finding; the overall score is then raised to at least
	// the fail threshold. Above a floor, scores keep the fitted order:
	// score = floor + (100 − floor) · fitted probability.
	ErrorFinding int `json:"error_finding"`
	// WarningStep and WarningCap set a dimension's floor from its
	// warning-severity findings: 100·(1 − (1 − step)^n) for n warnings, at
	// most WarningCap. Rules like a rating widget rarely fire in the
	// labelled news, so the fitted model cannot learn their worth, yet an
	// editor expects one to show on its dimension. Warnings raise only
	// their dimension's displayed score, never the overall score.
	WarningStep float64 `json:"warning_step"`
	WarningCap  int     `json:"warning_cap"`
	// ReferenceFindings is how many findings at warning or above that rest
	// on reference coverage (a quoted source the coverage of the story
	// never names, an altered or misattributed quote, a role the trusted
	// coverage gives someone else) raise the overall score to at least
	// warn. The fitted model never sees such evidence, since training runs
	// without a reference store, yet a newsroom that checks copy against
	// its wire feeds expects it to move the verdict; it alone never fails
	// an article. 0 turns the floor off.
	ReferenceFindings int `json:"reference_findings,omitempty"`
}

// TrainMetrics are out-of-fold figures on the training split.
type TrainMetrics struct {
	AUROC            float64            `json:"auroc"`
	AveragePrecision float64            `json:"average_precision"`
	TPRAt1FPR        float64            `json:"tpr_at_1pct_fpr"`
	TPRAt5FPR        float64            `json:"tpr_at_5pct_fpr"`
	Dimensions       map[string]float64 `json:"dimension_auroc"`
	Signals          map[string]float64 `json:"signal_auroc"`
	// BySource is, per source (and style or class), the share of articles
	// that warn or fail out of fold at the fitted thresholds.
	BySource []SourceRate `json:"by_source"`
}

func (m *Model) prepare() error {
	if m.Format != modelFormat {
		return fmt.Errorf("model format %d, want %d (refit it with copydesk train)", m.Format, modelFormat)
	}
	m.signalRules = map[string]bool{}
	for _, s := range m.Signals {
		if s == nil {
			return fmt.Errorf("empty signal")
		}
		if err := s.check(); err != nil {
			return err
		}
		if s.Kind == SignalLexical && m.Lexical == nil {
			return fmt.Errorf("signal %s needs the lexical weights", s.Rule)
		}
		m.signalRules[s.Rule] = true
	}
	for _, d := range analysis.Dimensions {
		dm := m.Dimensions[string(d)]
		if dm == nil {
			return fmt.Errorf("dimension model %s missing", d)
		}
		if len(dm.Weights) != len(dm.Rules) {
			return fmt.Errorf("dimension model %s: %d weights for %d rules", d, len(dm.Weights), len(dm.Rules))
		}
		for i, w := range dm.Weights {
			if w < 0 {
				return fmt.Errorf("dimension model %s: rule %s has negative weight %g", d, dm.Rules[i], w)
			}
		}
	}
	o := m.Overall
	if len(o.Dimensions) != len(analysis.Dimensions) || len(o.Weights) != len(o.Dimensions) || len(o.Beyond) != len(o.Dimensions) {
		return fmt.Errorf("overall model: weights for %d dimensions", len(o.Dimensions))
	}
	for i, d := range o.Dimensions {
		if m.Dimensions[d] == nil || o.Weights[i] < 0 || o.Beyond[i] < 0 {
			return fmt.Errorf("overall model: dimension %s", d)
		}
	}
	if m.Thresholds.Fail < m.Thresholds.Warn {
		return fmt.Errorf("fail threshold %d below warn %d", m.Thresholds.Fail, m.Thresholds.Warn)
	}
	return nil
}

// DefaultThresholds are the model's calibrated thresholds.
func (m *Model) DefaultThresholds() Thresholds {
	return Thresholds{Warn: m.Thresholds.Warn, Fail: m.Thresholds.Fail}
}

// SignalRules reports which rule IDs carry statistical signals.
func (m *Model) SignalRules() map[string]bool { return m.signalRules }

// Base is a dimension's score (0–1) with no evidence at all.
func (d *DimensionModel) Base() float64 { return d.prob(d.Intercept) }

func (d *DimensionModel) margin(ev Evidence) float64 {
	mg := d.Intercept
	for i, r := range d.Rules {
		if x, ok := ev[r]; ok {
			mg += d.Weights[i] * x
		}
	}
	return mg
}

func (d *DimensionModel) prob(margin float64) float64 {
	return sigmoid(d.PlattA*margin + d.PlattC)
}

// margin combines the dimensions' margins (in the order of o.Dimensions).
func (o *OverallModel) margin(dims map[string]*DimensionModel, margins []float64) float64 {
	mg := o.Intercept
	for i, name := range o.Dimensions {
		d := dims[name]
		mg += o.Weights[i]*(margins[i]-d.Intercept) + o.Beyond[i]*max(0, margins[i]-d.Human99)
	}
	return mg
}

func (o *OverallModel) prob(margin float64) float64 { return sigmoid(o.PlattA*margin + o.PlattC) }

// Contribution is how much one rule's evidence added to the overall
// model's margin.
type Contribution struct {
	Rule   string
	Amount float64
}

// Assessment is an article's scores as probabilities (0–1) before rounding.
type Assessment struct {
	Overall    float64
	Dimensions map[analysis.Dimension]float64
	// Fitted is the overall model's probability, before evidence floors.
	Fitted float64
	// Floored names the decisive evidence that raised a score, if any.
	Floored []string
	// Top lists the rules whose evidence raised the overall score most,
	// largest first (for explanations).
	Top []Contribution
}

// Assess computes the calibrated probabilities of res and applies the
// evidence floors; failAt is the overall score (0–100) that fails.
func (m *Model) Assess(res *analysis.Result, failAt int) Assessment {
	ev := EvidenceOf(res, m.signalRules)
	margins := make([]float64, len(m.Overall.Dimensions))
	dims := map[analysis.Dimension]float64{}
	for i, name := range m.Overall.Dimensions {
		d := m.Dimensions[name]
		margins[i] = d.margin(ev)
		dims[analysis.Dimension(name)] = d.prob(margins[i])
	}
	fitted := m.Overall.prob(m.Overall.margin(m.Dimensions, margins))
	a := m.combine(fitted, dims, res, float64(failAt)/100)
	a.Top = m.contributions(ev, margins)
	return a
}

// contributions splits the overall margin above its intercept among the
// rules whose evidence produced it (a dimension past the human range
// shares its extra weight among its rules in proportion).
func (m *Model) contributions(ev Evidence, margins []float64) []Contribution {
	var out []Contribution
	for i, name := range m.Overall.Dimensions {
		d := m.Dimensions[name]
		excess := margins[i] - d.Intercept
		extra := m.Overall.Beyond[i] * max(0, margins[i]-d.Human99)
		for j, r := range d.Rules {
			x, ok := ev[r]
			if !ok {
				continue
			}
			c := d.Weights[j] * x
			amount := m.Overall.Weights[i] * c
			if excess > 0 && c > 0 {
				amount += extra * c / excess
			}
			if amount > 0.05 {
				out = append(out, Contribution{Rule: r, Amount: amount})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Amount != out[j].Amount {
			return out[i].Amount > out[j].Amount
		}
		return out[i].Rule < out[j].Rule
	})
	return out
}

// combine turns the fitted probabilities into the reported scores:
//
//  1. warnings raise their dimension to 1 − (1 − step)^n (capped);
//  2. an error finding lifts its dimension into [floor, 1];
//  3. an error finding lifts the overall score into [failAt, 1].
//
// Lifting keeps the order inside the band: two articles that both carry
// chatbot residue still rank by everything else they show.
func (m *Model) combine(fitted float64, dims map[analysis.Dimension]float64, res *analysis.Result, failAt float64) Assessment {
	a := Assessment{Fitted: fitted, Dimensions: dims, Overall: fitted}
	lift := func(p, floor float64) float64 { return max(p, floor+(1-floor)*p) }

	warnings := map[analysis.Dimension]int{}
	decisive := map[analysis.Dimension]bool{}
	seen := map[string]bool{}
	for _, f := range res.Findings {
		if f.OutsideMain {
			continue
		}
		switch f.Severity {
		case analysis.Warning:
			warnings[f.Dimension]++
		case analysis.Error:
			decisive[f.Dimension] = true
			if !seen[f.Rule] {
				seen[f.Rule] = true
				a.Floored = append(a.Floored, f.Rule)
			}
		}
	}
	for d, n := range warnings {
		floor := min(1-math.Pow(1-m.Floors.WarningStep, float64(n)), float64(m.Floors.WarningCap)/100)
		a.Dimensions[d] = max(a.Dimensions[d], floor)
	}
	for d := range decisive {
		a.Dimensions[d] = lift(a.Dimensions[d], float64(m.Floors.ErrorFinding)/100)
	}
	if len(a.Floored) > 0 {
		a.Overall = lift(a.Overall, min(failAt, 1))
	}
	return a
}

// Score fills res's scores and verdict.
func (m *Model) Score(res *analysis.Result, t Thresholds) {
	if res.Failed() {
		return
	}
	a := m.Assess(res, t.Fail)
	for _, d := range analysis.Dimensions {
		res.Dimensions.Set(d, percent(a.Dimensions[d]))
	}
	res.Score = percent(a.Overall)
	if res.ProseWords < MinReliableWords && len(a.Floored) == 0 {
		m.shrinkShort(res, t)
	}
	m.liftOnReferenceEvidence(res, t)
	m.holdWithoutEvidence(res, t)
	res.Verdict = Verdict(res.Score, t)
}

// liftOnReferenceEvidence raises res to the warn threshold when enough of
// its findings rest on reference coverage (Floors.ReferenceFindings).
func (m *Model) liftOnReferenceEvidence(res *analysis.Result, t Thresholds) {
	need := m.Floors.ReferenceFindings
	if need <= 0 || res.Score >= t.Warn {
		return
	}
	n := 0
	for _, f := range res.Findings {
		if f.Severity >= analysis.Warning && !f.OutsideMain && len(f.References) > 0 {
			n++
		}
	}
	if n < need {
		return
	}
	res.Score = t.Warn
	res.Notes = append(res.Notes, fmt.Sprintf("raised to warn: %d findings disagree with the reference coverage of this story (quoted sources it never names, altered quotes, roles it gives someone else)", n))
}

// holdWithoutEvidence keeps an article below fail unless it has a concrete
// finding at warning or above in its main text: an editor cannot act on a
// fail with nothing to point at, and statistics alone (a word-choice or
// style profile, however extreme) are not enough to call genuine
// reporting generated. They can make an article warn.
func (m *Model) holdWithoutEvidence(res *analysis.Result, t Thresholds) {
	if res.Score < t.Fail || m.HasActionableFinding(res) {
		return
	}
	res.Score = max(t.Fail-1, 0)
	res.Notes = append(res.Notes, "held below fail: no concrete finding at warning or above to point at (statistical profiles alone cannot fail an article)")
}

// HasActionableFinding reports whether res has a finding at warning or
// above in its main text that is not a statistical signal.
func (m *Model) HasActionableFinding(res *analysis.Result) bool {
	for _, f := range res.Findings {
		if f.Severity >= analysis.Warning && !f.OutsideMain && !m.signalRules[f.Rule] {
			return true
		}
	}
	return false
}

// MinReliableWords is the length below which the fitted score alone may
// not fail an article (see Model.Score).
const MinReliableWords = 50

// shrinkShort handles a text too short for style and word-choice
// statistics to mean much (a feed blurb, a caption, a stray line): each
// statistical score moves toward its dimension's base in proportion to
// the text's length, and the overall score is held below fail. Dimensions
// with findings at warning or above keep their score: that is evidence,
// not statistics.
func (m *Model) shrinkShort(res *analysis.Result, t Thresholds) {
	weight := float64(res.ProseWords) / MinReliableWords
	shrink := func(v int, base float64) int { return int(math.Round(100*base + (float64(v)-100*base)*weight)) }
	evidence := map[analysis.Dimension]bool{}
	for _, f := range res.Findings {
		if f.Severity >= analysis.Warning && !f.OutsideMain && !m.signalRules[f.Rule] {
			evidence[f.Dimension] = true
		}
	}
	for _, d := range analysis.Dimensions {
		if !evidence[d] {
			res.Dimensions.Set(d, shrink(res.Dimensions.Get(d), m.Dimensions[string(d)].Base()))
		}
	}
	if len(evidence) == 0 {
		res.Score = shrink(res.Score, m.Overall.prob(m.Overall.Intercept))
	}
	res.Score = min(res.Score, max(t.Fail-1, 0))
	res.Notes = append(res.Notes, fmt.Sprintf("only %d words of running text: too short for the statistical score to be reliable, so it is weighed down toward the base and held below fail without decisive evidence", res.ProseWords))
}

// Base is the overall score (0–1) of an article with no evidence at all.
func (m *Model) Base() float64 { return m.Overall.prob(m.Overall.Intercept) }

func percent(p float64) int {
	return int(math.Round(100 * min(max(p, 0), 1)))
}
