package score

import (
	"reflect"
	"slices"
	"testing"
)

func TestNgramIDsNormaliseTokens(t *testing.T) {
	same := [][2]string{
		{"In 2019, the budget", "in 2024, the budget"},
		{"it’s “late”", "it's “late”"},
		// Names inside a sentence are one token: the profile learns how
		// names are used, not which ones a data set covered.
		{"the minister, Rachel Reeves, said", "the minister, Olaf Scholz, said"},
	}
	for _, p := range same {
		if a, b := ngramIDs(p[0], lexicalBuckets), ngramIDs(p[1], lexicalBuckets); !reflect.DeepEqual(a, b) {
			t.Errorf("%q and %q hash differently", p[0], p[1])
		}
	}
	// A capital at the start of a sentence or after a quotation mark is no
	// name; "I" is first person, not a name.
	different := [][2]string{
		{"Budget cuts. The budget", "Mark cuts. The budget"},
		{"so I said", "so Ed said"},
	}
	for _, p := range different {
		if a, b := ngramIDs(p[0], lexicalBuckets), ngramIDs(p[1], lexicalBuckets); reflect.DeepEqual(a, b) {
			t.Errorf("%q and %q hash alike", p[0], p[1])
		}
	}
	// Three words: three unigrams and two bigrams, sorted and distinct.
	ids := ngramIDs("delve delve deeper", lexicalBuckets)
	if len(ids) != 4 { // delve, deeper, "delve delve", "delve deeper"
		t.Errorf("got %d ids, want 4: %v", len(ids), ids)
	}
	if !slices.IsSorted(ids) {
		t.Error("ids not sorted")
	}
	if reflect.DeepEqual(ngramIDs("the cat sat", lexicalBuckets), ngramIDs("sat the cat", lexicalBuckets)) {
		t.Error("word order is lost: bigrams should differ")
	}
	if len(ngramIDs("", lexicalBuckets)) != 0 {
		t.Error("empty text has n-grams")
	}
}

func TestLexicalProfileSeparatesWordChoice(t *testing.T) {
	machineTexts := []string{
		"We delve into the rich tapestry of local politics.",
		"This article will delve into a pivotal moment.",
		"Let us delve into the vibrant landscape of music.",
		"Officials delve into a pivotal and vibrant debate.",
	}
	humanTexts := []string{
		"The council said on Monday it would cut the budget.",
		"Police said the man was arrested on Friday night.",
		"The club said its striker would miss the next match.",
		"Shares fell 3% after the bank said profits had dropped.",
	}
	var docs [][]uint32
	var y []bool
	for _, s := range machineTexts {
		docs = append(docs, ngramIDs(s, lexicalBuckets))
		y = append(y, true)
	}
	for _, s := range humanTexts {
		docs = append(docs, ngramIDs(s, lexicalBuckets))
		y = append(y, false)
	}
	lx, err := fitLexical(docs, y, nil, 1e-3, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(lx.IDs) == 0 || len(lx.IDs) != len(lx.Weights) {
		t.Fatalf("fitted %d ids, %d weights", len(lx.IDs), len(lx.Weights))
	}
	m := lx.ProfileText("Experts delve into a pivotal question.")
	h := lx.ProfileText("The mayor said on Tuesday the road would close.")
	if m <= 0 || h >= 0 {
		t.Errorf("profile: machine-like %v (want > 0), human-like %v (want < 0)", m, h)
	}
	if lx.ProfileText("Zebra quokka") != 0 {
		t.Error("unknown words should give a neutral profile")
	}
	var nilLex *Lexical
	if nilLex.ProfileText("anything") != 0 {
		t.Error("nil lexical model should be neutral")
	}
}
