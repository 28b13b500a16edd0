package score

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
)

func TestEmbeddedModelLoadsWithProvenance(t *testing.T) {
	m, err := DefaultModel()
	if err != nil {
		t.Fatalf("embedded model: %v", err)
	}
	p := m.Provenance
	if p.Data == "" || p.Split == "" || p.Articles == 0 || p.Human == 0 || p.Machine == 0 || p.Command == "" {
		t.Errorf("model provenance incomplete: %+v", p)
	}
	th := m.DefaultThresholds()
	if th.Warn < 1 || th.Fail > 100 || th.Fail < th.Warn {
		t.Errorf("thresholds %+v", th)
	}
	if _, ok := Default().(*Model); !ok {
		t.Error("Default() is not the fitted model")
	}
}

func TestLoadRejectsBrokenFiles(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"notjson.json": "{",
		"format.json":  `{"format": 99}`,
		"empty.json":   `{"format": 3}`,
		"v2.json":      `{"format": 2}`,
		"old.json":     `{"format": 1}`,
	} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Load(path); err == nil {
			t.Errorf("Load(%s) accepted a broken model", name)
		}
	}
	if _, err := Load(filepath.Join(dir, "missing.json")); err == nil {
		t.Error("Load of a missing file succeeded")
	}
}

func TestModelRoundTripsThroughJSON(t *testing.T) {
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "m.json")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	m2, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	res := article("The minister said on Tuesday that the budget would be published in March.", nil)
	res2 := article(res.Text, nil)
	m.Score(res, m.DefaultThresholds())
	m2.Score(res2, m2.DefaultThresholds())
	if res.Score != res2.Score || res.Dimensions != res2.Dimensions {
		t.Errorf("reloaded model scores differently: %d %+v vs %d %+v", res.Score, res.Dimensions, res2.Score, res2.Dimensions)
	}
}

// article is an analysed-looking result with the given findings.
func article(text string, fs []analysis.Finding) *analysis.Result {
	return &analysis.Result{ID: "a", Text: text, Words: 300, ProseWords: 300, Findings: fs, Features: map[string]float64{}}
}

func TestErrorFindingIsDecisiveEvenWhereDataHasNone(t *testing.T) {
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	th := m.DefaultThresholds()
	text := "The council met on Monday. Its chair, Ann Morley, said the vote would be held next week."

	plain := article(text, nil)
	m.Score(plain, th)

	residue := article(text+"\nAs an AI language model, I cannot browse the internet.", []analysis.Finding{
		{Rule: "BP900", Dimension: analysis.Boilerplate, Severity: analysis.Error},
	})
	m.Score(residue, th)
	if residue.Dimensions.Boilerplate < m.Floors.ErrorFinding || residue.Verdict != analysis.VerdictFail || residue.Score < th.Fail {
		t.Errorf("chatbot residue: boilerplate %d, overall %d, verdict %s; want >= %d and fail",
			residue.Dimensions.Boilerplate, residue.Score, residue.Verdict, m.Floors.ErrorFinding)
	}

	invented := article(text, []analysis.Finding{{Rule: "FB900", Dimension: analysis.Fabrication, Severity: analysis.Error}})
	m.Score(invented, th)
	if invented.Dimensions.Fabrication < 90 || invented.Verdict != analysis.VerdictFail {
		t.Errorf("error fabrication finding: fabrication %d verdict %s", invented.Dimensions.Fabrication, invented.Verdict)
	}
	if plain.Verdict == analysis.VerdictFail || plain.Score >= residue.Score {
		t.Errorf("plain article %d (%s) not below the one with residue %d", plain.Score, plain.Verdict, residue.Score)
	}

	// Warnings alone never trigger the floor.
	warned := article(text, []analysis.Finding{{Rule: "TP900", Dimension: analysis.Templated, Severity: analysis.Warning}})
	a := m.Assess(warned, th.Fail)
	if len(a.Floored) != 0 {
		t.Errorf("a warning was treated as decisive: %v", a.Floored)
	}
}

func TestFailedResultIsLeftAlone(t *testing.T) {
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	res := &analysis.Result{ID: "x", Error: "unreadable"}
	m.Score(res, m.DefaultThresholds())
	if res.Score != 0 || res.Verdict != "" {
		t.Errorf("failed result scored: %+v", res)
	}
}

