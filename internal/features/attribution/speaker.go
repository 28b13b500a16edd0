package attribution

import (
	"sort"
	"strings"

	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/features/people"
)

// attributeQuote finds who speaks quotation q: the attribution inside an
// interrupted quote, then a clause right after it ("…," she said), then a
// clause before it in the same sentence (or in a preceding sentence ending
// with a colon). tight is set when the attribution touches the quotation,
// which lets a short quoted phrase count as a quote.
func attributeQuote(doc *document.Document, w *words, pr *people.Result, q quoteSpan, clauses []clause, all []quoteSpan) (sp Speaker, tight, ok bool) {
	switch q.Kind {
	case QALine:
		return transcriptSpeaker(doc, w, pr, q)
	case BlockQuote:
		if c, found := clauseBefore(doc, q, clauses, true); found {
			return c.Subject, true, true
		}
		return Speaker{}, false, false
	}
	// clauses are in text order (one per verb word), so each lookup below
	// starts with a binary search.
	if q.GapEnd > 0 {
		if i := clauseFrom(clauses, q.GapStart); i < len(clauses) && clauses[i].VerbStart < q.GapEnd {
			return clauses[i].Subject, true, true
		}
	}
	// After: `…," she said.` / `…," said Smith.` up to the sentence's end
	// or the next quotation.
	limit := sentenceEnd(doc, q.End)
	if i := quoteFrom(all, q.End); i < len(all) && all[i].Start < limit {
		limit = all[i].Start
	}
	firstAfter := w.at(q.End)
	if firstAfter < w.n() && !endsSentenceBefore(doc.Text, q, w.start(firstAfter)) {
		for _, c := range clauses[clauseFrom(clauses, q.End):] {
			if c.VerbStart >= limit {
				break
			}
			subj := c.Subject.Start
			if c.Inverted || c.Subject.Start < q.End {
				subj = c.VerbStart
			}
			t := w.start(firstAfter) == subj || w.start(firstAfter) == c.VerbStart
			if c.VerbStart-q.End > 80 && !t {
				break
			}
			return c.Subject, t, true
		}
	}
	if c, found := clauseBefore(doc, q, clauses, false); found {
		return c.Subject, true, true
	}
	return Speaker{}, false, false
}

// clauseBefore returns the last reporting clause before q in q's sentence,
// or in the previous sentence when that ends with a colon (`He said:`).
func clauseBefore(doc *document.Document, q quoteSpan, clauses []clause, block bool) (clause, bool) {
	ss := doc.Sentences()
	si := doc.SentenceAt(q.Start)
	from := q.Start
	if si >= 0 {
		from = ss[si].Start
	}
	if si > 0 && (from == q.Start || block) {
		prev := ss[si-1]
		t := strings.TrimSpace(doc.Text[prev.Start:prev.End])
		if strings.HasSuffix(t, ":") {
			from = prev.Start
		}
	}
	if block && si < 0 {
		// a block quote line may not be a sentence: look at the line before
		if k := strings.LastIndex(doc.Text[:q.Start], "\n"); k > 0 {
			if j := strings.LastIndex(doc.Text[:k], "\n"); j >= 0 {
				from = j + 1
			} else {
				from = 0
			}
		}
	}
	// The last clause starting at or after from that ends by q.Start.
	lo := clauseFrom(clauses, from)
	for i := clauseFrom(clauses, q.Start+1) - 1; i >= lo; i-- {
		if clauses[i].VerbEnd <= q.Start {
			return clauses[i], true
		}
	}
	return clause{}, false
}

// clauseFrom is the index of the first clause whose verb starts at or after
// off (clauses are sorted by VerbStart).
func clauseFrom(clauses []clause, off int) int {
	return sort.Search(len(clauses), func(i int) bool { return clauses[i].VerbStart >= off })
}

// quoteFrom is the index of the first quotation starting at or after off
// (findQuotes returns them sorted by Start).
func quoteFrom(qs []quoteSpan, off int) int {
	return sort.Search(len(qs), func(i int) bool { return qs[i].Start >= off })
}

