package boilerplate

import (
	"bufio"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/optimize"
	"gonum.org/v1/gonum/stat"

	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/evalset"
	"github.com/copydesk/copydesk/internal/testutil"
)

var update = flag.Bool("update", false, "rewrite data/line_model.tsv from TestFitLineModel")

// example is one line the classifier would see, with its label.
type example struct {
	text   string
	x      lineFeatures
	chrome bool
	weight float64
}

// fixtureLines reads a POS<TAB>line file (testdata/fit, testdata/heldout)
// into classifier inputs, skipping lines the pattern lists already catch
// (the classifier never sees those at run time).
func fixtureLines(t testing.TB, path string, chrome bool, r *resources) []example {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []example
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := sc.Text()
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		pos, text, ok := strings.Cut(l, "\t")
		if !ok {
			t.Fatalf("%s: no tab in %q", path, l)
		}
		if _, matched := r.lex.matchLine(textLine{text: text, end: len(text)}); matched {
			continue
		}
		idx, n := 5, 20 // middle
		switch pos {
		case "^":
			idx = 0
		case "$":
			idx = 19
		}
		x, info := extractLineFeatures(text, idx, n, r.vocab)
		if !info.scored() {
			continue
		}
		out = append(out, example{text: text, x: x, chrome: chrome, weight: 1})
	}
	return out
}

// articleLines returns the classifier inputs of one article's candidate
// lines, exactly as scanDocument builds them.
func articleLines(text string, r *resources) []lineFeatures {
	doc := document.New("", text)
	lines := nonBlankLines(doc)
	var out []lineFeatures
	for i, l := range lines {
		if _, matched := r.lex.matchLine(l); matched {
			continue
		}
		x, info := extractLineFeatures(l.text, i, len(lines), r.vocab)
		if !info.scored() {
			continue
		}
		out = append(out, x)
	}
	return out
}

// fitLogistic fits an L2-regularised, class-weighted logistic regression
// with gonum's BFGS and returns bias and weights.
func fitLogistic(ex []example, lambda float64) (float64, lineFeatures, error) {
	const d = len(lineFeatures{})
	// The loss is a weighted mean so the gradient threshold means the same
	// whatever the number of examples.
	total := 0.0
	for _, e := range ex {
		total += e.weight
	}
	lambda /= total
	fn := func(w []float64) float64 {
		var loss float64
		for _, e := range ex {
			z := w[d] + floats.Dot(w[:d], e.x[:])
			// log(1+exp(z)) computed stably.
			lse := math.Max(z, 0) + math.Log1p(math.Exp(-math.Abs(z)))
			if e.chrome {
				loss += e.weight * (lse - z)
			} else {
				loss += e.weight * lse
			}
		}
		return loss/total + lambda/2*floats.Dot(w[:d], w[:d])
	}
	grad := func(g, w []float64) {
		for i := range g {
			g[i] = 0
		}
		for _, e := range ex {
			z := w[d] + floats.Dot(w[:d], e.x[:])
			p := 1 / (1 + math.Exp(-z))
			y := 0.0
			if e.chrome {
				y = 1
			}
			floats.AddScaled(g[:d], e.weight*(p-y)/total, e.x[:])
			g[d] += e.weight * (p - y) / total
		}
		floats.AddScaled(g[:d], lambda, w[:d])
	}
	res, err := optimize.Minimize(optimize.Problem{Func: fn, Grad: grad}, make([]float64, d+1), nil, &optimize.BFGS{})
	if err != nil {
		// A failed line search near the optimum still leaves the best
		// point found; accept it when the gradient there is flat.
		g := make([]float64, d+1)
		if res == nil {
			return 0, lineFeatures{}, err
		}
		grad(g, res.X)
		if n := floats.Norm(g, 2); n > 1e-4 {
			return 0, lineFeatures{}, fmt.Errorf("%w (gradient norm %.2g)", err, n)
		}
	}
	var w lineFeatures
	copy(w[:], res.X[:d])
	return res.X[d], w, nil
}

// lineModelTrainingSet gathers the fitting examples: fixture positives,
// fixture negatives and every candidate line of the eval TRAIN split's human
// articles. Classes are weighted to equal total weight.
func lineModelTrainingSet(t *testing.T, r *resources) (ex []example, humanArticles [][]lineFeatures) {
	pos := fixtureLines(t, "testdata/fit/residue_lines.txt", true, r)
	neg := fixtureLines(t, "testdata/fit/news_lines.txt", false, r)
	for _, a := range evalset.Filter(testutil.News(t), "train", "human") {
		xs := articleLines(a.Text, r)
		humanArticles = append(humanArticles, xs)
		for _, x := range xs {
			neg = append(neg, example{text: "(eval train line)", x: x, weight: 1})
		}
	}
	wp := float64(len(neg)) / float64(len(pos))
	for i := range pos {
		pos[i].weight = wp
	}
	return append(pos, neg...), humanArticles
}

