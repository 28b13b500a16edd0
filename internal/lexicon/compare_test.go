package lexicon

import (
	"testing"

	ahocorasick "github.com/BobuSumisu/aho-corasick"
)

// BenchmarkBobuSumisuWalk runs github.com/BobuSumisu/aho-corasick v1.0.3
// (in go.mod) over the same normalised text and patterns as
// BenchmarkMatcherScanOnly, to justify the in-house automaton (see the
// Matcher comment). Walk is its allocation-free entry point.
func BenchmarkBobuSumisuWalk(b *testing.B) {
	st, _ := Stock()
	trie := ahocorasick.NewTrieBuilder().AddStrings(st.matcher.patterns).Build()
	var n Normalized
	n.Normalize(newsText())
	b.SetBytes(int64(len(n.Text)))
	b.ResetTimer()
	cpu0 := cpuTime().Nanoseconds()
	hits := 0
	for i := 0; i < b.N; i++ {
		trie.Walk(n.Text, func(end, n, pattern int64) bool { hits++; return true })
	}
	reportCPUThroughput(b, len(n.Text), cpu0)
}

// BenchmarkMatcherScanOnly is the in-house automaton's scan alone over the
// same normalised text.
func BenchmarkMatcherScanOnly(b *testing.B) {
	st, _ := Stock()
	var n Normalized
	n.Normalize(newsText())
	var dst []Match
	b.SetBytes(int64(len(n.Text)))
	b.ResetTimer()
	cpu0 := cpuTime().Nanoseconds()
	for i := 0; i < b.N; i++ {
		dst = st.matcher.scan(&n, len(n.Text), dst[:0])
	}
	reportCPUThroughput(b, len(n.Text), cpu0)
}
