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
	"github.com/copydesk/copydesk/internal/score/metrics"
)

// Example is one labelled, analysed article for fitting or evaluation.
type Example struct {
	ID        string
	Machine   bool
	Generator string
	Source    string           // publisher or data set, for per-source figures
	Result    *analysis.Result // with Text kept
}

// TrainOptions control fitting.
type TrainOptions struct {
	// Folds for cross-validation (calibration, stacking, lambda choice).
	Folds int
	// Lambdas are the L2 strengths tried for each sub-model; the one with
	// the lowest out-of-fold log loss is kept.
	Lambdas []float64
	// NoLexical leaves the lexical profile out (to measure what it earns).
	NoLexical bool
	// Exclude names features the models must not read: those that measure
	// how a data set was formatted rather than how an article was written
	// (see LayoutSensitive).
	Exclude []string
	// Provenance is copied into the model (Articles, Human, Machine and
	// Folds are filled in).
	Provenance Provenance
}

// DefaultTrainOptions are the settings the committed model was fitted with.
func DefaultTrainOptions() TrainOptions {
	return TrainOptions{Folds: 5, Lambdas: []float64{0.003, 0.01, 0.03, 0.1, 0.3}}
}

// defaultBlend is the share of the overall score taken from the mean
// dimension score: enough to order articles the overall model is equally
// sure of by the problems they show, small enough that the score still
// reads as a probability (it moves by at most 10 points).
const defaultBlend = 0.1

// Default floors: an error-severity finding is decisive.
var defaultFloors = Floors{ErrorFinding: 90, Contradicted: 95, WarningStep: 0.4, WarningCap: 85}

// Train fits a model on exs. It is deterministic: folds come from a hash of
// each article's ID, and every fit starts from the same point.
func Train(exs []Example, opts TrainOptions) (*Model, error) {
	if opts.Folds < 2 {
		opts.Folds = 5
	}
	// An article an analyzer failed on has partial features: leave it out
	// rather than teach the model that missing evidence looks human.
	var usable []Example
	skipped := 0
	for _, e := range exs {
		if e.Result != nil && e.Result.Failed() {
			skipped++
			continue
		}
		usable = append(usable, e)
	}
	exs = usable
	if len(opts.Lambdas) == 0 {
		opts.Lambdas = DefaultTrainOptions().Lambdas
	}
	y := make([]bool, len(exs))
	fold := make([]int, len(exs))
	var nm int
	for i, e := range exs {
		if e.Result == nil {
			return nil, fmt.Errorf("example %s has no analysis result", e.ID)
		}
		y[i] = e.Machine
		fold[i] = foldOf(e.ID, opts.Folds)
		if e.Machine {
			nm++
		}
	}
	if nm == 0 || nm == len(exs) {
		return nil, errors.New("train: need both human and machine articles")
	}

	oofLex, lexical, err := stackLexical(exs, y, fold, opts)
	if err != nil {
		return nil, err
	}
	vecs := make([]map[string]float64, len(exs))
	ruleDim := map[string]analysis.Dimension{}
	for i, e := range exs {
		vecs[i] = Vector(e.Result)
		vecs[i][lexicalFeature] = oofLex[i]
		for _, f := range e.Result.Findings {
			ruleDim[f.Rule] = f.Dimension
		}
	}
	for _, name := range opts.Exclude {
		for _, v := range vecs {
			delete(v, name)
		}
	}
	feats := featureStats(vecs, ruleDim)

	m := &Model{
		Format:     modelFormat,
		Provenance: opts.Provenance,
		Features:   feats,
		Dimensions: map[string]*SubModel{},
		Lexical:    lexical,
		Floors:     defaultFloors,
		Blend:      defaultBlend,
	}
	m.Provenance.Articles, m.Provenance.Machine, m.Provenance.Human = len(exs), nm, len(exs)-nm
	m.Provenance.Folds = opts.Folds
	m.Provenance.Skipped = skipped
	m.Excluded = append([]string{}, opts.Exclude...)
	sort.Strings(m.Excluded)
	m.Metrics.LexicalAUROC = round4(metrics.AUROC(oofLex, y))
	m.Metrics.Dimensions = map[string]float64{}

	var all []string
	for _, f := range feats {
		all = append(all, f.Name)
	}
	overall, oofOverall, err := fitSubModel(all, feats, vecs, y, fold, opts)
	if err != nil {
		return nil, fmt.Errorf("overall model: %w", err)
	}
	m.Overall = *overall
	oofDims := map[analysis.Dimension][]float64{}
	for _, d := range analysis.Dimensions {
		var names []string
		for _, f := range feats {
			if f.Dimension == string(d) {
				names = append(names, f.Name)
			}
		}
		sub, oof, err := fitSubModel(names, feats, vecs, y, fold, opts)
		if err != nil {
			return nil, fmt.Errorf("%s model: %w", d, err)
		}
		m.Dimensions[string(d)] = sub
		oofDims[d] = oof
		m.Metrics.Dimensions[string(d)] = sub.OOFAUROC
	}

	// The reported score blends in the dimensions and their evidence
	// floors; measure and set thresholds on that, out of fold. The lift to
	// the fail threshold is left out here (it needs the threshold).
	for i, e := range exs {
		a := m.combine(oofOverall[i], map[analysis.Dimension]float64{
			analysis.Boilerplate: oofDims[analysis.Boilerplate][i],
			analysis.Templated:   oofDims[analysis.Templated][i],
			analysis.Attribution: oofDims[analysis.Attribution][i],
			analysis.Fabrication: oofDims[analysis.Fabrication][i],
		}, e.Result, 0)
		oofOverall[i] = a.Overall
	}
	m.Metrics.AUROC = round4(metrics.AUROC(oofOverall, y))
	m.Metrics.AveragePrecision = round4(metrics.AveragePrecision(oofOverall, y))
	m.Metrics.TPRAt1FPR = round4(metrics.AtFPR(oofOverall, y, 0.01).TPR)
	m.Metrics.TPRAt5FPR = round4(metrics.AtFPR(oofOverall, y, 0.05).TPR)
	var humanScores []int
	for i, p := range oofOverall {
		if !y[i] {
			humanScores = append(humanScores, percent(p))
		}
	}
	m.Thresholds.Warn = thresholdFlagging(humanScores, 0.05)
	m.Thresholds.Fail = max(thresholdFlagging(humanScores, 0.01), m.Thresholds.Warn)
	if err := m.prepare(); err != nil {
		return nil, fmt.Errorf("fitted model is inconsistent: %w", err)
	}
	return m, nil
}

