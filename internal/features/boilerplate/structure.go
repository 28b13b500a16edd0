package boilerplate

import (
	"fmt"
	"regexp"
	"strings"
)

// Checks driven by line structure rather than a phrase list.

var (
	questionRe = regexp.MustCompile(`^(?:\*\*|#+\s*)?(?i:q|question)\s*(?:\d+\s*)?[:.)]\s*\S`)
	answerRe   = regexp.MustCompile(`^(?:\*\*)?(?i:a|answer)\s*(?:\d+\s*)?[:.)]\s*\S`)

	// placeholderRe finds unfilled template slots: a bracket opening with a
	// fill-in verb or a slot noun, {{mustache}} variables, lorem ipsum.
	placeholderRe = regexp.MustCompile(`(?i)\[\s*(?:insert|add|enter|include|your|name of|company name|author name|link to|url|image|photo|placeholder|quote from|source:|city|date|name|number|statistic|expert|relevant)\b[^\]\n]{0,100}\]|\{\{\s*[\w .-]{1,40}\s*\}\}|\blorem ipsum\b`)
)

// faqBlocks finds runs of "Q:" lines each followed by an "A:" line and
// reports each run as one finding.
func faqBlocks(lines []textLine) []candidate {
	var out []candidate
	for i := 0; i+1 < len(lines); i++ {
		if !strings.ContainsRune("Qq*#", rune(lines[i].text[0])) || !questionRe.MatchString(lines[i].text) || !answerRe.MatchString(lines[i+1].text) {
			continue
		}
		start, end, pairs := lines[i].start, lines[i+1].end, 1
		j := i + 2
		for j+1 < len(lines) && questionRe.MatchString(lines[j].text) && answerRe.MatchString(lines[j+1].text) {
			end = lines[j+1].end
			pairs++
			j += 2
		}
		out = append(out, candidate{rule: "BP011", start: start, end: end,
			message: fmt.Sprintf("FAQ block of %d question-and-answer pair(s)", pairs)})
		i = j - 1
	}
	return out
}

// placeholders finds unfilled template slots anywhere in text.
func placeholders(text string) []candidate {
	// Most articles have no bracket at all: skip the regexp for them.
	if !strings.ContainsAny(text, "[{") && !strings.Contains(text, "orem ipsum") {
		return nil
	}
	var out []candidate
	for _, m := range placeholderRe.FindAllStringIndex(text, -1) {
		out = append(out, candidate{rule: "BP016", start: m[0], end: m[1],
			message: fmt.Sprintf("unfilled placeholder %q", text[m[0]:m[1]])})
	}
	return out
}
