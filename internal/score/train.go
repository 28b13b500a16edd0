package score

import (
	"errors"
	"fmt"
	"hash/fnv"
	"math"
	"sort"
	"strings"

	"gonum.org/v1/gonum/stat"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/score/metrics"
)

// Example is one labelled, analysed article for fitting or evaluation.
type Example struct {
	ID        string
	Machine   bool
	Generator string
	Source    string           // publisher or data set, for per-source figures
	Style     string           // content-farm style, where the data set names one
	Result    *analysis.Result // with Text kept
}

// TrainOptions control fitting.
type TrainOptions struct {
	// Folds for cross-validation (calibration, stacking, lambda choice).
	Folds int
	// Lambdas are the L2 strengths tried for each model; the one with the
	// lowest out-of-fold log loss is kept.
	Lambdas []float64
	// NoLexical leaves the word-choice signal out (to measure what it earns).
	NoLexical bool
	// Exclude names analyzer statistics the signals must not read: those
	// that measure how a data set was formatted rather than how an article
	// was written (see LayoutSensitive).
	Exclude []string
	// Provenance is copied into the model (Articles, Human, Machine and
	// Folds are filled in).
	Provenance Provenance
	// OutOfFold, if set, receives every article's out-of-fold score
	// (0–100, before rounding) and the evidence it was computed from, for
	// inspecting which articles of an archive the model gets wrong.
	OutOfFold func(e Example, score float64, ev Evidence)
}

// trainingSet is what every fit reads besides its columns: labels, folds,
// and the weight of each article. Weights lean toward balancing the data
// sets within each label, so that 121 current wire pages are not drowned
// by 1,349 BBC articles of 2004–05: the human reference must be today's
// reporting too, not whichever archive happens to be largest.
type trainingSet struct {
	y       []bool
	fold    []int
	weight  []float64
	folds   int
	lambdas []float64
}

// subset returns the rows of fold k (held) or of the other folds.
func (ts *trainingSet) subset(x [][]float64, k int, held bool) ([][]float64, []bool, []float64) {
	var tx [][]float64
	var ty []bool
	var tw []float64
	for i := range x {
		if (ts.fold[i] == k) == held {
			tx, ty, tw = append(tx, x[i]), append(ty, ts.y[i]), append(tw, ts.weight[i])
		}
	}
	return tx, ty, tw
}

// sourceWeights gives each article of a data set (the source up to its
// first colon: bbc-fulltext, l2r, web-2024-25 …) the square root of the
// weight that would make every data set of one label weigh the same in
// total. Full balance cost 1.5 points of AUROC on the 2004–19 news for
// about as much gained on the 2024–25 pages (out of fold on train); the
// square root keeps most of the gain at a third of the cost.
func sourceWeights(exs []Example) []float64 {
	group := func(e Example) string { g, _, _ := strings.Cut(e.Source, ":"); return g }
	type key struct {
		source  string
		machine bool
	}
	count := map[key]int{}
	groups := map[bool]int{}
	labels := map[bool]int{}
	for _, e := range exs {
		k := key{group(e), e.Machine}
		if count[k] == 0 {
			groups[e.Machine]++
		}
		count[k]++
		labels[e.Machine]++
	}
	w := make([]float64, len(exs))
	for i, e := range exs {
		k := key{group(e), e.Machine}
		w[i] = math.Sqrt(float64(labels[e.Machine]) / float64(groups[e.Machine]*count[k]))
	}
	return w
}

// DefaultTrainOptions are the settings the committed model was fitted with.
func DefaultTrainOptions() TrainOptions {
	return TrainOptions{Folds: 5, Lambdas: []float64{0.001, 0.003, 0.01, 0.03, 0.1, 0.3}}
}

// Default floors: an error-severity finding is decisive.
var defaultFloors = Floors{ErrorFinding: 90, WarningStep: 0.4, WarningCap: 85, ReferenceFindings: 2}

// The signals copydesk fits, each reported by the profile analyzer under
// its rule ID.
const (
	RuleVocabularyProfile = "TP012"
	RuleStyleProfile      = "TP013"
	RuleSourcingProfile   = "AT007"
)

