package boilerplate

import (
	"fmt"
	"strconv"
	"strings"
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

// repeatedLine is what an article emits for one short line: where it
// sits and its text (a copy), keyed by the normalised line's hash.
type repeatedLine struct {
	Start       int    `json:"s"`
	End         int    `json:"e"`
	Line        int    `json:"l"`
	Col         int    `json:"c"`
	OutsideMain bool   `json:"o,omitempty"`
	Text        string `json:"t"`
}

// RepeatedLines is the BP018 check across articles: each article emits its
// short lines keyed by the normalised line's hash (a few dozen bytes per
// line); a key with repeatMinArticles articles or more is template chrome,
// reported on every article holding it.
type RepeatedLines struct{}

// NewRepeatedLines returns the check.
func NewRepeatedLines() *RepeatedLines { return &RepeatedLines{} }

var _ corpus.Keyed = (*RepeatedLines)(nil)

func (c *RepeatedLines) Name() string           { return "boilerplate.repeated_lines" }
func (c *RepeatedLines) Rules() []analysis.Rule { return []analysis.Rule{repeatedLineRule} }
func (c *RepeatedLines) NewValue() any          { return &repeatedLine{} }
func (c *RepeatedLines) NewNote() any           { return &analysis.Finding{} }

// Emit returns one sighting per distinct short line of doc (the first
// occurrence when a line repeats within the article).
func (c *RepeatedLines) Emit(doc *document.Document, res *analysis.Result) []corpus.Sighting {
	var out []corpus.Sighting
	var seen map[uint64]bool
	for _, l := range nonBlankLines(doc) {
		norm, ok := repeatKey(l.text)
		if !ok {
			continue
		}
		key := fnv64a(norm)
		if seen[key] {
			continue
		}
		if seen == nil {
			seen = map[uint64]bool{}
		}
		seen[key] = true
		line, col := doc.Position(l.start)
		out = append(out, corpus.Sighting{Key: strconv.FormatUint(key, 16), Value: &repeatedLine{
			Start: l.start, End: l.end, Line: line, Col: col, OutsideMain: !l.inMain, Text: strings.Clone(l.text)}})
	}
	return out
}

// Reduce reports a line once repeatMinArticles articles hold it. As when
// the articles arrive in (date, id) order: the first repeatMinArticles
// are reported with the text of the one that crossed the bar and the
// count then (repeatMinArticles); each later one with its own text and
// its rank.
func (c *RepeatedLines) Reduce(g *corpus.Group) []corpus.Note {
	if g.Total < repeatMinArticles || len(g.Members) < repeatMinArticles {
		return nil
	}
	bar := g.Members[repeatMinArticles-1].Value.(*repeatedLine).Text
	var out []corpus.Note
	for i := g.From; i < g.To; i++ {
		r := g.Members[i].Value.(*repeatedLine)
		text, n := r.Text, g.Rank(i)+1
		if n <= repeatMinArticles {
			text, n = bar, repeatMinArticles
		}
		f := repeatFinding(r, text, n)
		out = append(out, corpus.Note{Article: g.Members[i].Order.ID, Value: &f})
	}
	return out
}

// Settle adds the article's BP018 findings.
func (c *RepeatedLines) Settle(article string, notes []corpus.Note) corpus.Amendment {
	var a corpus.Amendment
	for _, n := range notes {
		a.Findings = append(a.Findings, *n.Value.(*analysis.Finding))
	}
	corpus.SortFindings(a.Findings)
	return a
}

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
func repeatFinding(r *repeatedLine, text string, n int) analysis.Finding {
	return analysis.Finding{
		Rule: repeatedLineRule.ID, Dimension: analysis.Boilerplate, Severity: repeatedLineRule.Severity,
		Message:  fmt.Sprintf("line %q appears in %d articles of this batch", text, n),
		Evidence: fmt.Sprintf("shared by %d or more articles: template chrome", repeatMinArticles),
		Text:     text, Start: r.Start, End: r.End, Line: r.Line, Column: r.Col, OutsideMain: r.OutsideMain,
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
