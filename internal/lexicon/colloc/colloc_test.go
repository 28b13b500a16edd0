package colloc

import "testing"

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
	h := HashWord(HashWord(HashStart, "Curiosity"), "rate")
	s, ok := set.Lookup(h)
	if !ok || s.Usual != "interest rate" {
		t.Errorf("curiosity rate: %+v %v, want the swap for interest rate", s, ok)
	}
	if _, ok := set.Lookup(HashWord(HashWord(HashStart, "interest"), "rate")); ok {
		t.Error("the ordinary collocation itself is a pattern")
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
