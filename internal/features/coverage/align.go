package coverage

import "strings"

// alignment is a word-level comparison of an article's quote with a
// reference quotation: the longest common subsequence, the stretch of
// the reference it covers, and the differing words.
type alignment struct {
	common int
	// refStart, refEnd bound the matched stretch of the reference.
	refStart, refEnd int
	// score is 2·common / (quote words + stretch words): 1 for identical.
	score float64
	diff  string
}

// align compares quote words q (gaps allowed) with reference words ref.
func align(q, ref []string) alignment {
	qs := withoutGaps(q)
	ref = withoutGaps(ref)
	n, m := len(qs), len(ref)
	if n == 0 || m == 0 {
		return alignment{}
	}
	// dp[i][j]: LCS of qs[i:] and ref[j:].
	dp := make([][]int32, n+1)
	for i := range dp {
		dp[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if sameWord(qs[i], ref[j]) {
				dp[i][j] = dp[i+1][j+1] + 1
			} else {
				dp[i][j] = max(dp[i+1][j], dp[i][j+1])
			}
		}
	}
	type op struct {
		kind byte // '=', '+' (only in the quote), '-' (only in the reference)
		word string
	}
	var ops []op
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case sameWord(qs[i], ref[j]):
			ops = append(ops, op{'=', qs[i]})
			i, j = i+1, j+1
		case dp[i][j+1] >= dp[i+1][j]:
			// Dropped words before added ones: "[-hopeful-] {+confident+}".
			ops = append(ops, op{'-', ref[j]})
			j++
		default:
			ops = append(ops, op{'+', qs[i]})
			i++
		}
	}
	for ; i < n; i++ {
		ops = append(ops, op{'+', qs[i]})
	}
	for ; j < m; j++ {
		ops = append(ops, op{'-', ref[j]})
	}
	// The matched stretch: from the first to the last common word; the
	// reference's words outside it are context, not changes.
	first, last := -1, -1
	for k, o := range ops {
		if o.kind == '=' {
			if first < 0 {
				first = k
			}
			last = k
		}
	}
	a := alignment{common: int(dp[0][0])}
	if first < 0 {
		return a
	}
	var kept []op
	for k, o := range ops {
		if o.kind == '-' && (k < first || k > last) {
			continue
		}
		kept = append(kept, o)
	}
	stretch := 0
	for _, o := range kept {
		if o.kind != '+' {
			stretch++
		}
	}
	a.score = 2 * float64(a.common) / float64(n+stretch)
	var b strings.Builder
	for k := 0; k < len(kept); {
		o := kept[k]
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		if o.kind == '=' {
			b.WriteString(o.word)
			k++
			continue
		}
		var run []string
		for k < len(kept) && kept[k].kind == o.kind {
			run = append(run, kept[k].word)
			k++
		}
		if o.kind == '-' {
			b.WriteString("[-" + strings.Join(run, " ") + "-]")
		} else {
			b.WriteString("{+" + strings.Join(run, " ") + "+}")
		}
	}
	a.diff = b.String()
	return a
}

func withoutGaps(ws []string) []string {
	out := make([]string, 0, len(ws))
	for _, w := range ws {
		if w != gap {
			out = append(out, w)
		}
	}
	return out
}
