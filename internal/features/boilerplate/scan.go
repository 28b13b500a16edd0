package boilerplate

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/copydesk/copydesk/internal/document"
)

// candidate is a finding before overlapping ones are merged.
type candidate struct {
	rule       string
	start, end int
	message    string
	evidence   string
	// besideChrome marks a run-kind line match, kept only when a
	// neighbouring line is listed chrome too.
	besideChrome bool
}

// Scan is the analyzer's result: the findings it will report and the
// numbers behind its features.
type Scan struct {
	candidates   []candidate
	chromeLines  int     // non-blank lines in page-chrome regions
	maxLineScore float64 // highest classifier score of a main-text line
}

// textLine is one non-blank line, trimmed.
type textLine struct {
	start, end int
	text       string
	inMain     bool
}

func nonBlankLines(doc *document.Document) []textLine {
	var out []textLine
	for _, l := range doc.Lines() {
		s, e := trimSpace(doc.Text, l.Start, l.End)
		if s >= e {
			continue
		}
		out = append(out, textLine{start: s, end: e, text: doc.Text[s:e], inMain: doc.InMain(s)})
	}
	return out
}

// scanDocument runs every per-article check over doc.
func scanDocument(doc *document.Document, r *resources) *Scan {
	sc := &Scan{}
	lines := nonBlankLines(doc)
	var mainLines []int // indexes into lines, for position features
	for i, l := range lines {
		if l.inMain {
			mainLines = append(mainLines, i)
		} else {
			sc.chromeLines++
		}
	}
	title := normalizeLine(doc.Title)
	matched := make([]bool, len(lines))
	heads := make([]string, len(lines)) // normalised opening of each line
	var pending map[int]candidate       // run-kind matches awaiting a chrome neighbour
	for i, l := range lines {
		heads[i] = normalizeLine(lineHead(l.text))
		if c, ok := r.lex.matchNormLine(l, heads[i]); ok {
			if c.besideChrome {
				if pending == nil {
					pending = map[int]candidate{}
				}
				pending[i] = c
				continue
			}
			sc.candidates = append(sc.candidates, c)
			matched[i] = true
		}
	}
	if len(pending) > 0 {
		chrome := func(j int) bool {
			_, run := pending[j]
			return j >= 0 && j < len(lines) && (matched[j] || run)
		}
		for i := range lines { // in line order, so findings stay deterministic
			if c, ok := pending[i]; ok && (chrome(i-1) || chrome(i+1)) {
				sc.candidates = append(sc.candidates, c)
				matched[i] = true
			}
		}
	}
	sc.candidates = append(sc.candidates, faqBlocks(lines)...)
	sc.candidates = append(sc.candidates, listicleHeadings(lines)...)
	sc.candidates = append(sc.candidates, r.lex.matchPhrases(doc)...)
	sc.candidates = append(sc.candidates, placeholders(doc.Text)...)

	pos := make([]int, len(lines)) // line index → position among main lines
	for p, i := range mainLines {
		pos[i] = p
	}
	type scoredLine struct {
		i        int
		score    float64
		x        lineFeatures
		weakOnly bool
	}
	var over []scoredLine // lines at or above the threshold
	for i, l := range lines {
		if matched[i] || (title != "" && alnumAtMost(l.text, len(title)) && wholeNorm(l.text, heads[i]) == title) {
			continue
		}
		p, n := pos[i], len(mainLines)
		if !l.inMain {
			p, n = 0, 1 // chrome: the extractor already put it at the edge
		}
		x, info := extractLineFeatures(l.text, p, n, r.vocab)
		if !info.scored() {
			continue
		}
		s := r.model.score(x)
		if l.inMain && s > sc.maxLineScore {
			sc.maxLineScore = s
		}
		if s >= r.model.threshold {
			over = append(over, scoredLine{i: i, score: s, x: x, weakOnly: weakEvidenceOnly(x)})
		}
	}
	// A line whose only chrome evidence is a weak widget word ("Facebook",
	// "Print", "Share") is also a plausible subheading; it is reported
	// only beside other chrome: a listed line or another line over the
	// threshold (a share bar's network names stand together).
	overAt := make(map[int]bool, len(over))
	for _, o := range over {
		overAt[o.i] = true
	}
	beside := func(j int) bool { return j >= 0 && j < len(lines) && (matched[j] || overAt[j]) }
	for _, o := range over {
		if o.weakOnly && !beside(o.i-1) && !beside(o.i+1) {
			continue
		}
		l := lines[o.i]
		sc.candidates = append(sc.candidates, candidate{
			rule: "BP017", start: l.start, end: l.end,
			message:  fmt.Sprintf("line scored %.2f as page furniture rather than reporting", o.score),
			evidence: explainFeatures(o.x, r.model),
		})
	}
	sc.candidates = mergeCandidates(sc.candidates)
	return sc
}