func TestFitLogisticRecoversKnownWeights(t *testing.T) {
	// y ~ Bernoulli(σ(2·x1 − 1·x2 + 0.5)): the fit must find about those.
	rng := rand.New(rand.NewPCG(1, 2))
	var x [][]float64
	var y []bool
	for range 20000 {
		x1, x2 := rng.NormFloat64(), rng.NormFloat64()
		x = append(x, []float64{x1, x2})
		y = append(y, rng.Float64() < sigmoid(2*x1-x2+0.5))
	}
	w, b, err := fitLogistic(x, y, 1e-6)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(w[0]-2) > 0.15 || math.Abs(w[1]+1) > 0.1 || math.Abs(b-0.5) > 0.1 {
		t.Errorf("w=%v b=%v, want about [2 -1] 0.5", w, b)
	}
	// Stronger regularisation shrinks the weights.
	w2, _, _ := fitLogistic(x, y, 1)
	if math.Abs(w2[0]) >= math.Abs(w[0]) {
		t.Errorf("lambda=1 did not shrink: %v vs %v", w2, w)
	}
	if _, _, err := fitLogistic(x[:10], make([]bool, 10), 1); err == nil {
		t.Error("fit with one label succeeded")
	}
}

func TestPlattCalibratesMargins(t *testing.T) {
	// Margins twice too confident: Platt should find a ≈ 0.5.
	rng := rand.New(rand.NewPCG(3, 4))
	var m []float64
	var y []bool
	for range 20000 {
		z := 3 * rng.NormFloat64()
		m = append(m, 2*z)
		y = append(y, rng.Float64() < sigmoid(z))
	}
	a, c, err := fitPlatt(m, y, nil)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(a-0.5) > 0.05 || math.Abs(c) > 0.1 {
		t.Errorf("platt a=%v c=%v, want 0.5 and 0", a, c)
	}
}

func TestThresholdFlagging(t *testing.T) {
	// 100 human scores 0..99: at most 5% flagged means t = 95 (95..99).
	var s []int
	for i := range 100 {
		s = append(s, i)
	}
	if got := thresholdFlagging(s, 0.05); got != 95 {
		t.Errorf("5%% threshold = %d, want 95", got)
	}
	if got := thresholdFlagging(s, 0.01); got != 99 {
		t.Errorf("1%% threshold = %d, want 99", got)
	}
}

func TestFindingWeightsNeverLowerAScore(t *testing.T) {
	// A rule that fires only on human articles (a quirk of one source) must
	// not become evidence of human writing.
	rng := rand.New(rand.NewPCG(5, 6))
	var exs []Example
	for i := range 400 {
		machine := i%3 == 0
		res := &analysis.Result{ID: string(rune('a'+i%26)) + string(rune('a'+i/26)), Words: 400, ProseWords: 400, Features: map[string]float64{}}
		res.Features["style.signal"] = rng.NormFloat64()
		if machine {
			res.Features["style.signal"] += 2
		}
		if !machine && i%2 == 0 {
			res.Findings = append(res.Findings, analysis.Finding{Rule: "TP777", Dimension: analysis.Templated, Severity: analysis.Warning})
		}
		if machine && i%2 == 0 {
			res.Findings = append(res.Findings, analysis.Finding{Rule: "TP778", Dimension: analysis.Templated, Severity: analysis.Warning})
		}
		exs = append(exs, Example{ID: res.ID, Machine: machine, Result: res})
	}
	// An article an analyzer failed on is left out and counted.
	exs = append(exs, Example{ID: "failed", Machine: false, Result: &analysis.Result{ID: "failed", Error: "analyzer x: boom"}})
	m, err := Train(exs, DefaultTrainOptions())
	if err != nil {
		t.Fatal(err)
	}
	if m.Provenance.Skipped != 1 || m.Provenance.Articles != 400 {
		t.Errorf("skipped %d of %d articles, want 1 of 400 kept", m.Provenance.Skipped, m.Provenance.Articles)
	}
	dm := m.Dimensions["templated"]
	for i, r := range dm.Rules {
		if dm.Weights[i] < 0 {
			t.Errorf("rule %s has negative weight %v", r, dm.Weights[i])
		}
	}
	if !slices.Contains(dm.Rules, "TP778") || !slices.Contains(dm.Rules, RuleStyleProfile) {
		t.Errorf("templated model reads %v, want TP778 and the style profile", dm.Rules)
	}
	for _, w := range append(m.Overall.Weights, m.Overall.Beyond...) {
		if w < 0 {
			t.Errorf("overall weights %v %v: a dimension lowered the score", m.Overall.Weights, m.Overall.Beyond)
		}
	}
	// The human-only rule, present, cannot lower a score.
	base := article("x", nil)
	with := article("x", []analysis.Finding{{Rule: "TP777", Dimension: analysis.Templated, Severity: analysis.Info}})
	if a, b := m.Assess(base, 100), m.Assess(with, 100); b.Overall < a.Overall || b.Dimensions[analysis.Templated] < a.Dimensions[analysis.Templated] {
		t.Errorf("a human-only finding lowered the score: %+v vs %+v", b, a)
	}
	if m.Metrics.AUROC < 0.85 {
		t.Errorf("oof AUROC %v on an easy synthetic set", m.Metrics.AUROC)
	}
}

