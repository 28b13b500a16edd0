package lexicon

import (
	"slices"
	"strings"
	"testing"

	ahocorasick "github.com/BobuSumisu/aho-corasick"

	"github.com/copydesk/copydesk/internal/testutil/benchtext"
)

// BenchmarkFindAllLists is the templated analyzer's lexicon pass over real
// articles (normalisation, one automaton, hits sorted into lists):
//
//	go test ./internal/lexicon -run '^$' -bench FindAllLists -benchmem
func BenchmarkFindAllLists(b *testing.B) {
	texts := benchtext.Texts(b) // seed 002 and a generated 600-word article
	for _, name := range []string{"seed002", "generated"} {
		text := texts[name]
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				if _, err := FindAllLists(text); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestByteMatcherMatchesWalk holds ByteMatcher to its contract: what
// github.com/BobuSumisu/aho-corasick's Walk reports over the lower-cased
// text, in the same order, duplicates and nested patterns included.
func TestByteMatcherMatchesWalk(t *testing.T) {
	patterns := []string{"he", "she", "his", "hers", "she", "in conclusion", "in", "it's", "it’s", "conclusion", "a", "ab", "abc", "bc", "c", "Mixed CASE"}
	st, err := Stock()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range st.Entries {
		patterns = append(patterns, strings.ToLower(e.Phrase))
	}
	m := CompileBytes(patterns)
	b := ahocorasick.NewTrieBuilder()
	for _, p := range patterns {
		b.AddString(strings.ToLower(p))
	}
	trie := b.Build()
	texts := []string{"", "ushers HIS hers she's", "abcabc ABC aBc", "It’s In Conclusion, it's mixed case MIXED CASE.", newsText()}
	for _, t := range benchtext.Texts(t) {
		texts = append(texts, t)
	}
	type hit struct{ s, e, p int }
	for _, text := range texts {
		var want, got []hit
		trie.Walk([]byte(strings.Map(func(r rune) rune {
			if 'A' <= r && r <= 'Z' {
				return r + 'a' - 'A'
			}
			return r
		}, text)), func(end, n, p int64) bool {
			want = append(want, hit{int(end - n + 1), int(end + 1), int(p)})
			return true
		})
		m.Each(text, func(s, e, p int) bool {
			got = append(got, hit{s, e, p})
			return true
		})
		if !slices.Equal(got, want) {
			t.Fatalf("%.40q: got %v\nwant %v", text, got, want)
		}
	}
}