// sentenceEnd returns the end of the sentence holding offset, or of the
// paragraph when offset ends a sentence.
func sentenceEnd(doc *document.Document, off int) int {
	if i := doc.SentenceAt(off); i >= 0 {
		return doc.Sentences()[i].End
	}
	if i := doc.ParagraphAt(off); i >= 0 {
		return doc.Paragraphs()[i].End
	}
	return off
}

// transcriptSpeaker resolves a transcript label ("LEAVITT:", "Karoline
// Leavitt:") to a person named in the article. "A:" answers belong to the
// person an interview introduction names; a FAQ's "Q:"/"A:" lines have no
// speaker and are not quotations.
func transcriptSpeaker(doc *document.Document, w *words, pr *people.Result, q quoteSpan) (Speaker, bool, bool) {
	label := strings.TrimSpace(q.Label)
	if label == "Q" {
		return Speaker{}, false, false
	}
	if label == "A" {
		if !w.interviewBefore(doc.Text, q.Start) {
			return Speaker{}, false, false
		}
		if p := pr.LastBefore(q.Start); p != nil {
			return Speaker{Person: p, Named: true, Key: "person:" + p.Name, Text: label, Start: q.Start, End: q.Start + len(label)}, true, true
		}
		return Speaker{}, false, false
	}
	for _, p := range pr.People {
		if strings.EqualFold(p.Name, label) || strings.EqualFold(p.Surname, label) || strings.EqualFold(p.Honorific+" "+p.Surname, label) {
			return Speaker{Person: p, Named: true, Key: "person:" + p.Name, Text: label, Start: q.Start, End: q.Start + len(label)}, true, true
		}
	}
	return Speaker{}, false, false
}

// endsSentenceBefore reports whether a sentence ends between the quotation
// and the word at next: `…war.” He said` (capital after a full stop) does,
// `…war,” he said` and `…war?” she asked` do not.
func endsSentenceBefore(text string, q quoteSpan, next int) bool {
	between := text[q.End:next]
	if strings.ContainsAny(between, ".!?\n") {
		return true
	}
	inner := strings.TrimSpace(text[q.InnerStart:q.InnerEnd])
	if !strings.HasSuffix(inner, ".") {
		return false
	}
	r := text[next]
	return r >= 'A' && r <= 'Z'
}

// firstInterviewEnd is the byte offset just past the first "interview" in
// strings.ToLower(s) terms, or -1. strings.ToLower maps rune by rune, and
// the only non-ASCII runes it maps into ASCII are U+0130 (İ, to "i") and
// the Kelvin sign (to "k"), so an occurrence is nine runes, each an ASCII
// letter of the word in either case or, for an "i", İ. ASCII bytes and
// İ's lead byte 0xC4 always start a rune, however invalid the text around
// them, so matching bytes finds exactly those occurrences: each "w" or "W"
// is checked backwards.
func firstInterviewEnd(s string) int {
	for j := len("intervie"); j < len(s); j++ {
		if s[j]|0x20 == 'w' && endsWithIntervie(s, j) {
			return j + 1
		}
	}
	return -1
}

// endsWithIntervie reports whether s[:end] ends with "intervie" (ASCII
// letters in either case, İ for an "i").
func endsWithIntervie(s string, end int) bool {
	const want = "intervie"
	k := end
	for m := len(want) - 1; m >= 0; m-- {
		c := want[m]
		switch {
		case c == 'i' && k >= 2 && s[k-2] == 0xC4 && s[k-1] == 0xB0:
			k -= 2
		case k >= 1 && s[k-1]|0x20 == c:
			k--
		default:
			return false
		}
	}
	return true
}

// interviewBefore is strings.Contains(strings.ToLower(text[:at]),
// "interview") for the article's text, at a character boundary, answered
// from one scan per article: every "A:" line of a transcript asks it. A match lies in text[:at] exactly
// when the first match ends by at (runes before at decode the same in the
// prefix and the whole).
func (w *words) interviewBefore(text string, at int) bool {
	if !w.interviewKnown {
		w.interviewEnd, w.interviewKnown = firstInterviewEnd(text), true
	}
	return w.interviewEnd >= 0 && w.interviewEnd <= at
}