// signalSpecs says what each linear signal reads: analyzer statistics by
// prefix.
var signalSpecs = []struct {
	rule, dimension string
	prefixes        []string
}{
	{RuleStyleProfile, string(analysis.Templated), []string{"style.", "templated."}},
	{RuleSourcingProfile, string(analysis.Attribution), []string{"attribution."}},
}

// Train fits a model on exs. It is deterministic: folds come from a hash of
// each article's ID, and every fit starts from the same point.
func Train(exs []Example, opts TrainOptions) (*Model, error) {
	if opts.Folds < 2 {
		opts.Folds = 5
	}
	if len(opts.Lambdas) == 0 {
		opts.Lambdas = DefaultTrainOptions().Lambdas
	}
	// An article an analyzer failed on has partial evidence: leave it out
	// rather than teach the model that missing evidence looks human.
	var usable []Example
	skipped := 0
	for _, e := range exs {
		if e.Result == nil {
			return nil, fmt.Errorf("example %s has no analysis result", e.ID)
		}
		if e.Result.Failed() {
			skipped++
			continue
		}
		usable = append(usable, e)
	}
	exs = usable
	y := make([]bool, len(exs))
	fold := make([]int, len(exs))
	nm := 0
	for i, e := range exs {
		y[i] = e.Machine
		fold[i] = foldOf(e.ID, opts.Folds)
		if e.Machine {
			nm++
		}
	}
	if nm == 0 || nm == len(exs) {
		return nil, errors.New("train: need both human and machine articles")
	}
	ts := &trainingSet{y: y, fold: fold, weight: sourceWeights(exs), folds: opts.Folds, lambdas: opts.Lambdas}
	m := &Model{
		Format:     modelFormat,
		Provenance: opts.Provenance,
		Dimensions: map[string]*DimensionModel{},
		Floors:     defaultFloors,
	}
	m.Provenance.Articles, m.Provenance.Machine, m.Provenance.Human = len(exs), nm, len(exs)-nm
	m.Provenance.Folds = opts.Folds
	m.Provenance.Skipped = skipped
	m.Excluded = append([]string{}, opts.Exclude...)
	sort.Strings(m.Excluded)
	m.Metrics.Dimensions = map[string]float64{}
	m.Metrics.Signals = map[string]float64{}

	// 1. Signals, each with its out-of-fold margin on every article.
	oofSignal := map[string][]float64{}
	addSignal := func(s *Signal, oof []float64) {
		var human []float64
		for i, v := range oof {
			if !y[i] {
				human = append(human, v)
			}
		}
		s.HumanPercentiles = percentiles(human)
		s.OOFAUROC = round4(metrics.AUROC(oof, y))
		m.Signals = append(m.Signals, s)
		m.Metrics.Signals[s.Rule] = s.OOFAUROC
		oofSignal[s.Rule] = oof
	}
	if !opts.NoLexical {
		oof, lexical, err := stackLexical(exs, ts)
		if err != nil {
			return nil, err
		}
		m.Lexical = lexical
		addSignal(&Signal{Rule: RuleVocabularyProfile, Dimension: string(analysis.Templated), Kind: SignalLexical}, oof)
	}
	excluded := map[string]bool{}
	for _, name := range opts.Exclude {
		excluded[name] = true
	}
	for _, spec := range signalSpecs {
		s, oof, err := fitLinearSignal(spec.rule, spec.dimension, spec.prefixes, excluded, exs, ts)
		if err != nil {
			return nil, fmt.Errorf("signal %s: %w", spec.rule, err)
		}
		if s != nil {
			addSignal(s, oof)
		}
	}
	if err := m.prepareSignals(); err != nil {
		return nil, err
	}

	// 2. Every article's evidence as the scorer will see it: its findings,
	// plus the signal findings the profile analyzer would report, with
	// out-of-fold strengths.
	withSignals := make([]*analysis.Result, len(exs))
	evs := make([]Evidence, len(exs))
	ruleDim := map[string]string{}
	for _, s := range m.Signals {
		ruleDim[s.Rule] = s.Dimension
	}
	for i, e := range exs {
		r := *e.Result
		r.Findings = append([]analysis.Finding(nil), e.Result.Findings...)
		for _, s := range m.Signals {
			r.Findings = append(r.Findings, SignalFinding(s, oofSignal[s.Rule][i]))
		}
		withSignals[i] = &r
		evs[i] = EvidenceOf(&r, m.signalRules)
		for _, f := range e.Result.Findings {
			ruleDim[f.Rule] = string(f.Dimension)
		}
	}

	// 3. One model per dimension over its evidence; out-of-fold margins.
	oofMargins := make([][]float64, len(analysis.Dimensions))
	oofExcess := make([][]float64, len(analysis.Dimensions))
	for k, d := range analysis.Dimensions {
		var rules []string
		for r, rd := range ruleDim {
			if rd == string(d) {
				rules = append(rules, r)
			}
		}
		sort.Strings(rules)
		dm, margins, excess, err := fitDimension(rules, evs, ts)
		if err != nil {
			return nil, fmt.Errorf("%s model: %w", d, err)
		}
		dm.Human99 = round6(humanPercentile(margins, y, 99))
		m.Dimensions[string(d)] = dm
		m.Metrics.Dimensions[string(d)] = dm.OOFAUROC
		oofMargins[k], oofExcess[k] = margins, excess
	}

	// 4. The overall model over the dimensions.
	overall, oofOverall, err := fitOverall(m, oofMargins, oofExcess, ts)
	if err != nil {
		return nil, fmt.Errorf("overall model: %w", err)
	}
	m.Overall = *overall

	// 5. Thresholds on the reported scores, out of fold: floors applied,
	// and no fail without a finding at warning or above.
	reported := make([]float64, len(exs))
	for i := range exs {
		dims := map[analysis.Dimension]float64{}
		for k, d := range analysis.Dimensions {
			dims[d] = m.Dimensions[string(d)].prob(oofMargins[k][i])
		}
		a := m.combine(oofOverall[i], dims, withSignals[i], 0)
		reported[i] = a.Overall
	}
	m.Metrics.AUROC = round4(metrics.AUROC(reported, y))
	m.Metrics.AveragePrecision = round4(metrics.AveragePrecision(reported, y))
	m.Metrics.TPRAt1FPR = round4(metrics.AtFPR(reported, y, 0.01).TPR)
	m.Metrics.TPRAt5FPR = round4(metrics.AtFPR(reported, y, 0.05).TPR)
	sources := make([]string, len(exs))
	for i, e := range exs {
		sources[i] = humanSource(e)
	}
	m.Thresholds = fitThresholds(reported, y, sources)
	if opts.OutOfFold != nil {
		for i, e := range exs {
			opts.OutOfFold(e, 100*reported[i], evs[i])
		}
	}
	m.Metrics.BySource = m.ratesBySource(exs, reported, withSignals)
	if err := m.prepare(); err != nil {
		return nil, fmt.Errorf("fitted model is inconsistent: %w", err)
	}
	return m, nil
}

