package boilerplate

import (
	"fmt"
	"io/fs"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/datafile"
	"github.com/copydesk/copydesk/internal/document"
)

// The line classifier scores a short line as page furniture from features
// any line has, so it catches residue no pattern list names ("4.5/5 (23
// votes)", "Home › World › Middle East"). Weights are a logistic regression
// fitted by TestFitLineModel (fit_test.go) and stored in data/line_model.tsv;
// README.md says on what.

// maxClassifiedWords bounds the lines the classifier looks at: chrome is
// short, and a longer line is prose whatever its words.
const maxClassifiedWords = 15

// maxClassifiedBytes is a cheap upper bound checked before counting words.
const maxClassifiedBytes = 240

// lineFeatureNames orders the classifier's inputs; data/line_model.tsv names
// a weight for each.
var lineFeatureNames = []string{
	"short",       // (15 - words) / 15
	"no_terminal", // does not end like a sentence
	"no_verb",     // no finite-verb cue and no -ed word
	"widget",      // share of words that are strong widget words ("newsletter")
	"widget_weak", // share of words that are weak widget words ("share", "vote")
	"count",       // a count or score next to a widget word: "12 comments", "4.5/5"
	"timestamp",   // clock time, "5 hours ago", "Updated", a full date
	"separators",  // two or more of | » › · • / between words
	"url",         // a URL, e-mail address or @handle
	"edge",        // among the first or last two lines of the text
	"label",       // "Word:" or "Two Words:" opening
	"title_case",  // every word of four letters or more is capitalised
}

// lineFeatures is one line's classifier input, in lineFeatureNames order.
type lineFeatures [12]float64

// lineInfo is what decides whether a line is scored at all.
type lineInfo struct {
	words int
	// evidence: the line carries some chrome signal (a widget word, a
	// count, a timestamp, separators, a URL). Short lines without any are
	// common in real news (match lists, attendances, subheadings) and
	// are left to the batch repetition check.
	evidence bool
	// exempt: a byline, wire dateline, "Reporting by" credit or a line
	// opening with a quotation mark: real copy, never furniture.
	exempt bool
}

// scored reports whether the classifier should score the line.
func (li lineInfo) scored() bool {
	return li.words > 0 && li.words <= maxClassifiedWords && li.evidence && !li.exempt
}

// lineModel is the fitted classifier.
type lineModel struct {
	bias      float64
	weights   lineFeatures
	threshold float64 // probability at or above which a line is reported
}

// score returns the probability that a line with features x is chrome.
func (m *lineModel) score(x lineFeatures) float64 {
	z := m.bias
	for i, w := range m.weights {
		z += w * x[i]
	}
	return 1 / (1 + math.Exp(-z))
}