// lexicalLambda was chosen by out-of-fold AUROC on the training split (the
// profile is flat for lambda <= 1e-4 and falls above); lexicalMinDocs keeps
// n-grams seen in at least that many training articles.
const (
	lexicalLambda  = 3e-5
	lexicalMinDocs = 3
)

// stackLexical fits the lexical profile on every article, and returns each
// article's profile from a fit on the other folds: the stacked models must
// see the profile as it behaves on unseen text. With opts.NoLexical the
// profile is empty and every value 0 (a constant feature, dropped later).
func stackLexical(exs []Example, y []bool, fold []int, opts TrainOptions) ([]float64, *Lexical, error) {
	oof := make([]float64, len(exs))
	if opts.NoLexical {
		return oof, &Lexical{Buckets: lexicalBuckets, IDs: []uint32{}, Weights: []float64{}}, nil
	}
	grams := make([][]uint32, len(exs))
	for i, e := range exs {
		grams[i] = ngramIDs(e.Result.Text, lexicalBuckets)
	}
	for k := 0; k < opts.Folds; k++ {
		var tr [][]uint32
		var ty []bool
		for i := range exs {
			if fold[i] != k {
				tr = append(tr, grams[i])
				ty = append(ty, y[i])
			}
		}
		lx, err := fitLexical(tr, ty, lexicalLambda, lexicalMinDocs)
		if err != nil {
			return nil, nil, err
		}
		for i := range exs {
			if fold[i] == k {
				oof[i] = lx.Profile(grams[i])
			}
		}
	}
	lexical, err := fitLexical(grams, y, lexicalLambda, lexicalMinDocs)
	return oof, lexical, err
}

// foldOf assigns an article to a cross-validation fold by its ID.
func foldOf(id string, folds int) int {
	h := fnv.New32a()
	h.Write([]byte(id))
	return int(h.Sum32() % uint32(folds))
}

// featureStats lists every feature that varies across the training
// articles, sorted by name, with its mean and standard deviation.
func featureStats(vecs []map[string]float64, ruleDim map[string]analysis.Dimension) []FeatureStat {
	names := map[string]bool{}
	for _, v := range vecs {
		for k := range v {
			names[k] = true
		}
	}
	var out []FeatureStat
	col := make([]float64, len(vecs))
	for name := range names {
		for i, v := range vecs {
			col[i] = v[name]
		}
		mean, std := stat.MeanStdDev(col, nil)
		if std < 1e-9 || math.IsNaN(std) {
			continue
		}
		out = append(out, FeatureStat{
			Name: name, Dimension: string(dimensionOf(name, ruleDim)),
			Mean: round6(mean), Std: round6(std),
		})
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Name < out[b].Name })
	return out
}