// prepareSignals indexes the signals fitted so far.
func (m *Model) prepareSignals() error {
	m.signalRules = map[string]bool{}
	for _, s := range m.Signals {
		if err := s.check(); err != nil {
			return err
		}
		m.signalRules[s.Rule] = true
	}
	return nil
}

// SignalFinding is the finding the profile analyzer reports for signal s at
// margin: a warning past the human 99th percentile, info otherwise. Only
// its rule, dimension, severity and strength matter to the scorer; the
// analyzer adds the span and the message.
func SignalFinding(s *Signal, margin float64) analysis.Finding {
	sev := analysis.Info
	if s.Beyond99(margin) {
		sev = analysis.Warning
	}
	return analysis.Finding{Rule: s.Rule, Dimension: analysis.Dimension(s.Dimension), Severity: sev, Strength: round6(s.Strength(margin))}
}

// fitThresholds sets warn where at most 5% and fail where at most 1% of
// the human articles of every source reach, each source on its own: the
// 2004–05 BBC archive, the XSum articles, the Learning2Rewrite originals and
// the 2024–25 agency pages (humanSource). Pooling them let the largest
// archive set the thresholds while a quarter of current agency reports
// warned; an editor judges the tool on the reporting in front of them, so
// the source whose human articles score highest sets each threshold. The
// hold that keeps an article without a concrete finding below fail only
// ever lowers the fail share further: it is not counted on.
func fitThresholds(reported []float64, y []bool, source []string) ModelThresholds {
	bySource := map[string][]float64{}
	for i, p := range reported {
		if !y[i] {
			bySource[source[i]] = append(bySource[source[i]], p)
		}
	}
	// flagging is the lowest threshold at which at most share of every
	// source's human articles score at or above it.
	flagging := func(share float64) int {
		t := 1
		for _, scores := range bySource {
			for ; t <= 100; t++ {
				over := 0
				for _, p := range scores {
					if percent(p) >= t {
						over++
					}
				}
				if float64(over) <= share*float64(len(scores)) {
					break
				}
			}
		}
		return t
	}
	warn := flagging(0.05)
	return ModelThresholds{Warn: warn, Fail: max(flagging(0.01), warn)}
}

