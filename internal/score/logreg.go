package score

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/optimize"
)

// fitLogistic fits an L2-regularised logistic regression by L-BFGS
// (gonum/optimize): it minimises the mean log loss over rows of x plus
// lambda/2·|w|² (the intercept is not penalised). x should be standardised
// so one lambda suits every feature. It returns the weights and the
// intercept.
func fitLogistic(x [][]float64, y []bool, lambda float64) (w []float64, b float64, err error) {
	return fitWeightedLogistic(x, y, nil, lambda)
}

// fitWeightedLogistic is fitLogistic with a weight per row (nil: all 1):
// the loss is the weighted mean, so a small source can count as much as a
// large one.
func fitWeightedLogistic(x [][]float64, y []bool, rowWeight []float64, lambda float64) (w []float64, b float64, err error) {
	n := len(x)
	if n == 0 {
		return nil, 0, errors.New("fit: no rows")
	}
	d := len(x[0])
	pos := 0
	for _, v := range y {
		if v {
			pos++
		}
	}
	if pos == 0 || pos == n {
		return nil, 0, errors.New("fit: both labels are needed")
	}
	rw, total := rowWeights(rowWeight, n)
	// Parameters: d weights then the intercept.
	eval := func(grad, p []float64) float64 {
		wt, bias := p[:d], p[d]
		loss := 0.0
		clear(grad)
		for i, row := range x {
			m := floats.Dot(wt, row) + bias
			// Log loss in a form that does not overflow for large |m|.
			if y[i] {
				loss += rw[i] * softplus(-m)
			} else {
				loss += rw[i] * softplus(m)
			}
			if grad != nil {
				r := sigmoid(m)
				if y[i] {
					r--
				}
				r *= rw[i] / total
				floats.AddScaled(grad[:d], r, row)
				grad[d] += r
			}
		}
		loss /= total
		loss += lambda / 2 * floats.Dot(wt, wt)
		if grad != nil {
			floats.AddScaled(grad[:d], lambda, wt)
		}
		return loss
	}
	problem := optimize.Problem{
		Func: func(p []float64) float64 { return eval(nil, p) },
		Grad: func(grad, p []float64) { eval(grad, p) },
	}
	init := make([]float64, d+1)
	// Start the intercept at the log prior odds: fewer iterations.
	init[d] = math.Log(float64(pos) / float64(n-pos))
	settings := &optimize.Settings{
		GradientThreshold: 1e-7,
		MajorIterations:   500,
	}
	res, err := optimize.Minimize(problem, init, settings, &optimize.LBFGS{})
	if err != nil && res == nil {
		return nil, 0, fmt.Errorf("fit: %w", err)
	}
	// An iteration limit still leaves a usable (near-optimal) fit.
	return append([]float64(nil), res.X[:d]...), res.X[d], nil
}

// fitPlatt maps raw margins to calibrated probabilities p = σ(a·m + c),
// fitted on held-out margins (Platt 1999). A touch of regularisation keeps
// a perfectly separated fold from pushing a to infinity.
func fitPlatt(margins []float64, y []bool, rowWeight []float64) (a, c float64, err error) {
	x := make([][]float64, len(margins))
	for i, m := range margins {
		x[i] = []float64{m}
	}
	w, b, err := fitWeightedLogistic(x, y, rowWeight, 1e-4)
	if err != nil {
		return 0, 0, fmt.Errorf("calibrate: %w", err)
	}
	return w[0], b, nil
}

func sigmoid(m float64) float64 {
	if m >= 0 {
		return 1 / (1 + math.Exp(-m))
	}
	e := math.Exp(m)
	return e / (1 + e)
}

// softplus is log(1+e^m), computed stably.
func softplus(m float64) float64 {
	if m > 30 {
		return m
	}
	if m < -30 {
		return math.Exp(m)
	}
	return math.Log1p(math.Exp(m))
}

// sparseRow is one document's present columns, each with value scale.
type sparseRow struct {
	cols  []int
	scale float64
}

// fitSparseLogistic is fitLogistic for binary sparse rows: the lexical
// profile has tens of thousands of columns and a few hundred present per
// document.
func fitSparseLogistic(rows []sparseRow, d int, y []bool, rowWeight []float64, lambda float64) (w []float64, b float64, err error) {
	pos := 0
	for _, v := range y {
		if v {
			pos++
		}
	}
	if pos == 0 || pos == len(y) {
		return nil, 0, errors.New("fit: both labels are needed")
	}
	n := float64(len(rows))
	rw, total := rowWeights(rowWeight, len(rows))
	eval := func(grad, p []float64) float64 {
		wt, bias := p[:d], p[d]
		clear(grad)
		loss := 0.0
		for i, r := range rows {
			m := bias
			for _, j := range r.cols {
				m += wt[j] * r.scale
			}
			if y[i] {
				loss += rw[i] * softplus(-m)
			} else {
				loss += rw[i] * softplus(m)
			}
			if grad != nil {
				g := sigmoid(m)
				if y[i] {
					g--
				}
				g *= rw[i] / total
				for _, j := range r.cols {
					grad[j] += g * r.scale
				}
				grad[d] += g
			}
		}
		loss = loss/total + lambda/2*floats.Dot(wt, wt)
		if grad != nil {
			floats.AddScaled(grad[:d], lambda, wt)
		}
		return loss
	}
	init := make([]float64, d+1)
	init[d] = math.Log(float64(pos) / (n - float64(pos)))
	res, err := optimize.Minimize(optimize.Problem{
		Func: func(p []float64) float64 { return eval(nil, p) },
		Grad: func(g, p []float64) { eval(g, p) },
	}, init, &optimize.Settings{GradientThreshold: 1e-6, MajorIterations: 300}, &optimize.LBFGS{})
	if err != nil && res == nil {
		return nil, 0, fmt.Errorf("fit: %w", err)
	}
	return append([]float64(nil), res.X[:d]...), res.X[d], nil
}

// rowWeights returns per-row weights (all 1 when w is nil) and their sum.
func rowWeights(w []float64, n int) ([]float64, float64) {
	if w == nil {
		w = make([]float64, n)
		for i := range w {
			w[i] = 1
		}
	}
	total := 0.0
	for _, v := range w {
		total += v
	}
	return w, total
}