// fitSubModel fits a sub-model, then drops every finding feature whose
// weight came out negative and fits again, until none is: a finding is
// evidence of poor content and must never lower a score, whatever quirk of
// the labelled data (a rule that only fires on one human source) says.
func fitSubModel(names []string, feats []FeatureStat, vecs []map[string]float64, y []bool, fold []int, opts TrainOptions) (*SubModel, []float64, error) {
	for {
		sub, oof, err := fitSubModelOnce(names, feats, vecs, y, fold, opts)
		if err != nil {
			return nil, nil, err
		}
		var keep []string
		for i, name := range sub.Features {
			if sub.Weights[i] < 0 && isFindingFeature(name) {
				continue
			}
			keep = append(keep, name)
		}
		if len(keep) == len(sub.Features) {
			return sub, oof, nil
		}
		names = keep
	}
}

// isFindingFeature reports whether a feature counts findings.
func isFindingFeature(name string) bool {
	return strings.HasPrefix(name, rulePrefix) || strings.HasPrefix(name, dimPrefix)
}

// fitSubModelOnce chooses lambda by out-of-fold log loss, calibrates the
// out-of-fold margins with Platt scaling, and refits on every article. It
// returns the out-of-fold calibrated probabilities too.
func fitSubModelOnce(names []string, feats []FeatureStat, vecs []map[string]float64, y []bool, fold []int, opts TrainOptions) (*SubModel, []float64, error) {
	stats := map[string]FeatureStat{}
	for _, f := range feats {
		stats[f.Name] = f
	}
	x := make([][]float64, len(vecs))
	for i, v := range vecs {
		row := make([]float64, len(names))
		for j, name := range names {
			row[j] = standardise(v[name], stats[name])
		}
		x[i] = row
	}
	if len(names) == 0 {
		// No evidence for this dimension yet: the prior, flat.
		p := 0.0
		for _, v := range y {
			if v {
				p++
			}
		}
		p /= float64(len(y))
		oof := make([]float64, len(y))
		for i := range oof {
			oof[i] = p
		}
		return &SubModel{Features: []string{}, Weights: []float64{}, Intercept: math.Log(p / (1 - p)), PlattA: 1, OOFAUROC: 0.5}, oof, nil
	}

	bestLoss := math.Inf(1)
	var best float64
	var bestOOF []float64
	for _, lambda := range opts.Lambdas {
		oof, err := crossValidate(x, y, fold, opts.Folds, lambda)
		if err != nil {
			return nil, nil, err
		}
		// Log loss of the margins after a quick Platt fit.
		a, c, err := fitPlatt(oof, y)
		if err != nil {
			return nil, nil, err
		}
		loss := 0.0
		for i, mg := range oof {
			loss += logLoss(sigmoid(a*mg+c), y[i])
		}
		if loss < bestLoss {
			bestLoss, best, bestOOF = loss, lambda, oof
		}
	}
	a, c, err := fitPlatt(bestOOF, y)
	if err != nil {
		return nil, nil, err
	}
	w, b, err := fitLogistic(x, y, best)
	if err != nil {
		return nil, nil, err
	}
	sub := &SubModel{Features: names, Weights: make([]float64, len(w)), Intercept: round6(b),
		PlattA: round6(a), PlattC: round6(c), Lambda: best}
	for i := range w {
		sub.Weights[i] = round6(w[i])
	}
	prob := make([]float64, len(bestOOF))
	for i, mg := range bestOOF {
		prob[i] = sigmoid(a*mg + c)
	}
	sub.OOFAUROC = round4(metrics.AUROC(prob, y))
	return sub, prob, nil
}

// crossValidate returns each article's margin from a model fitted on the
// other folds.
func crossValidate(x [][]float64, y []bool, fold []int, folds int, lambda float64) ([]float64, error) {
	oof := make([]float64, len(x))
	for k := 0; k < folds; k++ {
		var tx [][]float64
		var ty []bool
		for i := range x {
			if fold[i] != k {
				tx = append(tx, x[i])
				ty = append(ty, y[i])
			}
		}
		w, b, err := fitLogistic(tx, ty, lambda)
		if err != nil {
			return nil, fmt.Errorf("fold %d: %w", k, err)
		}
		for i := range x {
			if fold[i] == k {
				oof[i] = dot(w, x[i]) + b
			}
		}
	}
	return oof, nil
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