// humanSource names the body of human writing an example belongs to, for
// the thresholds: its data set (the source up to its first colon: BBC
// sections are one archive) and, where the data set says, its class
// ("web-2024-25:wire").
func humanSource(e Example) string {
	g, _, _ := strings.Cut(e.Source, ":")
	if e.Style != "" {
		g += ":" + e.Style
	}
	return g
}

// lexicalLambda was chosen by out-of-fold AUROC on the training split (the
// profile is flat for lambda <= 1e-4 and falls above; on the three sets
// together 1e-4, 3e-4 and 1e-3 moved no source's out-of-fold warn or fail
// rate by more than two points); lexicalMinDocs keeps
// n-grams seen in at least that many training articles.
const (
	lexicalLambda  = 3e-5
	lexicalMinDocs = 3
)

// ProseOf is the text the word-choice signal reads: the main text without
// furniture lines, as the profile analyzer sees it.
func ProseOf(res *analysis.Result) string { return document.New(res.ID, res.Text).Prose() }

// stackLexical fits the word-choice model on every article, and returns
// each article's margin from a fit on the other folds: the models stacked
// on it must see it as it behaves on unseen text.
func stackLexical(exs []Example, ts *trainingSet) ([]float64, *Lexical, error) {
	oof := make([]float64, len(exs))
	grams := make([][]uint32, len(exs))
	for i, e := range exs {
		grams[i] = ngramIDs(ProseOf(e.Result), lexicalBuckets)
	}
	for k := 0; k < ts.folds; k++ {
		var tr [][]uint32
		var ty []bool
		var tw []float64
		for i := range exs {
			if ts.fold[i] != k {
				tr, ty, tw = append(tr, grams[i]), append(ty, ts.y[i]), append(tw, ts.weight[i])
			}
		}
		lx, err := fitLexical(tr, ty, tw, lexicalLambda, lexicalMinDocs)
		if err != nil {
			return nil, nil, err
		}
		for i := range exs {
			if ts.fold[i] == k {
				oof[i] = lx.Profile(grams[i])
			}
		}
	}
	lexical, err := fitLexical(grams, ts.y, ts.weight, lexicalLambda, lexicalMinDocs)
	return oof, lexical, err
}