func TestEvidenceIsFindingDensitiesAndSignalStrengths(t *testing.T) {
	res := &analysis.Result{Words: 500, ProseWords: 500, Features: map[string]float64{"templated.stock": 3},
		Findings: []analysis.Finding{
			{Rule: "TP001", Dimension: analysis.Templated, Severity: analysis.Warning},
			{Rule: "TP001", Dimension: analysis.Templated, Severity: analysis.Warning},
			{Rule: "BP003", Dimension: analysis.Boilerplate, Severity: analysis.Info, OutsideMain: true},
			{Rule: "TP012", Dimension: analysis.Templated, Severity: analysis.Info, Strength: -1.5},
		},
	}
	ev := EvidenceOf(res, map[string]bool{"TP012": true})
	// 2 findings in 500 words = 4 per 1,000 words → log(5).
	if got := ev["TP001"]; math.Abs(got-math.Log(5)) > 1e-9 {
		t.Errorf("TP001 = %v, want log 5", got)
	}
	if ev["TP012"] != -1.5 {
		t.Errorf("signal strength %v, want -1.5", ev["TP012"])
	}
	if _, ok := ev["BP003"]; ok {
		t.Error("furniture outside the main text was counted")
	}
	if _, ok := ev["templated.stock"]; ok || len(ev) != 2 {
		t.Errorf("evidence %v: only findings count", ev)
	}
}

func TestNoEvidenceScoresEachDimensionsBase(t *testing.T) {
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	th := m.DefaultThresholds()
	// Statistics without findings (what a rule the user disabled leaves)
	// move nothing.
	res := article("The council met on Monday.", nil)
	res.Features = map[string]float64{"style.mattr": 0.99, "templated.vocab_weight_per_1k": 500, "attribution.vague_per_1k": 40}
	m.Score(res, th)
	for _, d := range analysis.Dimensions {
		if got, want := res.Dimensions.Get(d), percent(m.Dimensions[string(d)].Base()); got != want {
			t.Errorf("%s = %d with no evidence, want its base %d", d, got, want)
		}
	}
	if res.Score != percent(m.Base()) {
		t.Errorf("overall %d with no evidence, want the base %d", res.Score, percent(m.Base()))
	}
}

func TestOverallRisesWithEveryDimension(t *testing.T) {
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	base := m.Assess(article("x", nil), 100).Overall
	for _, d := range analysis.Dimensions {
		dm := m.Dimensions[string(d)]
		if len(dm.Rules) == 0 {
			continue
		}
		// The dimension's most heavily weighted rule, many times over.
		best := 0
		for i, w := range dm.Weights {
			if w > dm.Weights[best] {
				best = i
			}
		}
		f := analysis.Finding{Rule: dm.Rules[best], Dimension: d, Severity: analysis.Info}
		if m.SignalRules()[f.Rule] {
			f.Strength = 8
		}
		fs := []analysis.Finding{f}
		if !m.SignalRules()[f.Rule] {
			for range 20 {
				fs = append(fs, f)
			}
		}
		a := m.Assess(article("x", fs), 100)
		if a.Dimensions[d] <= dm.Base() {
			t.Errorf("%s: evidence on %s left it at %v", d, f.Rule, a.Dimensions[d])
		}
		if dm.Weights[best] > 0 && a.Overall <= base {
			t.Errorf("%s far outside the human range (%s) did not raise the overall score: %v <= %v", d, f.Rule, a.Overall, base)
		}
	}
}

