package score

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/document"
)

// Lexical is the article's word-choice profile: an L2-regularised logistic
// regression over the presence of hashed word unigrams and bigrams
// (punctuation counts as a word), fitted on the training split. Each
// article's presence vector is scaled by 1/√n (n = the known n-grams it
// uses) so long and short articles are comparable. Only hashes and weights
// are stored, never text. The profile is the regression's margin without
// its intercept: 0 for an article with no known n-gram, positive for
// machine-like word choice.
type Lexical struct {
	Buckets int       `json:"buckets"` // hash space (a power of two)
	Lambda  float64   `json:"lambda"`  // L2 strength used when fitting
	MinDocs int       `json:"min_docs"`
	IDs     []uint32  `json:"ids"`     // sorted bucket ids with a weight
	Weights []float64 `json:"weights"` // per id
}

const lexicalBuckets = 1 << 20

// ngramIDs returns the distinct hashed unigrams and bigrams of text,
// sorted. Tokens are hashed as they are read (no strings are built), which
// keeps scoring cheap beside the analyzers.
func ngramIDs(text string, buckets int) []uint32 {
	mask := uint64(buckets - 1)
	var ids []uint32
	var prev uint64
	first := true
	emit := func(tok uint64) {
		ids = append(ids, uint32(mix(tok^1)&mask))
		if !first {
			ids = append(ids, uint32(mix(prev*0x9E3779B97F4A7C15^tok^2)&mask))
		}
		prev, first = tok, false
	}
	last := 0
	punct := func(s string) {
		for _, r := range s {
			if unicode.IsPunct(r) || unicode.IsSymbol(r) {
				emit(hashRune(fnvOffset, straightQuote(r)))
			}
		}
	}
	for _, w := range document.WordSpans(text, 0, len(text), nil) {
		punct(text[last:w.Start])
		emit(hashWord(text[w.Start:w.End]))
		last = w.End
	}
	punct(text[last:])
	slices.Sort(ids)
	return slices.Compact(ids)
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hashWord is FNV-1a of the word lower-cased, with every digit read as 0
// (so "2019" and "2024" are one token) and curly apostrophes as straight.
func hashWord(w string) uint64 {
	h := uint64(fnvOffset)
	for _, r := range w {
		switch {
		case r < utf8.RuneSelf:
			if r >= '0' && r <= '9' {
				r = '0'
			} else if r >= 'A' && r <= 'Z' {
				r += 'a' - 'A'
			}
		case unicode.IsDigit(r):
			r = '0'
		case r == '’' || r == '‘':
			r = '\''
		default:
			r = unicode.ToLower(r)
		}
		h = hashRune(h, r)
	}
	return h
}

func hashRune(h uint64, r rune) uint64 {
	if r < utf8.RuneSelf {
		return (h ^ uint64(r)) * fnvPrime
	}
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	for _, c := range buf[:n] {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// straightQuote folds curly quotation marks into straight ones: in the
// labelled news only machine text kept curly quotes, a storage quirk the
// profile must not learn.
func straightQuote(r rune) rune {
	switch r {
	case '“', '”', '„', '‟':
		return '"'
	case '‘', '’', '‚', '‛':
		return '\''
	}
	return r
}

// mix is the splitmix64 finaliser: spreads similar hashes over the buckets.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 27
	x *= 0x94D049BB133111EB
	x ^= x >> 31
	return x
}

// fitLexical fits the profile's weights on the n-grams seen in at least
// minDocs training documents, by L-BFGS (gonum/optimize).
func fitLexical(docs [][]uint32, machine []bool, lambda float64, minDocs int) (*Lexical, error) {
	df := map[uint32]int{}
	for _, d := range docs {
		for _, id := range d {
			df[id]++
		}
	}
	var ids []uint32
	for id, n := range df {
		if n >= minDocs {
			ids = append(ids, id)
		}
	}
	sort.Slice(ids, func(a, b int) bool { return ids[a] < ids[b] })
	col := make(map[uint32]int, len(ids))
	for j, id := range ids {
		col[id] = j
	}
	rows := make([]sparseRow, len(docs))
	for i, d := range docs {
		var r sparseRow
		for _, id := range d {
			if j, ok := col[id]; ok {
				r.cols = append(r.cols, j)
			}
		}
		sort.Ints(r.cols)
		r.scale = 1 / math.Sqrt(float64(max(len(r.cols), 1)))
		rows[i] = r
	}
	w, _, err := fitSparseLogistic(rows, len(ids), machine, lambda)
	if err != nil {
		return nil, fmt.Errorf("lexical profile: %w", err)
	}
	lx := &Lexical{Buckets: lexicalBuckets, Lambda: lambda, MinDocs: minDocs, IDs: ids, Weights: make([]float64, len(ids))}
	for j := range w {
		lx.Weights[j] = math.Round(w[j]*1e4) / 1e4
	}
	return lx, nil
}

// Profile is the weighted sum of the known n-grams among ids (sorted,
// distinct), scaled by 1/√(their number); 0 when none is known.
func (lx *Lexical) Profile(ids []uint32) float64 {
	if lx == nil {
		return 0
	}
	var sum float64
	n := 0
	// Both lists are sorted: each search starts where the last one ended.
	lo := 0
	for _, id := range ids {
		k, found := slices.BinarySearch(lx.IDs[lo:], id)
		lo += k
		if lo == len(lx.IDs) {
			break
		}
		if found {
			sum += lx.Weights[lo]
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return sum / math.Sqrt(float64(n))
}

// ProfileText is Profile over the n-grams of text.
func (lx *Lexical) ProfileText(text string) float64 {
	if lx == nil || len(lx.IDs) == 0 {
		return 0
	}
	return lx.Profile(ngramIDs(text, lx.Buckets))
}