// fitLinearSignal fits a logistic regression over the analyzer statistics
// named by prefixes (standardised, centred) and returns it with every
// article's out-of-fold margin; nil when no statistic varies.
func fitLinearSignal(rule, dimension string, prefixes []string, excluded map[string]bool, exs []Example, ts *trainingSet) (*Signal, []float64, error) {
	names := map[string]bool{}
	for _, e := range exs {
		for k := range e.Result.Features {
			if excluded[k] {
				continue
			}
			for _, p := range prefixes {
				if strings.HasPrefix(k, p) {
					names[k] = true
				}
			}
		}
	}
	var feats []string
	var means, stds []float64
	col := make([]float64, len(exs))
	sorted := make([]string, 0, len(names))
	for k := range names {
		sorted = append(sorted, k)
	}
	sort.Strings(sorted)
	for _, k := range sorted {
		for i, e := range exs {
			col[i] = finite(e.Result.Features[k])
		}
		mean, std := stat.MeanStdDev(col, nil)
		if !(std > 1e-9) {
			continue
		}
		feats, means, stds = append(feats, k), append(means, round6(mean)), append(stds, round6(std))
	}
	if len(feats) == 0 {
		return nil, nil, nil
	}
	x := make([][]float64, len(exs))
	for i, e := range exs {
		row := make([]float64, len(feats))
		for j, k := range feats {
			row[j] = clipStd((finite(e.Result.Features[k]) - means[j]) / stds[j])
		}
		x[i] = row
	}
	lambda, oof, err := chooseLambda(x, ts)
	if err != nil {
		return nil, nil, err
	}
	w, b, err := fitWeightedLogistic(x, ts.y, ts.weight, lambda)
	if err != nil {
		return nil, nil, err
	}
	s := &Signal{Rule: rule, Dimension: dimension, Kind: SignalLinear, Features: feats, Means: means, Stds: stds,
		Weights: make([]float64, len(w)), Intercept: round6(b)}
	for j := range w {
		s.Weights[j] = round6(w[j])
	}
	return s, oof, nil
}

func finite(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	return x
}

// fitDimension fits a dimension's model over rules' evidence, scaled by
// its spread and never centred, with non-negative weights: a rule whose
// weight comes out negative is dropped and the model refitted (a finding
// is evidence of a problem and must never lower a score, whatever quirk of
// the labelled data says). It returns the model, every article's
// out-of-fold margin, and that margin above its fold model's intercept.
func fitDimension(rules []string, evs []Evidence, ts *trainingSet) (*DimensionModel, []float64, []float64, error) {
	// Evidence is used as it is, neither centred (no evidence must mean
	// the base) nor scaled by its spread: every rule's density is in the
	// same unit, and leaving it unscaled lets the L2 penalty shrink the
	// weight of a rule the training data has seen a handful of times,
	// where scaling by a tiny spread would magnify it.
	var kept []string
	for _, r := range rules {
		for _, ev := range evs {
			if ev[r] != 0 {
				kept = append(kept, r)
				break
			}
		}
	}
	rules = kept
	for {
		x := make([][]float64, len(evs))
		for i, ev := range evs {
			row := make([]float64, len(rules))
			for j, r := range rules {
				row[j] = ev[r]
			}
			x[i] = row
		}
		dm, margins, excess, err := fitNonNegative(x, ts)
		if err != nil {
			return nil, nil, nil, err
		}
		var keep []string
		for j, w := range dm.Weights {
			if w >= 0 {
				keep = append(keep, rules[j])
			}
		}
		if len(keep) == len(rules) {
			dm.Rules = rules
			if dm.Rules == nil {
				dm.Rules = []string{}
			}
			return dm, margins, excess, nil
		}
		rules = keep
	}
}

