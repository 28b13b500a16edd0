package lexicon

import (
	"strings"
	"testing"
)

func TestMatcherFoldsCaseQuotesAndLineBreaks(t *testing.T) {
	m := Compile([]string{"in conclusion", "it's important to note", "fast-paced world", "note"})
	text := "IN CONCLUSION, it’s important\nto  note that today’s fast paced world moves. Notebook."
	got := m.FindAll(text, nil)
	var spans []string
	for _, g := range got {
		spans = append(spans, m.Pattern(g.Pattern)+"="+text[g.Start:g.End])
	}
	want := []string{
		"in conclusion=IN CONCLUSION",
		"it's important to note=it’s important\nto  note",
		"note=note",
		"fast paced world=fast paced world",
	}
	if strings.Join(spans, ";") != strings.Join(want, ";") {
		t.Errorf("got %q\nwant %q", spans, want)
	}
}

func TestMatcherWholeWordsAndSentenceBreaks(t *testing.T) {
	m := Compile([]string{"delve", "in conclusion"})
	for _, text := range []string{"delves", "undelve", "in. Conclusion", "within conclusions"} {
		if got := m.FindAll(text, nil); len(got) != 0 {
			t.Errorf("%q: unexpected match %v", text, got)
		}
	}
	if got := m.FindAll("We delve, then (delve).", nil); len(got) != 2 {
		t.Errorf("want two matches, got %v", got)
	}
}

func TestMatcherNestedAndOverlapping(t *testing.T) {
	m := Compile([]string{"a testament to", "testament", "stands as a testament"})
	text := "It stands as a testament to grit."
	got := m.FindAll(text, nil)
	if len(got) != 3 {
		t.Fatalf("want 3 matches, got %v", got)
	}
}

func TestMatcherSingleQuotesAreBoundaries(t *testing.T) {
	m := Compile([]string{"delve into", "rich tapestry"})
	for _, text := range []string{"the phrase 'delve into' again", "a ‘rich tapestry’ indeed"} {
		if got := m.FindAll(text, nil); len(got) != 1 {
			t.Errorf("%q: want one match, got %v", text, got)
		}
	}
	if got := m.FindAll("rich tapestry's colours", nil); len(got) != 0 {
		t.Errorf("possessive: got %v", got)
	}
}
