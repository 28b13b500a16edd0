package score

import (
	"fmt"
	"math"
	"sort"

	"github.com/copydesk/copydesk/internal/analysis"
)

// Model is the fitted scorer: one calibrated logistic sub-model per
// dimension and one overall, over features standardised with the training
// split's means and deviations, plus the lexical profile's weights and the
// verdict thresholds. Its JSON form is internal/score/data/model.json (or a
// file given with --model).
type Model struct {
	// Format is the file format version; Load refuses others.
	Format     int                  `json:"format"`
	Provenance Provenance           `json:"provenance"`
	Features   []FeatureStat        `json:"features"`
	Overall    SubModel             `json:"overall"`
	Dimensions map[string]*SubModel `json:"dimensions"`
	Lexical    *Lexical             `json:"lexical"`
	// Thresholds are where at most 5% (warn) and 1% (fail) of the human
	// training articles score at or above, measured out of fold.
	Thresholds ModelThresholds `json:"thresholds"`
	Floors     Floors          `json:"floors"`
	// Excluded lists features the models were not allowed to read.
	Excluded []string `json:"excluded_features,omitempty"`
	// Blend is the weight of the mean dimension score in the overall score
	// (the rest is the overall model's probability).
	Blend   float64      `json:"dimension_blend"`
	Metrics TrainMetrics `json:"train_metrics"`

	stats map[string]FeatureStat
	// slot numbers the distinct names of Features; slotOf[j] is
	// Features[j]'s slot. Assess gathers an article's values by slot
	// instead of building Vector's map (set by prepare, read-only after).
	slot   map[string]int
	slotOf []int
}

// modelFormat is the current model file format.
const modelFormat = 1

// Provenance records what a model was fitted on.
type Provenance struct {
	Data       string `json:"data"`        // input file name
	DataSHA256 string `json:"data_sha256"` // of the whole input file
	Split      string `json:"split"`       // split used ("" = all rows)
	Articles   int    `json:"articles"`
	Human      int    `json:"human"`
	Machine    int    `json:"machine"`
	// Skipped counts articles left out because an analyzer failed on them.
	Skipped   int      `json:"skipped,omitempty"`
	Folds     int      `json:"folds"`
	Command   string   `json:"command"`   // how to reproduce it
	Analyzers []string `json:"analyzers"` // analyzers that produced the features
}

// FeatureStat is one input feature with the training mean and standard
// deviation used to standardise it, and the dimension whose sub-model
// reads it ("" for the overall model only).
type FeatureStat struct {
	Name      string  `json:"name"`
	Dimension string  `json:"dimension,omitempty"`
	Mean      float64 `json:"mean"`
	Std       float64 `json:"std"`
}

// SubModel is a logistic regression over standardised features followed by
// Platt calibration: p = σ(A·(w·z + Intercept) + C).
type SubModel struct {
	Features  []string  `json:"features"`
	Weights   []float64 `json:"weights"`
	Intercept float64   `json:"intercept"`
	PlattA    float64   `json:"platt_a"`
	PlattC    float64   `json:"platt_c"`
	Lambda    float64   `json:"lambda"`
	// OOFAUROC is the sub-model's out-of-fold AUROC on the training split.
	OOFAUROC float64 `json:"oof_auroc"`

	// cols[i] is Features[i]'s position in Model.Features (set by
	// prepare), so scoring standardises each feature once for all five
	// sub-models instead of looking it up by name in each.
	cols []int
}

// ModelThresholds are the default verdict thresholds on the overall score.
type ModelThresholds struct {
	Warn int `json:"warn"`
	Fail int `json:"fail"`
}

// Floors are explicit evidence rules applied after the fitted models:
// decisive evidence the labelled data rarely contains (a contradicted
// person, chatbot residue) must still count.
type Floors struct {
	// ErrorFinding is the least score a dimension gets when it has an
	// error-severity finding; the overall score is then raised to at least
	// the fail threshold. Above a floor, scores keep the fitted order:
	// score = floor + (100 − floor) · fitted probability.
	ErrorFinding int `json:"error_finding"`
	// Contradicted is the least fabrication score when a person's stated
	// role is contradicted by the knowledge base; overall then fails too.
	Contradicted int `json:"contradicted"`
	// WarningStep and WarningCap set a dimension's floor from its
	// warning-severity findings: 100·(1 − (1 − step)^n) for n warnings, at
	// most WarningCap. Rules like page-chrome residue rarely fire in the
	// labelled news, so the fitted model cannot learn their worth, yet an
	// editor expects "Leave a Comment" to show on the boilerplate score.
	// Warnings raise only their dimension, never the overall score.
	WarningStep float64 `json:"warning_step"`
	WarningCap  int     `json:"warning_cap"`
}