// fitNonNegative is one fit of a non-centred logistic model: lambda by
// out-of-fold log loss, Platt calibration on the out-of-fold margins, then
// a refit on every article. With no columns it is the prior.
func fitNonNegative(x [][]float64, ts *trainingSet) (*DimensionModel, []float64, []float64, error) {
	y := ts.y
	if len(x) == 0 || len(x[0]) == 0 {
		p, total := 0.0, 0.0
		for i, v := range y {
			if v {
				p += ts.weight[i]
			}
			total += ts.weight[i]
		}
		p /= total
		b := round6(math.Log(p / (1 - p)))
		margins := make([]float64, len(y))
		for i := range margins {
			margins[i] = b
		}
		return &DimensionModel{Weights: []float64{}, Intercept: b, PlattA: 1, OOFAUROC: 0.5}, margins, make([]float64, len(y)), nil
	}
	lambda, margins, err := chooseLambda(x, ts)
	if err != nil {
		return nil, nil, nil, err
	}
	excess, err := crossValidateExcess(x, ts, lambda)
	if err != nil {
		return nil, nil, nil, err
	}
	a, c, err := fitPlatt(margins, y, ts.weight)
	if err != nil {
		return nil, nil, nil, err
	}
	if a <= 0 {
		// Held-out margins that do not rise with the outcome: the evidence
		// carries nothing out of fold, and a falling calibration would make
		// a finding lower the score. Keep the fitted probabilities.
		a, c = 1, 0
	}
	w, b, err := fitWeightedLogistic(x, y, ts.weight, lambda)
	if err != nil {
		return nil, nil, nil, err
	}
	dm := &DimensionModel{Weights: make([]float64, len(w)), Intercept: round6(b), PlattA: round6(a), PlattC: round6(c), Lambda: lambda}
	for j := range w {
		dm.Weights[j] = round6(w[j])
	}
	prob := make([]float64, len(margins))
	for i, mg := range margins {
		prob[i] = sigmoid(a*mg + c)
	}
	dm.OOFAUROC = round4(metrics.AUROC(prob, y))
	return dm, margins, excess, nil
}

// fitOverall fits the overall model over the dimensions' out-of-fold
// margins above their intercepts and past the human range, with
// non-negative weights, and returns it with every article's out-of-fold
// calibrated probability.
func fitOverall(m *Model, margins, excess [][]float64, ts *trainingSet) (*OverallModel, []float64, error) {
	y := ts.y
	nd := len(analysis.Dimensions)
	cols := make([][]float64, 2*nd)
	for k, d := range analysis.Dimensions {
		h99 := m.Dimensions[string(d)].Human99
		cols[k] = excess[k]
		beyond := make([]float64, len(y))
		for i, mg := range margins[k] {
			beyond[i] = max(0, mg-h99)
		}
		cols[nd+k] = beyond
	}
	// Margins are all in logits: no scaling.
	active := make([]bool, len(cols))
	for j, c := range cols {
		_, std := stat.MeanStdDev(c, nil)
		active[j] = std > 1e-9
	}
	for {
		var idx []int
		for j := range cols {
			if active[j] {
				idx = append(idx, j)
			}
		}
		x := make([][]float64, len(y))
		for i := range y {
			row := make([]float64, len(idx))
			for c, j := range idx {
				row[c] = cols[j][i]
			}
			x[i] = row
		}
		dm, oofMargins, _, err := fitNonNegative(x, ts)
		if err != nil {
			return nil, nil, err
		}
		negative := false
		for c, w := range dm.Weights {
			if w < 0 {
				active[idx[c]], negative = false, true
			}
		}
		if negative {
			continue
		}
		o := &OverallModel{Intercept: dm.Intercept, PlattA: dm.PlattA, PlattC: dm.PlattC, Lambda: dm.Lambda,
			Weights: make([]float64, nd), Beyond: make([]float64, nd)}
		for _, d := range analysis.Dimensions {
			o.Dimensions = append(o.Dimensions, string(d))
		}
		for c, j := range idx {
			w := dm.Weights[c]
			if j < nd {
				o.Weights[j] = w
			} else {
				o.Beyond[j-nd] = w
			}
		}
		prob := make([]float64, len(y))
		for i, mg := range oofMargins {
			prob[i] = sigmoid(dm.PlattA*mg + dm.PlattC)
		}
		o.OOFAUROC = round4(metrics.AUROC(prob, y))
		return o, prob, nil
	}
}

// chooseLambda picks the L2 strength with the lowest out-of-fold log loss
// (after a quick Platt fit) and returns it with the out-of-fold margins.
func chooseLambda(x [][]float64, ts *trainingSet) (float64, []float64, error) {
	bestLoss := math.Inf(1)
	var best float64
	var bestOOF []float64
	for _, lambda := range ts.lambdas {
		oof, err := crossValidate(x, ts, lambda)
		if err != nil {
			return 0, nil, err
		}
		a, c, err := fitPlatt(oof, ts.y, ts.weight)
		if err != nil {
			return 0, nil, err
		}
		loss := 0.0
		for i, mg := range oof {
			loss += ts.weight[i] * logLoss(sigmoid(a*mg+c), ts.y[i])
		}
		if loss < bestLoss {
			bestLoss, best, bestOOF = loss, lambda, oof
		}
	}
	return best, bestOOF, nil
}

