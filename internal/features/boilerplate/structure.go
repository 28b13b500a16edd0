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

// numberedHeading is a short line opening with a list number ("1.", "2)",
// "#3", "### 4:"), a heading rather than a sentence: it names a point and
// stops without a full stop.
var numberedHeading = regexp.MustCompile(`^(?:#{1,4}\s*|\*\*)?#?(\d{1,2})\s*[.):–—-]\s+(\S.*)$`)

// maxListHeadingWords bounds a listicle heading: longer lines are list
// items written as prose, which news does use ("1. The bill raises …").
const maxListHeadingWords = 14

// minListHeadings is how many numbered headings in sequence make a
// listicle: two could be an ordinary enumeration.
const minListHeadings = 3

// listicleHeadings finds articles built as a numbered list of headings,
// each followed by its own paragraph ("5 things to know": "1. The deal is
// done", paragraph, "2. Markets shrugged", paragraph). Content farms and
// SEO templates publish news in this shape; agency and newsroom reports
// do not, and when a report enumerates, its items are sentences, not
// headings over paragraphs. Each run of at least minListHeadings headings
// numbered 1, 2, 3 … with prose between them is one finding.
func listicleHeadings(lines []textLine) []candidate {
	var out []candidate
	heading := func(i int) (int, bool) {
		l := lines[i]
		if !l.inMain || l.text[0] != '#' && l.text[0] != '*' && (l.text[0] < '0' || l.text[0] > '9') {
			return 0, false
		}
		m := numberedHeading.FindStringSubmatch(l.text)
		if m == nil {
			return 0, false
		}
		title := strings.TrimRight(m[2], "*# ")
		if title == "" || len(strings.Fields(title)) > maxListHeadingWords || strings.ContainsAny(title[len(title)-1:], ".;,") {
			return 0, false
		}
		n := 0
		for _, c := range m[1] {
			n = n*10 + int(c-'0')
		}
		return n, true
	}
	for i := 0; i < len(lines); i++ {
		n, ok := heading(i)
		if !ok || n != 1 {
			continue
		}
		start, end, count, want := lines[i].start, lines[i].end, 1, 2
		for j := i + 1; j < len(lines); j++ {
			if m, ok := heading(j); ok {
				if m != want || j == i+1 {
					break // out of sequence, or two headings with no paragraph between
				}
				count, want, end, i = count+1, want+1, lines[j].end, j
			}
		}
		if count >= minListHeadings {
			out = append(out, candidate{rule: "BP019", start: start, end: end,
				message: fmt.Sprintf("the article is a numbered list of %d headings, each over its own paragraph: a listicle template, not a news report", count)})
		}
	}
	return out
}