// parseLineModel reads "name<TAB>value" lines: bias, threshold and one
// weight per feature.
func parseLineModel(fsys fs.FS, file string) (*lineModel, error) {
	m := &lineModel{}
	seen := map[string]bool{}
	err := datafile.EachLine(fsys, file, func(f []string) error {
		if len(f) != 2 {
			return fmt.Errorf("bad line %q", strings.Join(f, "\t"))
		}
		v, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			return fmt.Errorf("%s: %w", f[0], err)
		}
		seen[f[0]] = true
		switch f[0] {
		case "bias":
			m.bias = v
		case "threshold":
			m.threshold = v
		default:
			i := featureIndex(f[0])
			if i < 0 {
				return fmt.Errorf("unknown feature %q", f[0])
			}
			m.weights[i] = v
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, n := range append([]string{"bias", "threshold"}, lineFeatureNames...) {
		if !seen[n] {
			return nil, fmt.Errorf("%s: missing %q", file, n)
		}
	}
	return m, nil
}

func featureIndex(name string) int {
	for i, n := range lineFeatureNames {
		if n == name {
			return i
		}
	}
	return -1
}

// lineVocab holds the word lists the features read.
type lineVocab struct {
	widget map[string]bool // strong widget words
	weak   map[string]bool // weak widget words
	verbs  map[string]bool
}

var (
	countRe = regexp.MustCompile(`(?i)\b\d+(?:[.,]\d+)?\s*(?:k\s*)?(?:comments?|repl(?:y|ies)|shares?|views?|likes?|votes?|ratings?|reviews?|stars?|min(?:ute)?s?\s+read|followers?)\b|\b\d(?:\.\d)?\s*/\s*(?:5|10)\b|\(\s*\d+\s*votes?\s*\)|^\pL+(?: \pL+)?\s*\(\d+\)$`)
	urlRe   = regexp.MustCompile(`(?i)https?://|www\.|\b[\w.+-]+@[\w-]+\.\w+|(?:^|\s)@\w{2,}|\.(?:com|org|net|co\.uk)\b`)
	labelRe = regexp.MustCompile(`^[\p{Lu}][\p{L}]*(?: [\p{L}]+)?\s*:`)
	// The timestamp expression's alternatives one by one, each behind a
	// literal it cannot match without (see timestamp): most lines carry none.
	timestampParts = [...]*regexp.Regexp{
		regexp.MustCompile(`(?i)\b\d{1,2}:\d{2}\s*(?:am|pm)\b`),
		regexp.MustCompile(`(?i)\b\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago\b`),
		regexp.MustCompile(`(?i)^(?:updated|published|posted|last updated|modified)\b`),
		regexp.MustCompile(`(?i)\b\d{4}-\d{2}-\d{2}\b`),
		regexp.MustCompile(`(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},\s+\d{4}\b`),
	}
	// datelineRe and wireCreditRe recognise real wire copy ("WASHINGTON
	// (Reuters) -", "Reporting by …; Editing by …"), never boilerplate.
	datelineRe   = regexp.MustCompile(`^\p{Lu}[\p{L} .,'0-9-]{1,40}\((?:AP|Reuters|AFP|Bloomberg|UPI|dpa|PA|CNN|Xinhua|IANS|PTI)\)\s*[-–—]|^\p{Lu}{2,}[\p{Lu} .,'-]*\s[-–—]\s`)
	wireCreditRe = regexp.MustCompile(`^\(?(?:(?:Additional )?[Rr]eporting|Writing|Editing|Compiled|Produced)(?: by)\b`)
	bylineRe     = regexp.MustCompile(`^(?i:by)\s+\p{Lu}[\p{L}'.-]+(?:\s+\p{Lu}[\p{L}'.-]+){0,3}\s*(?:$|,|\(|and\b|\|)`)
)

// extractLineFeatures computes the features of line (trimmed text) at
// position idx among n non-blank lines.
func extractLineFeatures(line string, idx, n int, v *lineVocab) (lineFeatures, lineInfo) {
	var x lineFeatures
	body := strings.TrimLeft(line, "#*_>•·-–— ")
	// Long lines are prose: count words cheaply and stop before any regexp.
	if len(body) > maxClassifiedBytes || countFields(body) > 2*maxClassifiedWords {
		return x, lineInfo{words: maxClassifiedWords + 1}
	}
	var spans [2*maxClassifiedWords + 2]document.Span
	words := document.WordSpans(body, 0, len(body), spans[:0])
	nw := len(words)
	if nw == 0 || nw > maxClassifiedWords {
		return x, lineInfo{words: nw}
	}
	x[0] = math.Max(0, float64(maxClassifiedWords-nw)) / maxClassifiedWords
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(body, "*_ "))
	if !strings.ContainsRune(".!?\"”’')", last) {
		x[1] = 1
	}
	hasVerb, widget, weak, capital, long := false, 0, 0, 0, 0
	for _, w := range words {
		word := body[w.Start:w.End]
		lw := strings.ToLower(word)
		if v.verbs[lw] || len(lw) > 4 && strings.HasSuffix(lw, "ed") {
			hasVerb = true
		}
		if v.widget[lw] {
			widget++
		} else if v.weak[lw] {
			weak++
		}
		if utf8.RuneCountInString(word) >= 4 {
			long++
			if r, _ := utf8.DecodeRuneInString(word); unicode.IsUpper(r) {
				capital++
			}
		}
	}
	if !hasVerb {
		x[2] = 1
	}
	x[3] = float64(widget) / float64(nw)
	x[4] = float64(weak) / float64(nw)
	digits := strings.ContainsAny(body, "0123456789")
	if digits && mayCount(body) && countRe.MatchString(body) {
		x[5] = 1
	}
	if (digits || strings.Contains(body, "pdated") || strings.Contains(body, "ublished") || strings.Contains(body, "osted") ||
		strings.Contains(body, "odified")) && timestamp(body) {
		x[6] = 1
	}
	if countSeparators(body) >= 2 {
		x[7] = 1
	}
	if (strings.IndexByte(body, '@') >= 0 || strings.Contains(body, "www") || strings.Contains(body, "http") ||
		strings.Contains(body, ".co") || strings.Contains(body, ".org") || strings.Contains(body, ".net")) && urlRe.MatchString(body) {
		x[8] = 1
	}
	if idx < 2 || idx >= n-2 {
		x[9] = 1
	}
	if strings.IndexByte(body, ':') > 0 && labelRe.MatchString(body) {
		x[10] = 1
	}
	if long >= 2 && capital == long {
		x[11] = 1
	}
	info := lineInfo{words: nw, evidence: widget+weak > 0 || x[5]+x[6]+x[7]+x[8] > 0}
	if !info.evidence {
		return x, info // not scored: the exemptions below do not matter
	}
	if r, _ := utf8.DecodeRuneInString(line); strings.ContainsRune("\"“‘'", r) {
		info.exempt = true
	}
	if bylineRe.MatchString(body) || datelineRe.MatchString(body) || wireCreditRe.MatchString(body) {
		info.exempt = true
	}
	return x, info
}

// countSeparators counts navigation separators standing between words.
func countSeparators(s string) int {
	n := 0
	for _, sep := range []string{" | ", " » ", " › ", " · ", " • ", " / ", " > "} {
		n += strings.Count(s, sep)
	}
	return n
}

// countFields is len(strings.Fields(s)) without building the fields.
func countFields(s string) int { return document.CountFields(s, math.MaxInt) }

// foldedASCII reports whether s is all ASCII, in which case a
// case-insensitive expression can only match where an ASCII-case-folded
// literal search finds its letters (outside ASCII, (?i) also folds "k" to
// the Kelvin sign and "s" to the long s, so non-ASCII text is always
// handed to the expression).
func foldedASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// containsFold reports whether ASCII s contains the lower-case ASCII word w,
// ignoring case.
func containsFold(s, w string) bool {
	for i := 0; i+len(w) <= len(s); i++ {
		j := 0
		for j < len(w) {
			c := s[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != w[j] {
				break
			}
			j++
		}
		if j == len(w) {
			return true
		}
	}
	return false
}

func containsAnyFold(s string, ws ...string) bool {
	for _, w := range ws {
		if containsFold(s, w) {
			return true
		}
	}
	return false
}

// mayCount is false only when countRe cannot match s: each of its
// alternatives needs a listed widget noun, a "/" or a "(".
func mayCount(s string) bool {
	return !foldedASCII(s) || strings.ContainsAny(s, "/(") ||
		containsAnyFold(s, "comment", "repl", "share", "view", "like", "vote", "rating", "review", "star", "min", "follower")
}

// timestamp reports whether s carries a time or date: whether any of
// timestampParts matches (speed_test.go holds it to their alternation),
// trying each only when s holds a literal the alternative needs.
func timestamp(s string) bool {
	ascii := foldedASCII(s)
	first := byte(0)
	if s != "" {
		first = s[0] | 0x20 // ASCII lower case for letters
	}
	need := [len(timestampParts)]bool{
		strings.IndexByte(s, ':') >= 0,
		!ascii || containsFold(s, "ago"),
		!ascii || first == 'u' || first == 'p' || first == 'l' || first == 'm',
		strings.IndexByte(s, '-') >= 0,
		strings.IndexByte(s, ',') >= 0 && (!ascii ||
			containsAnyFold(s, "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")),
	}
	for i, re := range timestampParts {
		if need[i] && re.MatchString(s) {
			return true
		}
	}
	return false
}
