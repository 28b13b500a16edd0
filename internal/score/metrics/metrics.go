// Package metrics measures how well a score separates machine-written from
// human articles: AUROC (the rank statistic), average precision, and the
// detection rate at a fixed false-positive rate with the threshold that gives
// it. Inputs are parallel slices of scores (higher means more likely
// machine) and labels (true means machine).
package metrics

import (
	"math"
	"sort"
)

// AUROC is the probability that a randomly chosen machine article scores
// higher than a randomly chosen human one, ties counting one half (the
// Mann–Whitney U statistic divided by n_pos·n_neg). It is NaN when either
// class is empty.
func AUROC(scores []float64, machine []bool) float64 {
	idx := order(scores)
	// Average ranks over ties, then sum the ranks of the positives.
	var rankSumPos float64
	var nPos, nNeg int
	for i := 0; i < len(idx); {
		j := i
		for j < len(idx) && scores[idx[j]] == scores[idx[i]] {
			j++
		}
		avgRank := float64(i+j+1) / 2 // ranks i+1..j, 1-based
		for _, k := range idx[i:j] {
			if machine[k] {
				rankSumPos += avgRank
				nPos++
			} else {
				nNeg++
			}
		}
		i = j
	}
	if nPos == 0 || nNeg == 0 {
		return math.NaN()
	}
	u := rankSumPos - float64(nPos)*float64(nPos+1)/2
	return u / (float64(nPos) * float64(nNeg))
}

// AveragePrecision is the mean of the precision at each machine article's
// rank when articles are read from the highest score down (tied scores are
// taken as one block, as scikit-learn does). NaN when there is no machine
// article.
func AveragePrecision(scores []float64, machine []bool) float64 {
	idx := order(scores)
	nPos := 0
	for _, m := range machine {
		if m {
			nPos++
		}
	}
	if nPos == 0 {
		return math.NaN()
	}
	var ap float64
	tp, seen := 0, 0
	prevRecall := 0.0
	for i := len(idx) - 1; i >= 0; {
		j := i
		for j >= 0 && scores[idx[j]] == scores[idx[i]] {
			if machine[idx[j]] {
				tp++
			}
			seen++
			j--
		}
		recall := float64(tp) / float64(nPos)
		precision := float64(tp) / float64(seen)
		ap += (recall - prevRecall) * precision
		prevRecall = recall
		i = j
	}
	return ap
}

// Operating is one point on the ROC curve: flag every article scoring at or
// above Threshold.
type Operating struct {
	Threshold float64 `json:"threshold"`
	TPR       float64 `json:"tpr"` // share of machine articles flagged
	FPR       float64 `json:"fpr"` // share of human articles flagged
}

// AtFPR returns the lowest threshold whose false-positive rate is at most
// maxFPR, and the detection rate there. When even the highest score flags
// too many human articles, the threshold is just above the maximum score
// and nothing is flagged.
func AtFPR(scores []float64, machine []bool, maxFPR float64) Operating {
	idx := order(scores)
	var nPos, nNeg int
	for _, m := range machine {
		if m {
			nPos++
		} else {
			nNeg++
		}
	}
	best := Operating{Threshold: math.Inf(1)}
	if len(idx) > 0 {
		best.Threshold = math.Nextafter(scores[idx[len(idx)-1]], math.Inf(1))
	}
	tp, fp := 0, 0
	for i := len(idx) - 1; i >= 0; {
		j := i
		for j >= 0 && scores[idx[j]] == scores[idx[i]] {
			if machine[idx[j]] {
				tp++
			} else {
				fp++
			}
			j--
		}
		fpr := rate(fp, nNeg)
		if fpr > maxFPR {
			break
		}
		best = Operating{Threshold: scores[idx[i]], TPR: rate(tp, nPos), FPR: fpr}
		i = j
	}
	return best
}

func rate(k, n int) float64 {
	if n == 0 {
		return 0
	}
	return float64(k) / float64(n)
}

// order returns indices sorting scores ascending (stable, so results do not
// depend on the sort's whims).
func order(scores []float64) []int {
	idx := make([]int, len(scores))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return scores[idx[a]] < scores[idx[b]] })
	return idx
}

// At returns the operating point of flagging every article scoring at or
// above threshold.
func At(scores []float64, machine []bool, threshold float64) Operating {
	var tp, fp, nPos, nNeg int
	for i, s := range scores {
		if machine[i] {
			nPos++
			if s >= threshold {
				tp++
			}
		} else {
			nNeg++
			if s >= threshold {
				fp++
			}
		}
	}
	return Operating{Threshold: threshold, TPR: rate(tp, nPos), FPR: rate(fp, nNeg)}
}
