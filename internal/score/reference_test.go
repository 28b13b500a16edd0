package score

// This file keeps, renamed, the lexical profile's implementation as it
// stood when the committed model was fitted (names read as one token
// since format 3): every n-gram id collected,
// sorted and de-duplicated, then looked up by binary search. The fast path
// must give the same profile: TestLexicalProfileMatchesReference compares
// the two.

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/document"
)

func refNgramIDs(text string, buckets int) []uint32 {
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
		gap := text[last:w.Start]
		punct(gap)
		word := text[w.Start:w.End]
		// A capitalised word other than "I" inside a sentence is a name.
		first, _ := utf8.DecodeRuneInString(word)
		if unicode.IsUpper(first) && word != "I" && w.Start > 0 && !strings.ContainsAny(gap, ".!?\n:\"“") {
			emit(hashWord("<name>"))
		} else {
			emit(hashWord(word))
		}
		last = w.End
	}
	punct(text[last:])
	slices.Sort(ids)
	return slices.Compact(ids)
}

func (lx *Lexical) refProfile(ids []uint32) float64 {
	if lx == nil {
		return 0
	}
	var sum float64
	n := 0
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

func (lx *Lexical) refProfileText(text string) float64 {
	if lx == nil || len(lx.IDs) == 0 {
		return 0
	}
	return lx.refProfile(refNgramIDs(text, lx.Buckets))
}
