package boilerplate

import (
	"fmt"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/corpus"
	"github.com/copydesk/copydesk/internal/document"
)

// repeatedLineRule is the batch check's rule.
var repeatedLineRule = rule("BP018", analysis.Warning, "short line repeated across the batch",
	"The same short line (after case and spacing are normalised) appears in several articles of the batch: "+
		"a site template's chrome (\"Stay informed with our daily briefing\", a footer, a widget caption) that "+
		"the extractor kept. Bylines and datelines are ignored. Delete the line from each article.",
	"Get the latest headlines delivered daily")

const (
	// repeatMinArticles is how many articles must share a line before it is
	// template chrome rather than coincidence (two wire stories can share a
	// subheading; three articles sharing one is a template).
	repeatMinArticles = 3
	// repeatMaxWords bounds the lines indexed: chrome is short, and long
	// shared sentences are the templated dimension's business.
	repeatMaxWords   = 12
	repeatMinLetters = 8
)

// lineRef is where one indexed line sits in one article.
type lineRef struct {
	doc         int
	start, end  int
	line, col   int
	outsideMain bool
}

// lineStat is what the check remembers about one distinct short line: the
// articles holding it (bounded) and whether they were already reported.
type lineStat struct {
	refs     []lineRef
	articles int
	reported bool
	last     int // last article counted, so one article counts once
}

// RepeatedLines is the BP018 corpus check. It keeps, per distinct short
// line, a 64-bit hash and where it occurred: a few dozen bytes per article.
type RepeatedLines struct {
	lines map[uint64]*lineStat
}

// NewRepeatedLines returns a fresh check for one batch.
func NewRepeatedLines() *RepeatedLines { return &RepeatedLines{lines: map[uint64]*lineStat{}} }

func (c *RepeatedLines) Name() string           { return "boilerplate.repeated_lines" }
func (c *RepeatedLines) Rules() []analysis.Rule { return []analysis.Rule{repeatedLineRule} }

// Observe indexes doc's short lines. When a line reaches
// repeatMinArticles it amends every article that holds it (earlier ones
// only take effect in batch mode); later articles are amended as they come.
func (c *RepeatedLines) Observe(idx int, doc *document.Document, res *analysis.Result) []corpus.Amendment {
	byDoc := map[int][]analysis.Finding{}
	for _, l := range nonBlankLines(doc) {
		norm, ok := repeatKey(l.text)
		if !ok {
			continue
		}
		key := fnv64a(norm)
		st := c.lines[key]
		if st == nil {
			st = &lineStat{last: -1}
			c.lines[key] = st
		}
		if st.last == idx {
			continue
		}
		st.last = idx
		st.articles++
		line, col := doc.Position(l.start)
		ref := lineRef{doc: idx, start: l.start, end: l.end, line: line, col: col, outsideMain: !l.inMain}
		switch {
		case st.reported:
			byDoc[idx] = append(byDoc[idx], repeatFinding(ref, l.text, st.articles))
		case st.articles >= repeatMinArticles:
			st.reported = true
			for _, r := range st.refs {
				byDoc[r.doc] = append(byDoc[r.doc], repeatFinding(r, l.text, st.articles))
			}
			byDoc[idx] = append(byDoc[idx], repeatFinding(ref, l.text, st.articles))
			st.refs = nil
		default:
			st.refs = append(st.refs, ref)
		}
	}
	var out []corpus.Amendment
	for d, fs := range byDoc {
		out = append(out, corpus.Amendment{Doc: d, Findings: fs})
	}
	return out
}

// Finish has nothing left to say: lines are reported as they cross the bar.
func (c *RepeatedLines) Finish() []corpus.Amendment { return nil }

// repeatKey normalises a line for the index, or says it should not be
// indexed (too long, too few letters, a byline or dateline).
func repeatKey(line string) (string, bool) {
	// Normalising keeps every letter and digit (lower-casing maps word
	// runes to word runes, checked over all of Unicode) and only ever
	// replaces, collapses or trims the rest: the line has as many words
	// as its normalised form, so long lines are dismissed unnormalised.
	if wordsOver(line, repeatMaxWords) {
		return "", false
	}
	norm := normalizeLine(line)
	words := 0
	inWord := false
	letters := 0
	for _, r := range norm {
		if isWordRune(r) {
			if r > '9' || r < '0' {
				letters++
			}
			if !inWord {
				words++
			}
			inWord = true
		} else {
			inWord = false
		}
	}
	if words == 0 || words > repeatMaxWords || letters < repeatMinLetters {
		return "", false
	}
	if bylineRe.MatchString(line) || datelineRe.MatchString(line) || wireCreditRe.MatchString(line) {
		return "", false
	}
	return norm, true
}

// repeatFinding builds the finding for one occurrence. An earlier article
// is no longer in memory, so its text is the shared line (identical up to
// case and spacing) and its position the one indexed.
func repeatFinding(r lineRef, text string, n int) analysis.Finding {
	return analysis.Finding{
		Rule: repeatedLineRule.ID, Dimension: analysis.Boilerplate, Severity: repeatedLineRule.Severity,
		Message:  fmt.Sprintf("line %q appears in %d articles of this batch", text, n),
		Evidence: fmt.Sprintf("shared by %d or more articles: template chrome", repeatMinArticles),
		Text:     text, Start: r.start, End: r.end, Line: r.line, Column: r.col, OutsideMain: r.outsideMain,
	}
}

// fnv64a is hash/fnv's 64-bit FNV-1a of s, without the hasher and the byte
// copy per line.
func fnv64a(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// wordsOver reports whether s has more than max runs of letters and digits.
func wordsOver(s string, max int) bool {
	words, inWord := 0, false
	for i := 0; i < len(s); {
		c := s[i]
		var word bool
		if c < utf8.RuneSelf {
			word = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
			i++
		} else {
			r, n := utf8.DecodeRuneInString(s[i:])
			word = isWordRune(r)
			i += n
		}
		if word && !inWord {
			if words++; words > max {
				return true
			}
		}
		inWord = word
	}
	return false
}