// chromeEvidence indexes the features that are chrome evidence stronger
// than a weak widget word.
var chromeEvidence = featureIndexes("widget", "count", "timestamp", "separators", "url")

func featureIndexes(names ...string) []int {
	var out []int
	for _, n := range names {
		i := slices.Index(lineFeatureNames, n)
		if i < 0 {
			panic("boilerplate: no line feature " + n) // a programming error, caught by any test
		}
		out = append(out, i)
	}
	return out
}

// weakEvidenceOnly reports whether a line's only chrome evidence is weak
// widget vocabulary: no strong widget word, count, timestamp, separators
// or URL.
func weakEvidenceOnly(x lineFeatures) bool {
	for _, f := range chromeEvidence {
		if x[f] != 0 {
			return false
		}
	}
	return true
}

// explainFeatures names the features that pushed a line towards chrome.
func explainFeatures(x lineFeatures, m *lineModel) string {
	type contrib struct {
		name string
		v    float64
	}
	var cs []contrib
	for i, w := range m.weights {
		if v := w * x[i]; v > 0.5 {
			cs = append(cs, contrib{lineFeatureNames[i], v})
		}
	}
	sort.Slice(cs, func(i, j int) bool { return cs[i].v > cs[j].v })
	var parts []string
	for _, c := range cs {
		parts = append(parts, fmt.Sprintf("%s +%.1f", c.name, c.v))
	}
	return "classifier features: " + strings.Join(parts, ", ")
}

// mergeCandidates sorts candidates and merges overlapping ones into one
// spanning both, keeping the strongest rule (severity, then the listed rule
// over the classifier), so an editor sees one highlight per stretch.
func mergeCandidates(cs []candidate) []candidate {
	sort.SliceStable(cs, func(i, j int) bool {
		if cs[i].start != cs[j].start {
			return cs[i].start < cs[j].start
		}
		return cs[i].end > cs[j].end
	})
	var out []candidate
	for _, c := range cs {
		if n := len(out); n > 0 && c.start < out[n-1].end {
			last := &out[n-1]
			if c.rule == last.rule && c.message != last.message {
				last.message += "; " + c.message
			}
			if stronger(c, *last) {
				c.start, c.end = last.start, max(last.end, c.end)
				*last = c
			} else {
				last.end = max(last.end, c.end)
			}
			continue
		}
		out = append(out, c)
	}
	return out
}

func stronger(a, b candidate) bool {
	sa, sb := severityOf(a.rule), severityOf(b.rule)
	if sa != sb {
		return sa > sb
	}
	if (a.rule == "BP017") != (b.rule == "BP017") {
		return b.rule == "BP017"
	}
	return a.end-a.start > b.end-b.start
}

func trimSpace(text string, s, e int) (int, int) {
	for s < e && isSpaceByteOrNBSP(text, s) {
		if text[s] == 0xC2 {
			s += 2
		} else {
			s++
		}
	}
	for e > s && (text[e-1] == ' ' || text[e-1] == '\t' || text[e-1] == '\r' || text[e-1] == '\n' ||
		e-2 >= s && text[e-2] == 0xC2 && text[e-1] == 0xA0) {
		if text[e-1] == 0xA0 {
			e -= 2
		} else {
			e--
		}
	}
	return s, e
}

func isSpaceByteOrNBSP(text string, i int) bool {
	switch text[i] {
	case ' ', '\t', '\r', '\n':
		return true
	case 0xC2:
		return i+1 < len(text) && text[i+1] == 0xA0
	}
	return false
}

// wholeNorm is normalizeLine(line) given head, the normalised lineHead:
// the same string unless the line was cut.
func wholeNorm(line, head string) string {
	if len(line) <= maxWholeLineBytes {
		return head
	}
	return normalizeLine(line)
}

// alnumAtMost reports whether s has at most max ASCII letters and digits.
// normalizeLine keeps each of them as one byte, so a line with more cannot
// normalise to a string of max bytes: a long paragraph is never compared
// with the headline by normalising it whole.
func alnumAtMost(s string, max int) bool {
	n := 0
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; 'a' <= c && c <= 'z' || '0' <= s[i] && s[i] <= '9' {
			if n++; n > max {
				return false
			}
		}
	}
	return true
}