func TestStatisticsAloneCannotFail(t *testing.T) {
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	th := m.DefaultThresholds()
	var fs []analysis.Finding
	for _, s := range m.Signals {
		f := SignalFinding(s, s.HumanPercentiles[100]+20)
		fs = append(fs, f)
	}
	res := article("x", fs)
	m.Score(res, th)
	if res.Verdict == analysis.VerdictFail || res.Score >= th.Fail {
		t.Errorf("signals alone failed an article: %d %s", res.Score, res.Verdict)
	}
	if res.Verdict != analysis.VerdictWarn || len(res.Notes) == 0 {
		t.Errorf("extreme signals: %d %s %v, want a warn with a note", res.Score, res.Verdict, res.Notes)
	}
	// With one concrete warning beside them, it may fail.
	res = article("x", append(fs, analysis.Finding{Rule: "TP001", Dimension: analysis.Templated, Severity: analysis.Warning}))
	m.Score(res, th)
	if res.Verdict != analysis.VerdictFail {
		t.Errorf("extreme signals and a warning: %d %s", res.Score, res.Verdict)
	}
}

func TestSignalStandingAmongHumans(t *testing.T) {
	s := &Signal{Rule: "X", Kind: SignalLinear, HumanPercentiles: percentiles([]float64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10})}
	if s.Median() != 5 {
		t.Errorf("median %v", s.Median())
	}
	for _, c := range []struct{ margin, below float64 }{{-1, 0}, {0, 0}, {5, 0.5}, {7.5, 0.75}, {11, 1}} {
		if got := s.HumanShareBelow(c.margin); math.Abs(got-c.below) > 1e-9 {
			t.Errorf("HumanShareBelow(%v) = %v, want %v", c.margin, got, c.below)
		}
	}
	if s.Beyond99(9.8) || !s.Beyond99(10.5) {
		t.Error("Beyond99 is off")
	}
	if f := SignalFinding(s, 10.5); f.Severity != analysis.Warning || f.Strength != 5.5 {
		t.Errorf("finding past the human range: %+v", f)
	}
	if f := SignalFinding(s, 2); f.Severity != analysis.Info || f.Strength != -3 {
		t.Errorf("finding inside the human range: %+v", f)
	}
}

func TestWarningsRaiseOnlyTheirDimension(t *testing.T) {
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	th := m.DefaultThresholds()
	text := "The council met on Monday. Its chair said the vote would be held next week."
	var fs []analysis.Finding
	for range 3 {
		fs = append(fs, analysis.Finding{Rule: "BP901", Dimension: analysis.Boilerplate, Severity: analysis.Warning})
	}
	chrome := article(text, fs)
	m.Score(chrome, th)
	// Three warnings: 1 − 0.6³ = 0.784.
	if chrome.Dimensions.Boilerplate < 78 || chrome.Dimensions.Boilerplate > m.Floors.WarningCap {
		t.Errorf("boilerplate with 3 warnings = %d, want 78..%d", chrome.Dimensions.Boilerplate, m.Floors.WarningCap)
	}
	// The overall score is the fitted model's, never lifted by warnings.
	a := m.Assess(chrome, th.Fail)
	if len(a.Floored) != 0 || a.Overall != a.Fitted {
		t.Errorf("warnings lifted the overall score: %+v", a)
	}
}

func TestEmptyArticleScoresWithoutPanicking(t *testing.T) {
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	res := &analysis.Result{ID: "empty"}
	m.Score(res, m.DefaultThresholds())
	if res.Score < 0 || res.Score > 100 || res.Verdict == "" {
		t.Errorf("empty article: %d %q", res.Score, res.Verdict)
	}
	// The interim scorer still works through the same helper.
	if got := Measure(severityWeight{}, article("x", []analysis.Finding{{Dimension: analysis.Templated, Severity: analysis.Warning}}), Thresholds{Warn: 40, Fail: 70}); got.Score != 12 || got.Verdict != analysis.VerdictPass {
		t.Errorf("severity scorer: %+v, want 12 and pass", got)
	}
}