// foldOf assigns an article to a cross-validation fold by its ID.
func foldOf(id string, folds int) int {
	h := fnv.New32a()
	h.Write([]byte(id))
	return int(h.Sum32() % uint32(folds))
}

// crossValidate returns each article's margin from a model fitted on the
// other folds.
func crossValidate(x [][]float64, ts *trainingSet, lambda float64) ([]float64, error) {
	oof := make([]float64, len(x))
	err := eachFold(x, ts, lambda, func(i int, w []float64, b float64) { oof[i] = dot(w, x[i]) + b })
	return oof, err
}

// crossValidateExcess returns each article's out-of-fold margin above its
// fold model's intercept: the part its evidence contributed.
func crossValidateExcess(x [][]float64, ts *trainingSet, lambda float64) ([]float64, error) {
	out := make([]float64, len(x))
	err := eachFold(x, ts, lambda, func(i int, w []float64, _ float64) { out[i] = dot(w, x[i]) })
	return out, err
}

func eachFold(x [][]float64, ts *trainingSet, lambda float64, held func(i int, w []float64, b float64)) error {
	for k := 0; k < ts.folds; k++ {
		tx, ty, tw := ts.subset(x, k, false)
		w, b, err := fitWeightedLogistic(tx, ty, tw, lambda)
		if err != nil {
			return fmt.Errorf("fold %d: %w", k, err)
		}
		for i := range x {
			if ts.fold[i] == k {
				held(i, w, b)
			}
		}
	}
	return nil
}

// humanPercentile is the q-th percentile of the human articles' values.
func humanPercentile(v []float64, y []bool, q int) float64 {
	var h []float64
	for i, x := range v {
		if !y[i] {
			h = append(h, x)
		}
	}
	return percentiles(h)[q]
}

// thresholdFlagging is the lowest whole score t such that at most share of
// scores are t or more.
func thresholdFlagging(scores []int, share float64) int {
	for t := 1; t <= 100; t++ {
		n := 0
		for _, s := range scores {
			if s >= t {
				n++
			}
		}
		if float64(n) <= share*float64(len(scores)) {
			return t
		}
	}
	return 101
}

func logLoss(p float64, y bool) float64 {
	p = min(max(p, 1e-12), 1-1e-12)
	if y {
		return -math.Log(p)
	}
	return -math.Log(1 - p)
}

func dot(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }
func round6(x float64) float64 { return math.Round(x*1e6) / 1e6 }

// ratesBySource is the out-of-fold share of each source's articles that
// warn or fail at thresholds t (with the hold on fails without a finding
// at warning or above).
func (m *Model) ratesBySource(exs []Example, reported []float64, res []*analysis.Result) []SourceRate {
	t := m.Thresholds
	by := map[string]*SourceRate{}
	var keys []string
	for i, e := range exs {
		key := e.Source
		if e.Style != "" {
			key += ":" + e.Style
		}
		r := by[key]
		if r == nil {
			r = &SourceRate{Source: key}
			by[key] = r
			keys = append(keys, key)
		}
		r.Articles++
		s := percent(reported[i])
		if s >= t.Fail && !m.HasActionableFinding(res[i]) {
			s = t.Fail - 1
		}
		switch {
		case s >= t.Fail:
			r.Fail++
		case s >= t.Warn:
			r.Warn++
		}
	}
	sort.Strings(keys)
	out := make([]SourceRate, 0, len(keys))
	for _, k := range keys {
		r := by[k]
		r.Warn, r.Fail = round4(r.Warn/float64(r.Articles)), round4(r.Fail/float64(r.Articles))
		out = append(out, *r)
	}
	return out
}