// TestFitLineModel refits the line classifier and checks data/line_model.tsv
// is what the fit gives (run with -update to rewrite it):
//
//	go test ./internal/features/boilerplate -run TestFitLineModel -update
//
// The threshold is set just above the best-scoring news line the fit saw
// (precision first: an editor should not have to second-guess BP017).
// Test-split articles are never read here.
func TestFitLineModel(t *testing.T) {
	r, err := loadResources()
	if err != nil {
		t.Fatal(err)
	}
	ex, humanArticles := lineModelTrainingSet(t, r)
	bias, w, err := fitLogistic(ex, lineModelL2)
	if err != nil {
		t.Fatal(err)
	}
	m := &lineModel{bias: bias, weights: w}
	// Precision first: the threshold sits just above the highest score of
	// any news line the fit saw (fixture headings and bylines, TRAIN human
	// lines), and never below 0.5.
	highest, highestText := 0.0, ""
	for _, e := range ex {
		if s := m.score(e.x); !e.chrome && s > highest {
			highest, highestText = s, e.text
		}
	}
	t.Logf("best-scoring news line %.3f: %q", highest, highestText)
	m.threshold = math.Max(0.5, math.Ceil((highest+1e-9)*100)/100)
	var maxima []float64
	for _, xs := range humanArticles {
		best := 0.0
		for _, x := range xs {
			best = math.Max(best, m.score(x))
		}
		maxima = append(maxima, best)
	}
	sort.Float64s(maxima)
	t.Logf("TRAIN human articles: 99.5th percentile of the best line score %.3f",
		stat.Quantile(0.995, stat.Empirical, maxima, nil))
	var pos, neg int
	for _, e := range ex {
		if e.chrome {
			pos++
		} else {
			neg++
		}
	}
	got := formatLineModel(m, pos, neg, len(humanArticles))
	path := filepath.Join("data", "line_model.tsv")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", path)
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(want) != got {
		t.Errorf("%s is stale; rerun with -update. Fit gives:\n%s", path, got)
	}
	t.Logf("fit on %d chrome and %d news lines:\n%s", pos, neg, got)
}

// lineModelL2 is the ridge penalty of the fit (on the summed loss).
const lineModelL2 = 0.1

func formatLineModel(m *lineModel, pos, neg, articles int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Line classifier (logistic regression), written by:\n")
	fmt.Fprintf(&b, "#   go test ./internal/features/boilerplate -run TestFitLineModel -update\n")
	fmt.Fprintf(&b, "# Fitted on %d chrome lines (testdata/fit/residue_lines.txt) against %d news lines\n", pos, neg)
	fmt.Fprintf(&b, "# (testdata/fit/news_lines.txt and the candidate lines of %d eval TRAIN human articles),\n", articles)
	fmt.Fprintf(&b, "# classes weighted equally, L2 penalty %g, gonum BFGS. threshold: see fit_test.go.\n", lineModelL2)
	fmt.Fprintf(&b, "bias\t%.4f\nthreshold\t%.3f\n", m.bias, m.threshold)
	for i, n := range lineFeatureNames {
		fmt.Fprintf(&b, "%s\t%.4f\n", n, m.weights[i])
	}
	return b.String()
}

// TestLineClassifierHeldOut measures the fitted classifier on lines it was
// not fitted on: recall on held-out chrome, false positives on held-out
// news lines.
func TestLineClassifierHeldOut(t *testing.T) {
	r, err := loadResources()
	if err != nil {
		t.Fatal(err)
	}
	pos := fixtureLines(t, "testdata/heldout/residue_lines.txt", true, r)
	neg := fixtureLines(t, "testdata/heldout/news_lines.txt", false, r)
	hit, fp := 0, 0
	for _, e := range pos {
		if s := r.model.score(e.x); s >= r.model.threshold {
			hit++
		} else {
			t.Logf("chrome line missed, score %.2f: %s", s, e.text)
		}
	}
	for _, e := range neg {
		if s := r.model.score(e.x); s >= r.model.threshold {
			fp++
			t.Logf("news line scored %.2f: %s", s, e.text)
		}
	}
	recall := float64(hit) / float64(len(pos))
	t.Logf("held-out chrome recall %d/%d = %.2f; news false positives %d/%d", hit, len(pos), recall, fp, len(neg))
	if recall < 0.6 {
		t.Errorf("held-out recall %.2f < 0.6", recall)
	}
	if fp > 0 {
		t.Errorf("%d held-out news lines scored as chrome", fp)
	}
}

// matchLine checks one line against the line, label and prefix patterns,
// as scanDocument does.
func (lx *lexicon) matchLine(l textLine) (candidate, bool) {
	return lx.matchNormLine(l, normalizeLine(lineHead(l.text)))
}