func TestLayoutSensitiveFindsFormattingFeatures(t *testing.T) {
	var orig, flat []*analysis.Result
	for i := range 50 {
		o := &analysis.Result{Words: 400, ProseWords: 400, Features: map[string]float64{
			"style.para_len_mean": float64(40 + i%7), // moves when paragraphs are joined
			"style.mattr":         0.7 + float64(i%5)/100,
			"style.rare":          0,
		}}
		f := &analysis.Result{Words: 400, ProseWords: 400, Features: map[string]float64{
			"style.para_len_mean": 400,
			"style.mattr":         o.Features["style.mattr"],
			"style.rare":          0,
		}}
		if i == 0 { // one odd article out does not make a feature layout-driven
			o.Features["style.rare"] = 1
		}
		orig, flat = append(orig, o), append(flat, f)
	}
	got := LayoutSensitive(orig, flat)
	if len(got) != 1 || got[0] != "style.para_len_mean" {
		t.Errorf("LayoutSensitive = %v, want [style.para_len_mean]", got)
	}
}

func TestShortTextsCannotFailOnStatisticsAlone(t *testing.T) {
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	th := m.DefaultThresholds()
	// A two-sentence blurb dense with figures and stock words: the fitted
	// model alone would put it high.
	text := "Additionally, the comprehensive initiative underscores 41,200 residents' resilience. It is a testament to 12 councils."
	res := &analysis.Result{Text: text, Words: 15, ProseWords: 15, Findings: []analysis.Finding{}}
	m.Score(res, th)
	if res.Score >= th.Fail || res.Verdict == analysis.VerdictFail {
		t.Fatalf("15-word text failed on statistics: %d %s", res.Score, res.Verdict)
	}
	// Two words say nothing: the score sits at the base rate, a pass.
	tiny := &analysis.Result{Text: "hello world", Words: 2, ProseWords: 2, Findings: []analysis.Finding{}}
	m.Score(tiny, th)
	if tiny.Verdict != analysis.VerdictPass || tiny.Dimensions.Templated >= th.Warn {
		t.Fatalf("two words: %d %s %+v", tiny.Score, tiny.Verdict, tiny.Dimensions)
	}
	// Decisive evidence still fails it.
	res = &analysis.Result{Text: text, Words: 15, ProseWords: 15, Findings: []analysis.Finding{
		{Rule: "BP014", Dimension: analysis.Boilerplate, Severity: analysis.Error, Text: "As an AI language model"},
	}}
	m.Score(res, th)
	if res.Verdict != analysis.VerdictFail {
		t.Fatalf("error finding on a short text: %d %s", res.Score, res.Verdict)
	}
}

// TestReferenceEvidenceRaisesToWarn: two findings that rest on reference
// coverage lift a plain article to warn, never to fail; one does not, nor
// do findings without references or outside the main text.
func TestReferenceEvidenceRaisesToWarn(t *testing.T) {
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	th := m.DefaultThresholds()
	text := strings.Repeat("The council met on Tuesday and agreed the budget for next year. ", 30)
	ref := []analysis.Reference{{ID: "wire-1", Source: "wire", Similarity: 0.8}}
	absent := func(at int, refs []analysis.Reference, outside bool) analysis.Finding {
		return analysis.Finding{Rule: "FB007", Dimension: analysis.Fabrication, Severity: analysis.Warning,
			Start: at, End: at + 5, References: refs, OutsideMain: outside}
	}
	cases := []struct {
		name string
		fs   []analysis.Finding
		want analysis.Verdict
	}{
		{"two findings on the coverage", []analysis.Finding{absent(0, ref, false), absent(70, ref, false)}, analysis.VerdictWarn},
		{"one finding on the coverage", []analysis.Finding{absent(0, ref, false)}, analysis.VerdictPass},
		{"two findings without references", []analysis.Finding{absent(0, nil, false), absent(70, nil, false)}, analysis.VerdictPass},
		{"two outside the main text", []analysis.Finding{absent(0, ref, true), absent(70, ref, true)}, analysis.VerdictPass},
	}
	for _, c := range cases {
		res := article(text, c.fs)
		m.Score(res, th)
		if res.Verdict != c.want {
			t.Errorf("%s: verdict %s (score %d), want %s", c.name, res.Verdict, res.Score, c.want)
		}
	}
}