// TrainMetrics are out-of-fold figures on the training split.
type TrainMetrics struct {
	AUROC            float64            `json:"auroc"`
	AveragePrecision float64            `json:"average_precision"`
	LexicalAUROC     float64            `json:"lexical_auroc"`
	TPRAt1FPR        float64            `json:"tpr_at_1pct_fpr"`
	TPRAt5FPR        float64            `json:"tpr_at_5pct_fpr"`
	Dimensions       map[string]float64 `json:"dimension_auroc"`
}

func (m *Model) prepare() error {
	if m.Format != modelFormat {
		return fmt.Errorf("model format %d, want %d", m.Format, modelFormat)
	}
	m.stats = make(map[string]FeatureStat, len(m.Features))
	pos := make(map[string]int, len(m.Features))
	m.slot = make(map[string]int, len(m.Features))
	m.slotOf = make([]int, len(m.Features))
	for j, f := range m.Features {
		m.stats[f.Name] = f
		pos[f.Name] = j
		if _, ok := m.slot[f.Name]; !ok {
			m.slot[f.Name] = len(m.slot)
		}
		m.slotOf[j] = m.slot[f.Name]
	}
	check := func(name string, s *SubModel) error {
		if s == nil {
			return fmt.Errorf("sub-model %s missing", name)
		}
		if len(s.Weights) != len(s.Features) {
			return fmt.Errorf("sub-model %s: %d weights for %d features", name, len(s.Weights), len(s.Features))
		}
		s.cols = make([]int, len(s.Features))
		for i, f := range s.Features {
			if _, ok := m.stats[f]; !ok {
				return fmt.Errorf("sub-model %s: feature %s has no statistics", name, f)
			}
			// The last statistics of a repeated name win, as in m.stats.
			s.cols[i] = pos[f]
		}
		return nil
	}
	if err := check("overall", &m.Overall); err != nil {
		return err
	}
	for _, d := range analysis.Dimensions {
		if err := check(string(d), m.Dimensions[string(d)]); err != nil {
			return err
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

// Assessment is an article's scores as probabilities (0–1) before rounding.
type Assessment struct {
	Overall    float64
	Dimensions map[analysis.Dimension]float64
	// Fitted is the overall model's probability, before the dimensions are
	// blended in and evidence floors apply.
	Fitted float64
	// Floored names the evidence that raised a score, if any.
	Floored []string
	// Top lists the features that pushed the overall model's score up
	// most (for explanations).
	Top []string
	// Lexical is the article's word-choice profile (a feature).
	Lexical float64
}

// Assess computes the calibrated probabilities of res and applies the
// evidence floors; failAt is the overall score (0–100) that fails.
func (m *Model) Assess(res *analysis.Result, failAt int) Assessment {
	lexical := m.Lexical.ProfileText(res.Text)
	if !m.indexed() {
		v := Vector(res)
		v[lexicalFeature] = lexical
		return m.assessByName(v, res, failAt)
	}
	// The values of the features the model reads, by slot (absent: 0, as
	// a missing key of Vector's map reads).
	var rawBuf [128]float64
	raw := rawBuf[:0]
	if n := len(m.slot); n <= len(rawBuf) {
		raw = rawBuf[:n]
	} else {
		raw = make([]float64, n)
	}
	eachFeature(res, func(prefix, name string, x float64) {
		var key [96]byte // prefix+name for the lookup, on the stack
		if i, ok := m.slot[string(append(append(key[:0], prefix...), name...))]; ok {
			raw[i] = x
		}
	})
	if i, ok := m.slot[lexicalFeature]; ok {
		raw[i] = lexical
	}
	// Every feature standardised once; the sub-models read it by position.
	var buf [128]float64
	z := buf[:0]
	for j, f := range m.Features {
		z = append(z, standardise(raw[m.slotOf[j]], f))
	}
	dims := map[analysis.Dimension]float64{}
	for _, d := range analysis.Dimensions {
		dims[d] = m.Dimensions[string(d)].probAt(z)
	}
	a := m.combine(m.Overall.probAt(z), dims, res, float64(failAt)/100)
	a.Top = m.Overall.topAt(z, 3)
	a.Lexical = lexical
	return a
}

// indexed reports whether prepare gave every sub-model its columns.
func (m *Model) indexed() bool {
	if m.stats == nil || len(m.slotOf) != len(m.Features) || len(m.Overall.cols) != len(m.Overall.Features) {
		return false
	}
	for _, d := range analysis.Dimensions {
		if s := m.Dimensions[string(d)]; s == nil || len(s.cols) != len(s.Features) {
			return false
		}
	}
	return true
}

// assessByName is Assess for a model prepare has not indexed.
func (m *Model) assessByName(v map[string]float64, res *analysis.Result, failAt int) Assessment {
	dims := map[analysis.Dimension]float64{}
	for _, d := range analysis.Dimensions {
		dims[d] = m.Dimensions[string(d)].prob(v, m.stats)
	}
	a := m.combine(m.Overall.prob(v, m.stats), dims, res, float64(failAt)/100)
	a.Top = m.Overall.top(v, m.stats, 3)
	a.Lexical = v[lexicalFeature]
	return a
}

// combine turns the fitted probabilities into the reported scores:
//
//  1. warnings raise their dimension to 1 − (1 − step)^n (capped);
//  2. decisive evidence (an error finding, a contradicted person) lifts its
//     dimension into [floor, 1];
//  3. the overall score is (1 − Blend)·fitted + Blend·mean(dimensions), so
//     among articles the overall model is equally sure of, those with
//     more problems on the four dimensions rank higher;
//  4. decisive evidence lifts the overall score into [failAt, 1].
//
// Lifting keeps the order inside the band: two articles that both carry
// chatbot residue still rank by everything else they show.
func (m *Model) combine(fitted float64, dims map[analysis.Dimension]float64, res *analysis.Result, failAt float64) Assessment {
	a := Assessment{Fitted: fitted, Dimensions: dims}
	lift := func(p, floor float64) float64 { return max(p, floor+(1-floor)*p) }

	warnings := map[analysis.Dimension]int{}
	decisive := map[analysis.Dimension]float64{}
	seen := map[string]bool{}
	for _, f := range res.Findings {
		switch f.Severity {
		case analysis.Warning:
			warnings[f.Dimension]++
		case analysis.Error:
			decisive[f.Dimension] = max(decisive[f.Dimension], float64(m.Floors.ErrorFinding)/100)
			if !seen[f.Rule] {
				seen[f.Rule] = true
				a.Floored = append(a.Floored, f.Rule)
			}
		}
	}
	for _, e := range res.Entities {
		if e.Status == analysis.Contradicted {
			decisive[analysis.Fabrication] = max(decisive[analysis.Fabrication], float64(m.Floors.Contradicted)/100)
			a.Floored = append(a.Floored, "contradicted: "+e.Name)
		}
	}
	for d, n := range warnings {
		floor := min(1-math.Pow(1-m.Floors.WarningStep, float64(n)), float64(m.Floors.WarningCap)/100)
		a.Dimensions[d] = max(a.Dimensions[d], floor)
	}
	for d, floor := range decisive {
		a.Dimensions[d] = lift(a.Dimensions[d], floor)
	}
	mean := 0.0
	for _, d := range analysis.Dimensions {
		mean += a.Dimensions[d] / float64(len(analysis.Dimensions))
	}
	a.Overall = (1-m.Blend)*fitted + m.Blend*mean
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
	if res.Words < MinReliableWords && len(a.Floored) == 0 {
		m.shrinkShort(res, t)
	}
	res.Verdict = Verdict(res.Score, t)
	if res.Features != nil {
		res.Features[lexicalFeature] = a.Lexical
	}
}

// MinReliableWords is the length below which the fitted score alone may
// not fail an article (see Model.Score).
const MinReliableWords = 50

// shrinkShort handles a text too short for style and word-choice
// statistics to mean much (a feed blurb, a caption, a stray line): each
// statistical score moves toward the training base rate in proportion to
// the text's length, and the overall score is held below fail. Dimensions
// with findings at warning or above keep their score: that is evidence,
// not statistics.
func (m *Model) shrinkShort(res *analysis.Result, t Thresholds) {
	base := 100 * m.baseRate()
	weight := float64(res.Words) / MinReliableWords
	shrink := func(v int) int { return int(math.Round(base + (float64(v)-base)*weight)) }
	evidence := map[analysis.Dimension]bool{}
	for _, f := range res.Findings {
		if f.Severity >= analysis.Warning && !f.OutsideMain {
			evidence[f.Dimension] = true
		}
	}
	for _, d := range analysis.Dimensions {
		if !evidence[d] {
			res.Dimensions.Set(d, shrink(res.Dimensions.Get(d)))
		}
	}
	if len(evidence) == 0 {
		res.Score = shrink(res.Score)
	}
	res.Score = min(res.Score, max(t.Fail-1, 0))
	res.Notes = append(res.Notes, fmt.Sprintf("only %d words: too short for the statistical score to be reliable, so it is weighed down toward the base rate and held below fail without decisive evidence", res.Words))
}

// baseRate is the share of machine-written articles in the training data:
// what a calibrated score says when it knows nothing.
func (m *Model) baseRate() float64 {
	if p := m.Provenance; p.Articles > 0 {
		return float64(p.Machine) / float64(p.Articles)
	}
	return 0.5
}

func percent(p float64) int {
	return int(math.Round(100 * min(max(p, 0), 1)))
}

// margin is the uncalibrated linear score of v.
func (s *SubModel) margin(v map[string]float64, stats map[string]FeatureStat) float64 {
	m := s.Intercept
	for i, name := range s.Features {
		m += s.Weights[i] * standardise(v[name], stats[name])
	}
	return m
}

func (s *SubModel) prob(v map[string]float64, stats map[string]FeatureStat) float64 {
	return sigmoid(s.PlattA*s.margin(v, stats) + s.PlattC)
}

// top names the n features adding most to the margin (positive only).
func (s *SubModel) top(v map[string]float64, stats map[string]FeatureStat, n int) []string {
	type contrib struct {
		name string
		c    float64
	}
	var cs []contrib
	for i, name := range s.Features {
		if c := s.Weights[i] * standardise(v[name], stats[name]); c > 0.25 {
			cs = append(cs, contrib{name, c})
		}
	}
	sort.Slice(cs, func(a, b int) bool { return cs[a].c > cs[b].c })
	var out []string
	for i := 0; i < len(cs) && i < n; i++ {
		out = append(out, cs[i].name)
	}
	return out
}

// marginAt, probAt and topAt are margin, prob and top over the model's
// standardised features z (by position, see cols): the same sums in the
// same order.
func (s *SubModel) marginAt(z []float64) float64 {
	m := s.Intercept
	for i, j := range s.cols {
		m += s.Weights[i] * z[j]
	}
	return m
}

func (s *SubModel) probAt(z []float64) float64 {
	return sigmoid(s.PlattA*s.marginAt(z) + s.PlattC)
}

func (s *SubModel) topAt(z []float64, n int) []string {
	type contrib struct {
		name string
		c    float64
	}
	var cs []contrib
	for i, j := range s.cols {
		if c := s.Weights[i] * z[j]; c > 0.25 {
			cs = append(cs, contrib{s.Features[i], c})
		}
	}
	sort.Slice(cs, func(a, b int) bool { return cs[a].c > cs[b].c })
	var out []string
	for i := 0; i < len(cs) && i < n; i++ {
		out = append(out, cs[i].name)
	}
	return out
}

// standardise maps x to standard units, clipped to ±6 so one outlying
// article cannot swing a linear model arbitrarily far.
func standardise(x float64, st FeatureStat) float64 {
	if st.Std == 0 {
		return 0
	}
	return min(max((x-st.Mean)/st.Std, -6), 6)
}
