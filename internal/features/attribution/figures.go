package attribution

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/copydesk/copydesk/internal/document"
)

// figureRE finds large or precise figures that someone must have counted:
// "over 2 million", "40%", "1,200 people", "35 per cent".
var figureRE = regexp.MustCompile(`(?i)\d[\d,.]*\s?(?:%|per ?cent\b|percent\b|million\b|billion\b|trillion\b|thousand\b|m\b|bn\b)|\b\d{1,3}(?:,\d{3})+\b`)

// superlativeRE finds superlatives that claim a measured extreme.
var superlativeRE = regexp.MustCompile(`(?i)\b(?:the (?:largest|biggest|highest|lowest|worst|deadliest|fastest|greatest|most \w+)|record[- ](?:high|low|number|levels?)|all-time (?:high|low))\b`)

// unsourcedFigureFindings reports figures and superlatives in paragraphs
// that name no source at all (no reporting clause, no quotation, no
// "according to").
func (a *articleAttribution) unsourcedFigureFindings(doc *document.Document, w *words, clauses []clause, quotes []quoteSpan) {
	sourced := map[int]bool{}
	for _, c := range clauses {
		sourced[doc.ParagraphAt(c.VerbStart)] = true
	}
	for _, q := range quotes {
		sourced[doc.ParagraphAt(q.Start)] = true
	}
	end := doc.MainEnd()
	for _, s := range doc.Sentences() {
		if s.Start >= end {
			break
		}
		p := doc.ParagraphAt(s.Start)
		if sourced[p] {
			continue
		}
		text := doc.Text[s.Start:s.End]
		if strings.Contains(text, "|") {
			continue // table rows
		}
		var loc []int
		if strings.ContainsAny(text, "0123456789") {
			loc = figureRE.FindStringIndex(text)
		}
		if loc == nil && mayHaveSuperlative(text) {
			loc = superlativeRE.FindStringIndex(text)
		}
		if loc == nil {
			continue
		}
		a.unsourcedFigures++
		a.findings = append(a.findings, finding{ruleUnsourcedFigure, s.Start + loc[0], s.Start + loc[1],
			fmt.Sprintf("%q: no source for this figure in the paragraph", strings.TrimSpace(text[loc[0]:loc[1]]))})
	}
}

// mayHaveSuperlative is a cheap test before the superlative expression.
func mayHaveSuperlative(s string) bool {
	return strings.Contains(s, "the ") || strings.Contains(s, "The ") || strings.Contains(s, "ecord") || strings.Contains(s, "ll-time")
}
