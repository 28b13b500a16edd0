package main

import (
	"strings"
	"unicode"
)

// alignedSwaps aligns each spun article with the article it was spun from
// (longest common word subsequence) and returns, with how many times each
// was seen, the one-word replacements by one or two words: the synonyms
// the spinner chose. Function words and numbers are left out: "in" for
// "within" is the spinner's habit too, but next to anything it is no
// collocation evidence.
func alignedSwaps(pairs [][2]string, function map[string]bool) map[[2]string]int {
	out := map[[2]string]int{}
	for _, p := range pairs {
		a, b := words(p[0]), words(p[1])
		prevA, prevB := -1, -1
		record := func(i, j int) { // a[prevA+1:i] was replaced by b[prevB+1:j]
			orig, spun := a[prevA+1:i], b[prevB+1:j]
			if len(orig) != 1 || len(spun) < 1 || len(spun) > 2 {
				return
			}
			if function[orig[0]] || !alphabetic(orig[0]) {
				return
			}
			for _, w := range spun {
				if function[w] || !alphabetic(w) || w == orig[0] {
					return
				}
			}
			out[[2]string{orig[0], strings.Join(spun, " ")}]++
		}
		for _, m := range lcs(a, b) {
			record(m[0], m[1])
			prevA, prevB = m[0], m[1]
		}
		record(len(a), len(b))
	}
	return out
}

func alphabetic(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) && r != '\'' && r != '-' {
			return false
		}
	}
	return w != ""
}

// lcs returns the index pairs of a longest common subsequence of a and b.
// Articles are a few hundred words, so the quadratic table is small.
func lcs(a, b []string) [][2]int {
	n, m := len(a), len(b)
	t := make([][]int32, n+1)
	for i := range t {
		t[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				t[i][j] = t[i+1][j+1] + 1
			} else {
				t[i][j] = max(t[i+1][j], t[i][j+1])
			}
		}
	}
	var out [][2]int
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case a[i] == b[j]:
			out = append(out, [2]int{i, j})
			i++
			j++
		case t[i+1][j] >= t[i][j+1]:
			i++
		default:
			j++
		}
	}
	return out
}
