package templated

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/testutil"
	"github.com/copydesk/copydesk/internal/testutil/checktext"
)

// speedTexts are the articles the allocation-free shortcuts are checked on:
// seeds, this package's fixtures and awkward words of our own.
func speedTexts(t *testing.T) []string {
	return checktext.Texts(t, checktext.Sources{
		Globs:  []string{filepath.Join("testdata", "*.txt")},
		Extra:  []string{"Children’S CHILDREN'S K k K Élodie’s it’s IT'S s' 's a b U.S. co-op ÇA naïve İstanbul \xff\xfeBad bytes “quoted” \"x\" – ”"},
		Titled: true,
	})
}

// TestFastKeysMatchReference checks that the allocation-free word keys,
// hashes, stems and quote test agree with the plain definitions they
// replace, on every word of real and awkward text.
func TestFastKeysMatchReference(t *testing.T) {
	for _, text := range speedTexts(t) {
		tokens := document.New("t", text).Tokens()
		ws := tokens.Words()
		for i, w := range ws {
			word := text[w.Start:w.End]
			for _, other := range []string{word, strings.ToUpper(word), text[ws[max(i-1, 0)].Start:ws[max(i-1, 0)].End], "k", "K"} {
				if got, want := sameWordKey(word, other), wordKey(word) == wordKey(other); got != want {
					t.Fatalf("sameWordKey(%q, %q) = %v, want %v", word, other, got, want)
				}
			}
			// The repetition and shared-sentence keys read the document's hashes.
			if got, want := tokens.Hash(i), fnv64(wordKey(word)); got != want {
				t.Fatalf("the token hash of %q differs from fnv64(wordKey)", word)
			}
			if got, want := stemKey(word), packStem(stem(word)); got != want {
				t.Fatalf("stemKey(%q) = %x, want %x (stem %q)", word, got, want, stem(word))
			}
		}
		doc := document.New("t", text)
		for _, s := range doc.Sentences() {
			sent := doc.Slice(s)
			if got, want := hasQuoteMark(sent), strings.ContainsAny(sent, "\"“”"); got != want {
				t.Fatalf("hasQuoteMark(%q) = %v, want %v", sent, got, want)
			}
		}
	}
}

func packStem(s string) uint64 {
	k := uint64(len(s)) << 40
	for i := 0; i < len(s); i++ {
		k |= uint64(s[i]) << (8 * i)
	}
	return k
}

// referenceTitleAbsent is findTitleAbsent's arithmetic as first written
// (a set of every body stem), for TestTitleAbsentMatchesReference.
func referenceTitleAbsent(doc *document.Document) (float64, []string) {
	title := strings.TrimSpace(doc.Title)
	if title == "" {
		return 0, nil
	}
	body := map[string]bool{}
	bodyStart := 0
	if strings.HasPrefix(doc.Text, title) {
		bodyStart = len(title)
	}
	for _, w := range doc.Words() {
		if w.Start >= bodyStart && w.Start < doc.MainEnd() {
			body[stem(doc.Text[w.Start:w.End])] = true
		}
	}
	if len(body) < 30 {
		return 0, nil
	}
	var missing []string
	content := 0
	for _, w := range document.WordSpans(title, 0, len(title), nil) {
		word := title[w.Start:w.End]
		lw := wordKey(word)
		if len(lw) < 4 || titleStopwords[lw] || strings.IndexFunc(lw, func(r rune) bool { return r >= '0' && r <= '9' }) >= 0 {
			continue
		}
		content++
		if !body[stem(word)] {
			missing = append(missing, word)
		}
	}
	if content == 0 {
		return 0, nil
	}
	return float64(len(missing)) / float64(content), missing
}

func TestTitleAbsentMatchesReference(t *testing.T) {
	check := func(title, text string) {
		doc := document.New("t", text)
		doc.Title = title
		c := &collector{doc: doc}
		got := findTitleAbsent(c, doc)
		want, missing := referenceTitleAbsent(doc)
		if got != want {
			t.Fatalf("title %q: share %v, want %v", title, got, want)
		}
		if len(missing) >= 2 && want >= 0.5 {
			if len(c.cands) != 1 || !strings.Contains(c.cands[0].msg, strings.Join(missing, ", ")) {
				t.Fatalf("title %q: findings %+v, want missing %v", title, c.cands, missing)
			}
		} else if len(c.cands) != 0 {
			t.Fatalf("title %q: unexpected findings %+v", title, c.cands)
		}
	}
	check("Ministers Unveil Quantum Budget Reforms", "The council met on Tuesday.")
	for _, a := range testutil.News(t) {
		check(a.Title, a.Text)
		check("Glaciers, Volcanoes and Submarine Negotiations", a.Text) // a headline the body rarely backs
	}
}

// referenceRepeatedSentences is the sentence half of findRepetition as
// first written (string keys of folded words): the starts of the repeats,
// leaving out headlines, captions and teasers that restate a sentence.
func referenceRepeatedSentences(doc *document.Document) []int {
	seen := map[string]int{}
	var out []int
	for _, s := range doc.Sentences() {
		if s.Start >= doc.MainEnd() {
			break
		}
		ws := document.WordSpans(doc.Text, s.Start, s.End, nil)
		if len(ws) < minRepeatedSentenceWords {
			continue
		}
		var b strings.Builder
		for _, w := range ws {
			b.WriteString(wordKey(doc.Text[w.Start:w.End]))
			b.WriteByte(' ')
		}
		if first, ok := seen[b.String()]; ok {
			if !onDisplayLine(doc, first) && !onDisplayLine(doc, s.Start) && !isStandfirst(doc, first, s.Start) &&
				!afterFooter(doc, first, s.Start) {
				out = append(out, s.Start)
			}
			continue
		}
		seen[b.String()] = s.Start
	}
	return out
}

func TestRepeatedSentencesMatchReference(t *testing.T) {
	texts := speedTexts(t)
	texts = append(texts,
		"The council approved the new budget on Tuesday night. THE COUNCIL APPROVED THE NEW BUDGET ON TUESDAY NIGHT! "+
			"The council approved the new budget on Tuesday, night. The council approved a new budget on Tuesday night.",
		"It’s the Kelvin scale that matters most here. It's the kelvin scale that matters most here.")
	for _, text := range texts {
		doc := document.New("t", text)
		c := &collector{doc: doc}
		findRepetition(c, doc)
		var got []int
		for _, cd := range c.cands {
			if cd.rule == ruleRepeatedSent {
				got = append(got, cd.start)
			}
		}
		want := referenceRepeatedSentences(doc)
		if len(got) != len(want) {
			t.Fatalf("repeated sentences at %v, want %v in %.80q", got, want, text)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("repeated sentences at %v, want %v in %.80q", got, want, text)
			}
		}
	}
}
