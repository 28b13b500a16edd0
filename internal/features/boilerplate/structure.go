package boilerplate

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// Checks driven by line structure rather than a phrase list.

var (
	questionRe = regexp.MustCompile(`^(?:\*\*|#+\s*)?(?i:q|question)\s*(?:\d+\s*)?[:.)]\s*\S`)
	answerRe   = regexp.MustCompile(`^(?:\*\*)?(?i:a|answer)\s*(?:\d+\s*)?[:.)]\s*\S`)

	// placeholderRe finds unfilled template slots: a bracket opening with a
	// fill-in verb or a slot noun, the same in parentheses ("(insert link)",
	// "(Your Name)") with a narrower word list, since reporters' asides use
	// parentheses, a bracketed title-case slot ending in a slot noun
	// ("[Owner's Name]", "[Company Name]": editors' insertions are lower
	// case), {{mustache}} variables. It is anchored: placeholders() tries
	// it only where a bracket opens, on a bounded window, so an article full
	// of parentheses costs a few anchored matches, not a scan of the text.
	placeholderRe = regexp.MustCompile(`^(?:(?i:\[\s*(?:insert|add|enter|include|your|name of|company name|author name|link to|url|image|photo|placeholder|quote from|source:|city|date|name|number|statistic|expert|relevant)\b[^\]\n]{0,100}\])|(?i:\((?:insert|add|enter|your|link to|url|placeholder|source link)\b[^)\n]{0,60}\))|\[(?:[A-Z][\w'’]*\s){0,3}(?:Name|Title|Date|Company|Location|City|Link|URL|Quote|Organi[sz]ation)\]|\{\{\s*[\w .-]{1,40}\s*\}\})`)
	loremRe       = regexp.MustCompile(`(?i)\blorem ipsum\b`)
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
	var out []candidate
	add := func(s, e int) {
		out = append(out, candidate{rule: "BP016", start: s, end: e,
			message: fmt.Sprintf("unfilled placeholder %q", text[s:e])})
	}
	// The longest slot the expression admits is about 120 bytes.
	const window = 160
	for i := 0; i < len(text); {
		k := strings.IndexAny(text[i:], "[({")
		if k < 0 {
			break
		}
		i += k
		if m := placeholderRe.FindStringIndex(text[i:min(len(text), i+window)]); m != nil {
			add(i, i+m[1])
			i += m[1]
			continue
		}
		i++
	}
	if strings.Contains(text, "orem ipsum") || strings.Contains(text, "OREM IPSUM") {
		for _, m := range loremRe.FindAllStringIndex(text, -1) {
			add(m[0], m[1])
		}
		sort.Slice(out, func(a, b int) bool { return out[a].start < out[b].start })
	}
	return out
}
