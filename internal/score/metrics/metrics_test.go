package metrics

import (
	"math"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestAUROCHandComputed(t *testing.T) {
	// Positives 0.9, 0.4; negatives 0.5, 0.1. Pairs (pos>neg): 0.9>0.5,
	// 0.9>0.1, 0.4>0.1 = 3 of 4.
	s := []float64{0.9, 0.5, 0.4, 0.1}
	m := []bool{true, false, true, false}
	if got := AUROC(s, m); !near(got, 0.75) {
		t.Errorf("AUROC = %v, want 0.75", got)
	}
	// A tie between a positive and a negative counts one half: 1 win + 0.5.
	s = []float64{0.7, 0.7, 0.2}
	m = []bool{true, false, false}
	if got := AUROC(s, m); !near(got, 0.75) {
		t.Errorf("AUROC with tie = %v, want 0.75", got)
	}
	if got := AUROC([]float64{1, 2}, []bool{true, true}); !math.IsNaN(got) {
		t.Errorf("AUROC with one class = %v, want NaN", got)
	}
	if got := AUROC([]float64{3, 2, 1}, []bool{true, true, false}); !near(got, 1) {
		t.Errorf("perfect AUROC = %v", got)
	}
}

func TestAveragePrecisionHandComputed(t *testing.T) {
	// Ranked: 0.9 pos (P=1, R=.5), 0.5 neg, 0.4 pos (P=2/3, R=1).
	// AP = 0.5*1 + 0.5*2/3 = 5/6.
	s := []float64{0.9, 0.5, 0.4, 0.1}
	m := []bool{true, false, true, false}
	if got := AveragePrecision(s, m); !near(got, 5.0/6) {
		t.Errorf("AP = %v, want 5/6", got)
	}
	// Tied block of one pos and one neg at the top: P=1/2 at R=1.
	if got := AveragePrecision([]float64{1, 1}, []bool{true, false}); !near(got, 0.5) {
		t.Errorf("AP with tie = %v, want 0.5", got)
	}
}

func TestAtFPR(t *testing.T) {
	// 10 negatives scored 0..9, positives scored 8.5, 9.5, 3.
	var s []float64
	var m []bool
	for i := 0; i < 10; i++ {
		s = append(s, float64(i))
		m = append(m, false)
	}
	s = append(s, 8.5, 9.5, 3)
	m = append(m, true, true, true)

	// FPR 0: only scores above 9 are allowed: threshold 9.5 catches 1 of 3.
	op := AtFPR(s, m, 0)
	if !near(op.Threshold, 9.5) || !near(op.TPR, 1.0/3) || op.FPR != 0 {
		t.Errorf("AtFPR(0) = %+v", op)
	}
	// FPR 0.1 allows one negative (9): threshold 8.5 catches 2 of 3.
	op = AtFPR(s, m, 0.1)
	if !near(op.Threshold, 8.5) || !near(op.TPR, 2.0/3) || !near(op.FPR, 0.1) {
		t.Errorf("AtFPR(0.1) = %+v", op)
	}
	// A negative above every positive: nothing can be flagged at FPR 0.
	op = AtFPR([]float64{5, 1}, []bool{false, true}, 0)
	if op.TPR != 0 || op.Threshold <= 5 {
		t.Errorf("AtFPR with top negative = %+v", op)
	}
}

func TestAt(t *testing.T) {
	s := []float64{0.9, 0.5, 0.4, 0.1}
	m := []bool{true, false, true, false}
	op := At(s, m, 0.45)
	if op.TPR != 0.5 || op.FPR != 0.5 || op.Threshold != 0.45 {
		t.Errorf("At(0.45) = %+v", op)
	}
}
