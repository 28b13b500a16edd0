package boilerplate

import (
	"hash/fnv"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	ahocorasick "github.com/BobuSumisu/aho-corasick"

	"github.com/copydesk/copydesk/internal/testutil/checktext"
)

// speedTexts are the texts the fast paths are checked on: seeds, this
// package's fixtures, awkward lines of our own and, when present, the
// evaluation articles.
func speedTexts(t *testing.T) []string {
	return checktext.Texts(t, checktext.Sources{
		Globs: []string{filepath.Join("testdata", "*"), filepath.Join("testdata", "*", "*")},
		Extra: []string{
			"## **Did You Know?**\n  - Share   THIS\u00a0Article!!  \n“Quoted” – ‘single’ — dash\t\v\f tabs\n\xff\xfe BROKEN \xc3 bytes\n• · |=~ Éclair ÇA İSTANBUL \u2003em\u2028space \u0085nel\n- \n-\n   \n",
			"Don’t miss out: Don't MISS OUT. dOn’T miss OUT",
		},
		Titled: true,
	})
}

// referenceNormalizeLine is normalizeLine as first written, the
// definition the one-pass version must keep.
func referenceNormalizeLine(s string) string {
	s = strings.NewReplacer("’", "'", "‘", "'", "“", "\"", "”", "\"", "–", "-", "—", "-", "\u00a0", " ").Replace(s)
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	s = strings.TrimLeft(s, "#*_>•·|=~ ")
	if strings.HasPrefix(s, "- ") || s == "-" {
		s = strings.TrimLeft(s, "- ")
	}
	return strings.TrimRight(s, "*_:.!? ")
}

func TestNormalizeLineMatchesReference(t *testing.T) {
	for _, text := range speedTexts(t) {
		for _, line := range append(strings.Split(text, "\n"), text) {
			if got, want := normalizeLine(line), referenceNormalizeLine(line); got != want {
				t.Fatalf("normalizeLine(%q) = %q, want %q", line, got, want)
			}
		}
	}
}

// TestPhraseMatcherMatchesWalk checks the in-place case-folding automaton
// against the github.com/BobuSumisu/aho-corasick walk over a lower-cased
// copy that matchPhrases used before: same matches, same order.
func TestPhraseMatcherMatchesWalk(t *testing.T) {
	r, err := loadResources()
	if err != nil {
		t.Fatal(err)
	}
	b := ahocorasick.NewTrieBuilder()
	for _, p := range r.lex.phrases {
		b.AddString(p.text)
	}
	trie := b.Build()
	type hit struct{ s, e, p int }
	for _, text := range speedTexts(t) {
		var want, got []hit
		trie.Walk(asciiLowerRef(text), func(end, n, pat int64) bool {
			want = append(want, hit{int(end - n + 1), int(end + 1), int(pat)})
			return true
		})
		r.lex.matcher.Each(text, func(s, e, p int) bool {
			got = append(got, hit{s, e, p})
			return true
		})
		if !slices.Equal(got, want) {
			t.Fatalf("matches differ:\n got %v\nwant %v", got, want)
		}
	}
}

func asciiLowerRef(s string) []byte {
	out := []byte(s)
	for i, c := range out {
		if 'A' <= c && c <= 'Z' {
			out[i] = c + 'a' - 'A'
		}
	}
	return out
}

// TestLineGuardsMatchReference checks the literal guards in front of the
// classifier's expressions never change an answer.
func TestLineGuardsMatchReference(t *testing.T) {
	lines := []string{"Updated 5 HOURS AGO", "posted", "LAST UPDATED: today", "Jan 5, 2024", "SEPT. 12, 2023 10:30 PM",
		"2024-03-05", "4.5/5 (23 votes)", "12K Shares", "5 min read", "Comments (12)", "3 K", "12 ſhares", "Modified ſoon",
		"MAR 3, 2020", "10:45am", "3 days ago", "Reviews (4)", "Share (3)"}
	for _, text := range speedTexts(t) {
		lines = append(lines, strings.Split(text, "\n")...)
	}
	for _, l := range lines {
		if len(l) > maxClassifiedBytes {
			continue // the classifier stops before any expression
		}
		if got, want := timestamp(l), timestampRe.MatchString(l); got != want {
			t.Fatalf("timestamp(%q) = %v, want %v", l, got, want)
		}
		if !mayCount(l) && countRe.MatchString(l) {
			t.Fatalf("mayCount(%q) false but countRe matches", l)
		}
		if got, want := countFields(l), len(strings.Fields(l)); got != want {
			t.Fatalf("countFields(%q) = %d, want %d", l, got, want)
		}
	}
}

func TestFNV64aMatchesHashFNV(t *testing.T) {
	for _, s := range []string{"", "a", "get the latest headlines delivered daily", "ça – “x”"} {
		h := fnv.New64a()
		h.Write([]byte(s))
		if got, want := fnv64a(s), h.Sum64(); got != want {
			t.Errorf("fnv64a(%q) = %x, want %x", s, got, want)
		}
	}
}

// TestLineShortcutsAgree checks the two shortcuts that spare normalising
// long lines: a line has as many words as its normalised form, and at
// least as many bytes as ASCII letters and digits.
func TestLineShortcutsAgree(t *testing.T) {
	for _, text := range speedTexts(t) {
		for _, l := range strings.Split(text, "\n") {
			norm := normalizeLine(l)
			words, in := 0, false
			for _, r := range norm {
				if w := isWordRune(r); w && !in {
					words++
					in = true
				} else if !w {
					in = false
				}
			}
			for _, max := range []int{0, 1, repeatMaxWords, 40} {
				if got, want := wordsOver(l, max), words > max; got != want {
					t.Fatalf("wordsOver(%q, %d) = %v, normalised line has %d words", l, max, got, words)
				}
				if !alnumAtMost(l, max) && len(norm) <= max {
					t.Fatalf("alnumAtMost(%q, %d) false but the normalised line has %d bytes", l, max, len(norm))
				}
			}
		}
	}
}

// timestampRe is the single expression timestamp splits into
// timestampParts: the reference the fast path is held to.
var timestampRe = regexp.MustCompile(`(?i)\b\d{1,2}:\d{2}\s*(?:am|pm)\b|\b\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago\b|^(?:updated|published|posted|last updated|modified)\b|\b\d{4}-\d{2}-\d{2}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},\s+\d{4}\b`)
