package colloc

import (
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/document"
)

// windowKey keys a phrase as the analyzer does: each word's hash from the
// document's token view, chained by Key.
func windowKey(phrase string) uint64 {
	tokens := document.New("t", phrase).Tokens()
	h := KeyStart
	for i := range tokens.Len() {
		h = Key(h, tokens.Hash(i))
	}
	return h
}

// TestEveryPatternMatchesAsTheAnalyzerKeysIt checks each pattern, as
// written and capitalised with curly apostrophes, against the set: the
// generator's folding (Fold) and the document's (lower case, ’ as ')
// must give one key.
func TestEveryPatternMatchesAsTheAnalyzerKeysIt(t *testing.T) {
	set, err := Swaps()
	if err != nil {
		t.Fatal(err)
	}
	for _, sw := range set.Swaps {
		if document.New("t", sw.Phrase).Tokens().Len() != len(strings.Fields(sw.Phrase)) {
			continue // "0.33 generation": the document reads other words, so no article matches it
		}
		for _, p := range []string{sw.Phrase, strings.ToUpper(sw.Phrase), strings.ReplaceAll(sw.Phrase, "'", "’")} {
			if got, ok := set.Lookup(windowKey(p)); !ok || got.Phrase != sw.Phrase {
				t.Fatalf("%q: found %+v, %v", p, got, ok)
			}
		}
	}
	for w, want := range map[string]bool{"rate": true, "Britain’s": true, "it's": true, "café": false, "\u212a": false, "İ": false} {
		if Matchable(w) != want {
			t.Errorf("Matchable(%q) = %v", w, !want)
		}
	}
}

func TestHashFoldsCaseAndCurlyApostrophes(t *testing.T) {
	a := HashWord(HashWord(HashStart, "White"), "Home")
	b := HashWord(HashWord(HashStart, "white"), "home")
	if a != b {
		t.Error("case changes the hash")
	}
	if HashWord(HashStart, "Britain’s") != HashWord(HashStart, "britain's") {
		t.Error("a curly apostrophe changes the hash")
	}
	if HashWord(HashWord(HashStart, "ab"), "c") == HashWord(HashWord(HashStart, "a"), "bc") {
		t.Error("word boundaries do not change the hash")
	}
}

func TestEmbeddedSwapsLoadAndMatch(t *testing.T) {
	set, err := Swaps()
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Swaps) < 500 || set.MaxWords < 2 || set.MaxWords > 4 {
		t.Fatalf("%d swaps, longest %d words: the data file looks wrong", len(set.Swaps), set.MaxWords)
	}
	s, ok := set.Lookup(windowKey("Curiosity rate"))
	if !ok || s.Usual != "interest rate" {
		t.Errorf("curiosity rate: %+v %v, want the swap for interest rate", s, ok)
	}
	if _, ok := set.Lookup(windowKey("interest rate")); ok {
		t.Error("the ordinary collocation itself is a pattern")
	}
	if _, ok := set.Lookup(windowKey("rate curiosity")); ok {
		t.Error("the words' order does not change the key")
	}
	if KnownCount("Greece") == 0 || KnownCount("Zelenksy") != 0 {
		t.Errorf("known words: Greece %d, Zelenksy %d", KnownCount("Greece"), KnownCount("Zelenksy"))
	}
}

func TestBreaks(t *testing.T) {
	for gap, want := range map[string]bool{" ": false, ", ": true, ". ": true, "\n": true, " \"": true, " - ": false} {
		if Breaks(gap) != want {
			t.Errorf("Breaks(%q) = %v", gap, !want)
		}
	}
}
