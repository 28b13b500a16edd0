package main

import (
	"os"
	"sort"
	"strings"

	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/lexicon/colloc"
)

// reference counts the words, word pairs and word triples of human news.
// N-grams never cross a break (colloc.Breaks), as the analyzer's windows
// do not.
type reference struct {
	words     int
	uni       map[string]int
	bi, tri   map[string]int // "a b", "a b c"
	quad      map[string]int // "a b c d"
	byFirst   map[string][]string
	bySecond  map[string][]string
	function  map[string]bool // curated/function.txt: no collocation context
	documents int
}

func newReference() *reference {
	return &reference{uni: map[string]int{}, bi: map[string]int{}, tri: map[string]int{}, quad: map[string]int{}}
}

// add counts one article.
func (r *reference) add(text string) {
	r.documents++
	for _, run := range runs(text) {
		r.words += len(run)
		for i, w := range run {
			r.uni[w]++
			if i >= 1 {
				r.bi[run[i-1]+" "+w]++
			}
			if i >= 2 {
				r.tri[run[i-2]+" "+run[i-1]+" "+w]++
			}
			if i >= 3 {
				r.quad[run[i-3]+" "+run[i-2]+" "+run[i-1]+" "+w]++
			}
		}
	}
}

// finish indexes the pairs by each word.
func (r *reference) finish(function map[string]bool) {
	r.function = function
	r.byFirst, r.bySecond = map[string][]string{}, map[string][]string{}
	for p := range r.bi {
		a, b, _ := strings.Cut(p, " ")
		r.byFirst[a] = append(r.byFirst[a], b)
		r.bySecond[b] = append(r.bySecond[b], a)
	}
	for _, m := range []map[string][]string{r.byFirst, r.bySecond} {
		for _, l := range m {
			sort.Strings(l)
		}
	}
}

// count is the occurrences of a sequence of one to four words; longer
// sequences are not counted and read as 0.
func (r *reference) count(words []string) int {
	k := strings.Join(words, " ")
	switch len(words) {
	case 1:
		return r.uni[k]
	case 2:
		return r.bi[k]
	case 3:
		return r.tri[k]
	case 4:
		return r.quad[k]
	}
	return 0
}

// runs cuts text into break-free runs of folded words, with the document
// package's word segmentation, as the analyzer sees them.
func runs(text string) [][]string {
	var out [][]string
	var cur []string
	prevEnd := -1
	for _, s := range document.WordSpans(text, 0, len(text), nil) {
		if prevEnd >= 0 && colloc.Breaks(text[prevEnd:s.Start]) && len(cur) > 0 {
			out = append(out, cur)
			cur = nil
		}
		cur = append(cur, colloc.Fold(text[s.Start:s.End]))
		prevEnd = s.End
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// words is the folded words of text, breaks ignored (for alignment).
func words(text string) []string {
	var out []string
	for _, r := range runs(text) {
		out = append(out, r...)
	}
	return out
}

// readFunctionWords reads the curated function words, whitespace-separated.
func readFunctionWords(path string) (map[string]bool, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		for _, w := range strings.Fields(line) {
			out[w] = true
		}
	}
	return out, nil
}
