package coverage

import (
	"strings"
	"testing"
)

func TestQuoteWordsNormalises(t *testing.T) {
	for in, want := range map[string]string{
		"“It’s what’s right,” she said":          "it's what's right she said",
		`"It's what's right," she said`:          "it's what's right she said",
		"the president… believes":                "the president \x00 believes",
		"the president ... believes":             "the president \x00 believes",
		"[The talks] were — frankly — a success": "were frankly a success",
		"a good-faith effort":                    "a good faith effort",
	} {
		if got := strings.Join(quoteWords(in), " "); got != want {
			t.Errorf("quoteWords(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSpellingIsNotAlteration(t *testing.T) {
	ref := quoteWords("We honoured their behaviour and organised it's party")
	if !containsVerbatim(ref, quoteWords("we honored their behavior and organized its party")) {
		t.Fatal("respelling counted as a change")
	}
	if containsVerbatim(ref, quoteWords("we honored their conduct")) {
		t.Fatal("a changed word passed as a respelling")
	}
}

func TestVerbatimAllowsMarkedElisions(t *testing.T) {
	ref := quoteWords("Dialogue is something that the president has shown he believes is a good-faith effort.")
	for q, want := range map[string]bool{
		"the president… believes is a good-faith effort": true,
		"[He] believes is a good-faith effort":           true,
		"the president believes is a good-faith effort":  false, // words dropped without a mark
		"a good-faith effort, the president believes":    false, // out of order
	} {
		if got := containsVerbatim(ref, quoteWords(q)); got != want {
			t.Errorf("containsVerbatim(%q) = %v, want %v", q, got, want)
		}
	}
}

func TestAlignShowsChangedWords(t *testing.T) {
	ref := quoteWords("We are hopeful the talks will succeed before the end of the month, and we will keep working.")
	a := align(quoteWords("We are confident the talks will succeed before the end of the month."), ref)
	if a.score < alteredScore {
		t.Fatalf("near match scored %.2f", a.score)
	}
	if a.diff != "we are [-hopeful-] {+confident+} the talks will succeed before the end of the month" {
		t.Fatalf("diff = %q", a.diff)
	}
	other := align(quoteWords("Prices rose sharply across the region this winter."), ref)
	if other.score >= alteredScore {
		t.Fatalf("unrelated quote scored %.2f", other.score)
	}
}

func TestCompatibleRoles(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"White House press secretary", "press secretary", true},
		{"", "analyst", true},
		{"American citizen", "soldier", true},
		{"Middle East policy expert", "security expert", true},
		{"analyst at a bank", "foreign minister", false},
	} {
		if got := compatibleRoles(c.a, c.b); got != c.want {
			t.Errorf("compatibleRoles(%q, %q) = %v", c.a, c.b, got)
		}
	}
}
